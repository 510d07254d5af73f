using SiteAgent.Stomp.Tests.Client;

namespace SiteAgent.Stomp.Tests.Broker;

/// <summary>
/// wss against the real RabbitMQ Web-STOMP, through a TLS-terminating relay with a self-signed
/// certificate: the client's TLS path and its certificate check, with a real broker behind.
/// </summary>
// The same key as the other broker tests of this project: one of them stops and restarts the broker.
[NotInParallel("rabbitmq")]
public class SecureWebSocketTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private static StompClientOptions OverRelay(BrokerTenant tenant, TlsTerminatingRelay relay) => tenant.Options(StompTransportKind.WebSocket) with
    {
        Endpoint = StompEndpoint.Parse($"wss://127.0.0.1:{relay.Port}{RabbitMqBroker.WebSocket.Path}"),
    };

    [Test]
    public async Task Wss_CertificateAcceptedByCallback_ReceiveAndAck_QueueEmpties()
    {
        var broker = await RabbitMqBroker.RequireAsync();
        await using var tenant = await broker.CreateTenantAsync();
        await using var relay = new TlsTerminatingRelay(RabbitMqBroker.WebSocket.Port);
        var expected = relay.Certificate.Thumbprint;
        var options = OverRelay(tenant, relay) with
        {
            // Exactly the relay's certificate, nothing else: pinning by thumbprint.
            CertificateValidation = (_, certificate, _, _) => certificate?.GetCertHashString() == expected,
        };
        await using var consumer = await Consumer.ConnectAsync(options, Wait);

        var bodies = await tenant.PublishThenReceiveAndAckAsync(consumer, "{\"order_uuid\": \"tls-1\"}", "{\"order_uuid\": \"tls-2\"}", "{\"order_uuid\": \"tls-3\"}");

        await Assert.That(bodies).IsEquivalentTo(["{\"order_uuid\": \"tls-1\"}", "{\"order_uuid\": \"tls-2\"}", "{\"order_uuid\": \"tls-3\"}"]);
        await Assert.That(await tenant.WaitForDepthAsync(0, Wait)).IsEqualTo(0);
        await Assert.That(consumer.Client.Connections).IsEqualTo(1);
        await Assert.That(relay.HandshakesCompleted).IsEqualTo(1);
        await Assert.That(consumer.Log.Records.Single(r => r.Id.Id == 5001).Text).Contains("wss://127.0.0.1:" + relay.Port);
    }

    [Test]
    public async Task Wss_SelfSignedCertificateWithoutCallback_AttemptFailsAndIsRetried_NothingReceived()
    {
        var broker = await RabbitMqBroker.RequireAsync();
        await using var tenant = await broker.CreateTenantAsync();
        await using var relay = new TlsTerminatingRelay(RabbitMqBroker.WebSocket.Port);
        await Assert.That(await tenant.PublishAsync("{\"order_uuid\": \"never-read\"}")).IsTrue();
        var logger = new CollectingLogger();
        await using var client = new StompClient(OverRelay(tenant, relay), logger);
        var states = new StateRecorder(client);
        client.Start();

        var second = await states.WaitFor(e => e.State == StompConnectionState.WaitingToReconnect, Wait, count: 2);
        var first = states.Events.First(e => e.State == StompConnectionState.WaitingToReconnect);

        await Assert.That(first.Reason).IsEqualTo(StompDisconnectReason.TransportFailed);
        await Assert.That(second.Reason).IsEqualTo(StompDisconnectReason.TransportFailed);
        await Assert.That(second.Attempt).IsEqualTo(2);
        await Assert.That(first.Detail!.ToLowerInvariant()).Contains("certificate");
        await Assert.That(states.Events.Any(e => e.State == StompConnectionState.Connected)).IsFalse();
        await Assert.That(client.Connections).IsEqualTo(0);
        await Assert.That(relay.Connections).IsGreaterThanOrEqualTo(2);
        // The message is still in the queue: nothing reached the broker as a consumer.
        await Assert.That(await tenant.WaitForDepthAsync(1, Wait)).IsEqualTo(1);
        await Assert.That(logger.Has(5015)).IsFalse();
    }
}
