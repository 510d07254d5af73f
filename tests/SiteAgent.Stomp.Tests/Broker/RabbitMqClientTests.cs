using SiteAgent.Stomp.Tests.Client;

namespace SiteAgent.Stomp.Tests.Broker;

/// <summary>The client against a real RabbitMQ 3.10, over its STOMP (TCP) and Web-STOMP (WebSocket) listeners.</summary>
[NotInParallel("rabbitmq")]
public class RabbitMqClientTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Test]
    [Arguments(StompTransportKind.Tcp)]
    [Arguments(StompTransportKind.WebSocket)]
    public async Task Subscribe_ReceiveAndAck_QueueEmpties(StompTransportKind transport)
    {
        var broker = await RabbitMqBroker.RequireAsync();
        await using var tenant = await broker.CreateTenantAsync();
        await using var consumer = await Consumer.ConnectAsync(tenant.Options(transport), Wait);

        var bodies = await tenant.PublishThenReceiveAndAckAsync(consumer, "{\"order_uuid\": \"1\"}", "{\"order_uuid\": \"2\"}", "{\"order_uuid\": \"3\"}");

        await Assert.That(bodies).IsEquivalentTo(["{\"order_uuid\": \"1\"}", "{\"order_uuid\": \"2\"}", "{\"order_uuid\": \"3\"}"]);
        await Assert.That(await tenant.WaitForDepthAsync(0, Wait)).IsEqualTo(0);
    }

    [Test]
    [Arguments(StompTransportKind.Tcp)]
    [Arguments(StompTransportKind.WebSocket)]
    public async Task UnackedMessage_ConnectionKilledByBroker_RedeliveredAfterReconnect(StompTransportKind transport)
    {
        var broker = await RabbitMqBroker.RequireAsync();
        await using var tenant = await broker.CreateTenantAsync();
        await using var consumer = await Consumer.ConnectAsync(tenant.Options(transport), Wait);
        await tenant.PublishAsync("{\"order_uuid\": \"crash\"}");
        var unacked = await consumer.NextAsync();
        await Assert.That(unacked.Redelivered).IsFalse();

        // The handler "crashes": no ACK; the broker side kills the connection (its statistics list it within a second or two).
        var connections = await broker.Api.ConnectionsAsync(tenant.Vhost);
        for (var tries = 0; connections.Count == 0 && tries < 40; tries++)
        {
            await Task.Delay(250);
            connections = await broker.Api.ConnectionsAsync(tenant.Vhost);
        }
        await Assert.That(connections.Count).IsEqualTo(1);
        await broker.Api.CloseConnectionAsync(connections[0]);
        await consumer.States.Connected(Wait, count: 2);
        var again = await consumer.NextAsync();

        await Assert.That(again.BodyText).IsEqualTo("{\"order_uuid\": \"crash\"}");
        await Assert.That(again.Redelivered).IsTrue();
        await Assert.That(await consumer.Client.AckAsync(unacked)).IsFalse();
        await Assert.That(await consumer.Client.AckAsync(again)).IsTrue();
        await Assert.That(await tenant.WaitForDepthAsync(0, Wait)).IsEqualTo(0);
    }

    [Test]
    [Arguments(StompTransportKind.Tcp)]
    [Arguments(StompTransportKind.WebSocket)]
    public async Task BrokerConnectionFrozen_HeartBeatTimeoutDetected_Reconnects(StompTransportKind transport)
    {
        var broker = await RabbitMqBroker.RequireAsync();
        await using var tenant = await broker.CreateTenantAsync();
        var direct = RabbitMqBroker.Endpoint(transport);
        await using var proxy = new FreezingTcpProxy(direct.Port);
        var options = tenant.Options(transport) with
        {
            Endpoint = direct with { Host = "127.0.0.1", Port = proxy.Port },
            HeartBeatSend = TimeSpan.FromSeconds(1),
            HeartBeatReceive = TimeSpan.FromSeconds(1),
        };
        await using var consumer = await Consumer.ConnectAsync(options, Wait);

        proxy.FreezeExisting();
        var lost = await consumer.States.Lost(StompDisconnectReason.HeartBeatTimeout, Wait);
        await consumer.States.Connected(Wait, count: 2);
        await tenant.PublishAsync("{\"after\": \"freeze\"}");

        await Assert.That((await consumer.NextAsync()).BodyText).IsEqualTo("{\"after\": \"freeze\"}");
        await Assert.That(lost.Detail).Contains("agreed every 1000 ms");
        await Assert.That(consumer.Log.Has(5008)).IsTrue();
    }

    [Test]
    [Arguments(StompTransportKind.Tcp)]
    [Arguments(StompTransportKind.WebSocket)]
    public async Task BrokerRestarted_ReconnectsAndResubscribes(StompTransportKind transport)
    {
        var broker = await RabbitMqBroker.RequireAsync();
        await using var tenant = await broker.CreateTenantAsync();
        await using var consumer = await Consumer.ConnectAsync(tenant.Options(transport), TimeSpan.FromSeconds(120));

        try
        {
            await RabbitMqBroker.CtlAsync("stop_app");
            await consumer.States.WaitFor(e => e.State == StompConnectionState.WaitingToReconnect, Wait);
        }
        finally
        {
            await RabbitMqBroker.CtlAsync("start_app");
        }
        await consumer.States.Connected(TimeSpan.FromSeconds(90), count: 2);
        await tenant.PublishAsync("{\"after\": \"restart\"}");

        var message = await consumer.NextAsync();
        await Assert.That(message.BodyText).IsEqualTo("{\"after\": \"restart\"}");
        await Assert.That(await consumer.Client.AckAsync(message)).IsTrue();
        await Assert.That(consumer.Client.Connections).IsGreaterThanOrEqualTo(2);
    }

    [Test]
    [Arguments(StompTransportKind.Tcp)]
    [Arguments(StompTransportKind.WebSocket)]
    public async Task WrongPasscode_ErrorFrameHandled_RetriedWithBackoff_PasscodeNeverLogged(StompTransportKind transport)
    {
        var broker = await RabbitMqBroker.RequireAsync();
        await using var tenant = await broker.CreateTenantAsync();
        var wrong = "wrong-" + Guid.NewGuid().ToString("N");
        var logger = new CollectingLogger();
        await using var client = new StompClient(tenant.Options(transport) with { Passcode = wrong }, logger);
        var states = new StateRecorder(client);
        client.Start();

        var second = await states.Lost(StompDisconnectReason.ConnectRefused, Wait, count: 2);
        var first = states.Events.First(e => e.State == StompConnectionState.WaitingToReconnect);

        await Assert.That(first.BrokerMessage).IsNotNull();
        await Assert.That(second.Attempt).IsEqualTo(2);
        // 200 ms doubling: the second wait is at least 400 ms, the first at most 250.
        await Assert.That(second.RetryIn!.Value).IsGreaterThan(first.RetryIn!.Value);
        await Assert.That(logger.Has(5006)).IsTrue();
        await Assert.That(logger.All).DoesNotContain(wrong);
    }

    [Test]
    [Arguments(StompTransportKind.Tcp)]
    [Arguments(StompTransportKind.WebSocket)]
    public async Task MissingQueue_ErrorOnSubscribe_ReportedAsBrokerError(StompTransportKind transport)
    {
        var broker = await RabbitMqBroker.RequireAsync();
        await using var tenant = await broker.CreateTenantAsync();
        var options = tenant.Options(transport) with { Subscriptions = [new StompSubscription("/amq/queue/no-such-queue", "missing")] };
        await using var client = new StompClient(options);
        var states = new StateRecorder(client);
        client.Start();

        var lost = await states.WaitFor(e => e.State == StompConnectionState.WaitingToReconnect, Wait);

        // Over TCP RabbitMQ sends ERROR before closing; Web-STOMP 3.10 closes the WebSocket (1000,
        // "STOMP died") without passing the ERROR on. Either way the subscription never counts as made.
        if (transport == StompTransportKind.Tcp)
        {
            await Assert.That(lost.Reason).IsEqualTo(StompDisconnectReason.BrokerError);
            await Assert.That(lost.Detail).Contains("NOT_FOUND - no queue 'no-such-queue'");
        }
        else
        {
            await Assert.That(lost.Reason).IsEqualTo(StompDisconnectReason.ClosedByBroker);
            await Assert.That(lost.Detail).Contains("WebSocket close 1000");
        }
        await Assert.That(client.Connections).IsEqualTo(0);
    }

    [Test]
    [Arguments(StompTransportKind.Tcp)]
    [Arguments(StompTransportKind.WebSocket)]
    public async Task Disconnect_ReceiptOrCloseIsSuccess_NoReconnect_BrokerForgetsConnection(StompTransportKind transport)
    {
        var broker = await RabbitMqBroker.RequireAsync();
        await using var tenant = await broker.CreateTenantAsync();
        var logger = new CollectingLogger();
        var client = new StompClient(tenant.Options(transport), logger);
        var states = new StateRecorder(client);
        client.Start();
        await states.Connected(Wait);

        await client.DisconnectAsync();

        var how = logger.Records.Single(r => r.Id.Id == 5009).Text;
        await Assert.That(how.Contains("receipt received") || how.Contains("closed the connection after DISCONNECT")).IsTrue();
        await Assert.That(client.State.State).IsEqualTo(StompConnectionState.Stopped);
        var deadline = DateTime.UtcNow + Wait;
        while ((await broker.Api.ConnectionsAsync(tenant.Vhost)).Count > 0 && DateTime.UtcNow < deadline) await Task.Delay(250);
        await Assert.That((await broker.Api.ConnectionsAsync(tenant.Vhost)).Count).IsEqualTo(0);
        await Assert.That(client.Connections).IsEqualTo(1);
        await client.DisposeAsync();
    }
}
