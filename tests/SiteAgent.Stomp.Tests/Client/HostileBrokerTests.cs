using System.Text;
using SiteAgent.Stomp.Frames;

namespace SiteAgent.Stomp.Tests.Client;

/// <summary>Bad input from the broker drops the connection, is logged with its reason, and the client reconnects.</summary>
public class HostileBrokerTests
{
    private const string Passcode = "pass-7f3a9c-secret";
    private const string GoodMessage = "MESSAGE\nsubscription:q\nmessage-id:m-2\ndestination:/queue/q\nack:a-2\n\n{\"ok\":true}^@";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    /// <summary>Options for a scripted peer: no heart-beats, short timeouts, quick retries, small frame limits.</summary>
    internal static StompClientOptions Options(StompEndpoint endpoint) => new()
    {
        Endpoint = endpoint,
        Login = "agent",
        Passcode = Passcode,
        Subscriptions = [new StompSubscription("/amq/queue/q", "q")],
        HeartBeatSend = TimeSpan.Zero,
        HeartBeatReceive = TimeSpan.Zero,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        DisconnectTimeout = TimeSpan.FromSeconds(1),
        Reconnect = new StompReconnectPolicy(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200)),
        FrameLimits = new StompFrameLimits(MaxFrameBytes: 4096, MaxHeaderBytes: 1024),
    };

    public static IEnumerable<Func<(string Kind, byte[] Wire)>> BadInputs()
    {
        static byte[] B(string s) => Encoding.UTF8.GetBytes(s.Replace("^@", "\0"));
        yield return () => ("malformed header", B("MESSAGE\nsubscription:q\nno colon\n\n^@"));
        yield return () => ("oversized frame", B("MESSAGE\nsubscription:q\nmessage-id:1\ndestination:/q\nack:1\n\n" + new string('x', 5000) + "^@"));
        yield return () => ("invalid UTF-8", [.. B("MESSAGE\nsubscription:q\ndestination:/q/"), 0xC3, 0x28, .. B("\n\n^@")]);
        yield return () => ("unknown command", B("BOGUS\n\n^@"));
        yield return () => ("client-only command", B("SEND\ndestination:/x\n\n^@"));
        yield return () => ("unknown subscription", B("MESSAGE\nsubscription:nobody\nmessage-id:1\ndestination:/q\nack:1\n\n^@"));
        yield return () => ("message without ack id", B("MESSAGE\nsubscription:q\nmessage-id:1\ndestination:/q\n\n^@"));
        yield return () => ("bad heart-beat header", B("CONNECTED\nversion:1.2\nheart-beat:soon\n\n^@"));
    }

    [Test]
    [MethodDataSource(nameof(BadInputs))]
    public async Task BadInput_DropsConnection_LogsReason_Reconnects((string Kind, byte[] Wire) input)
    {
        await using var broker = new ScriptedBroker(async (number, connection) =>
        {
            if (number == 1 && input.Kind == "bad heart-beat header")
            {
                await connection.ReadFrameAsync();
                await connection.WriteAsync(input.Wire);
            }
            else
            {
                await connection.HandshakeAsync();
                await connection.WriteAsync(number == 1 ? input.Wire : Encoding.UTF8.GetBytes(GoodMessage.Replace("^@", "\0")));
            }
            await connection.DrainAsync(Wait);
        });
        var logger = new CollectingLogger();
        await using var client = new StompClient(Options(broker.Endpoint), logger);
        var states = new StateRecorder(client);

        using var timeout = new CancellationTokenSource(Wait);
        await using var messages = client.ReadAsync(timeout.Token).GetAsyncEnumerator(timeout.Token);
        await Assert.That(await messages.MoveNextAsync()).IsTrue();

        await Assert.That(messages.Current.BodyText).IsEqualTo("{\"ok\":true}");
        await Assert.That(broker.Connections).IsGreaterThanOrEqualTo(2);
        var lost = await states.WaitFor(e => e.State == StompConnectionState.WaitingToReconnect, TimeSpan.Zero);
        await Assert.That(lost.Reason).IsEqualTo(StompDisconnectReason.ProtocolViolation);
        await Assert.That(logger.Has(5007)).IsTrue();
    }

    [Test]
    public async Task ErrorBeforeConnected_ReportedAsRefused_RetriedWithGrowingDelay_PasscodeNeverLogged()
    {
        await using var broker = new ScriptedBroker(async (_, connection) =>
        {
            await connection.ReadFrameAsync();
            await connection.WriteAsync("ERROR\nmessage:Bad CONNECT\ncontent-type:text/plain\ncontent-length:15\n\nAccess refused.^@");
        });
        var logger = new CollectingLogger();
        await using var client = new StompClient(Options(broker.Endpoint), logger);
        var states = new StateRecorder(client);
        client.Start();

        var third = await states.Lost(StompDisconnectReason.ConnectRefused, Wait, count: 3);
        var first = states.Events.First(e => e.State == StompConnectionState.WaitingToReconnect);

        await Assert.That(first.BrokerMessage).IsEqualTo("Bad CONNECT");
        await Assert.That(first.Detail).Contains("Access refused.");
        // 50 ms plus at most 25 % for the first retry; the third is capped at 200 ms plus jitter.
        await Assert.That(first.RetryIn!.Value).IsLessThanOrEqualTo(TimeSpan.FromMilliseconds(62.5));
        await Assert.That(third.RetryIn!.Value).IsGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(200));
        await Assert.That(logger.Has(5006)).IsTrue();
        // The CONNECT frame is logged at Trace with the passcode masked; the secret itself nowhere.
        await Assert.That(logger.All).Contains("passcode:********");
        await Assert.That(logger.All).DoesNotContain(Passcode);
        await Assert.That(client.State.ToString()).DoesNotContain(Passcode);
    }

    [Test]
    public async Task SilentBroker_DetectedAfterOneAndAHalfIntervals_Reconnects()
    {
        await using var broker = new ScriptedBroker(async (_, connection) =>
        {
            // Promises heart-beats every 100 ms, then sends nothing at all.
            await connection.HandshakeAsync(heartBeat: "100,0");
            await connection.DrainAsync(Wait);
        });
        var logger = new CollectingLogger();
        await using var client = new StompClient(Options(broker.Endpoint) with { HeartBeatReceive = TimeSpan.FromMilliseconds(200) }, logger);
        var states = new StateRecorder(client);
        client.Start();

        var lost = await states.Lost(StompDisconnectReason.HeartBeatTimeout, Wait);
        await states.Connected(Wait, count: 2);

        await Assert.That(lost.Detail).Contains("agreed every 200 ms");
        await Assert.That(logger.Has(5008)).IsTrue();
    }

    [Test]
    public async Task HeartBeats_SentWhileIdle()
    {
        var beats = new TaskCompletionSource<long>();
        await using var broker = new ScriptedBroker(async (_, connection) =>
        {
            await connection.HandshakeAsync(heartBeat: "0,100");
            await connection.DrainAsync(TimeSpan.FromSeconds(1.5));
            beats.TrySetResult(connection.HeartBeats);
        });
        await using var client = new StompClient(Options(broker.Endpoint) with { HeartBeatSend = TimeSpan.FromMilliseconds(100) });
        client.Start();

        // One EOL per 100 ms agreed: about 15 in 1.5 s, at least one every interval.
        await Assert.That(await beats.Task.WaitAsync(Wait)).IsGreaterThanOrEqualTo(10);
    }

    [Test]
    [Arguments(true)]
    [Arguments(false)]
    public async Task Disconnect_ReceiptOrImmediateClose_BothClean_NoReconnect(bool brokerSendsReceipt)
    {
        await using var broker = new ScriptedBroker(async (_, connection) =>
        {
            await connection.HandshakeAsync();
            var disconnect = await connection.ReadFrameAsync(Wait);
            // RabbitMQ 3.10 closes the socket right after DISCONNECT, usually before the RECEIPT gets out.
            if (brokerSendsReceipt && disconnect is not null) await connection.WriteAsync($"RECEIPT\nreceipt-id:{disconnect.Headers["receipt"]}\n\n^@");
        });
        var logger = new CollectingLogger();
        var client = new StompClient(Options(broker.Endpoint) with { DisconnectTimeout = TimeSpan.FromSeconds(30) }, logger);
        var states = new StateRecorder(client);
        client.Start();
        await states.Connected(Wait);

        // A 30 s DISCONNECT timeout: finishing within the test's wait proves the close was not waited out.
        await client.DisconnectAsync().WaitAsync(Wait);
        await Task.Delay(300);

        var disconnected = logger.Records.Single(r => r.Id.Id == 5009).Text;
        await Assert.That(disconnected).Contains(brokerSendsReceipt ? "receipt received" : "closed the connection after DISCONNECT");
        await Assert.That(client.State.State).IsEqualTo(StompConnectionState.Stopped);
        await Assert.That(broker.Connections).IsEqualTo(1);
        await client.DisposeAsync();
    }

    [Test]
    public async Task ReadAsync_EndsWhenDisposed()
    {
        await using var broker = new ScriptedBroker(async (_, connection) =>
        {
            await connection.HandshakeAsync();
            await connection.DrainAsync(Wait);
        });
        var client = new StompClient(Options(broker.Endpoint));
        var states = new StateRecorder(client);
        var reading = Task.Run(async () =>
        {
            var count = 0;
            await foreach (var _ in client.ReadAsync()) count++;
            return count;
        });
        await states.Connected(Wait);
        await client.DisposeAsync();

        await Assert.That(await reading.WaitAsync(Wait)).IsEqualTo(0);
    }
}
