using System.Text;
using SiteAgent.Stomp.Frames;

namespace SiteAgent.Stomp.Tests.Client;

/// <summary>Failed upgrades, frames a server must not send, and the client's own closing handshake.</summary>
public partial class WebSocketTransportTests
{
    /// <summary>Reads the upgrade request and answers it as a broken or hostile server would.</summary>
    private static async Task AnswerUpgradeBadlyAsync(string kind, WebSocketConnection connection)
    {
        var request = await connection.ReadUpgradeRequestAsync();
        var rightAccept = WebSocketWire.AcceptFor(request["Sec-WebSocket-Key"] ?? "");
        await (kind switch
        {
            "HTTP 404" => connection.WriteRawAsync(Encoding.ASCII.GetBytes("HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 9\r\nConnection: close\r\n\r\nnot found")),
            // The accept value of another key: the right form, the wrong proof.
            "wrong Sec-WebSocket-Accept" => connection.SwitchProtocolsAsync(WebSocketWire.AcceptFor(Convert.ToBase64String(new byte[16])), "v12.stomp"),
            "subprotocol not offered" => connection.SwitchProtocolsAsync(rightAccept, "mqtt"),
            // The status line and one header, then the socket closes.
            "TCP closed mid-handshake" => connection.WriteRawAsync(Encoding.ASCII.GetBytes("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n")),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown bad answer"),
        });
    }

    [Test]
    [Arguments("HTTP 404")]
    [Arguments("wrong Sec-WebSocket-Accept")]
    [Arguments("subprotocol not offered")]
    [Arguments("TCP closed mid-handshake")]
    public async Task BadUpgradeAnswer_AttemptFails_Retried_ThenConnects(string kind)
    {
        await using var broker = new ScriptedWebSocketBroker(async (number, connection) =>
        {
            if (number <= 2)
            {
                await AnswerUpgradeBadlyAsync(kind, connection);
                return;
            }
            await connection.OpenAsync();
            await connection.SendTextAsync(Message(1, "third time"));
            await connection.DrainAsync(Wait);
        });
        await using var consumer = await Consumer.ConnectAsync(Options(broker), Wait);

        await Assert.That((await consumer.NextAsync()).BodyText).IsEqualTo("third time");
        var failed = consumer.States.Events.Where(e => e.State == StompConnectionState.WaitingToReconnect).ToList();
        await Assert.That(failed.Count).IsEqualTo(2);
        await Assert.That(failed.Select(e => e.Attempt)).IsEquivalentTo([1, 2]);
        foreach (var failure in failed) await Assert.That(failure.Reason).IsEqualTo(StompDisconnectReason.TransportFailed);
        // The failure is a known kind, not a crash caught by the client's last-resort handler.
        await Assert.That(consumer.Log.Has(5015)).IsFalse();
        await Assert.That(consumer.Log.Has(5003)).IsTrue();
        if (kind == "HTTP 404") await Assert.That(failed[0].Detail).Contains("404");
        await Assert.That(consumer.Client.Connections).IsEqualTo(1);
        await Assert.That(broker.Connections).IsEqualTo(3);
    }

    public static IEnumerable<Func<(string Kind, byte[] Frame)>> ServerProtocolViolations()
    {
        var message = WebSocketWire.Stomp(Message(1, "must not arrive"));
        yield return () => ("masked server frame", WebSocketWire.Frame(WebSocketWire.Text, message, maskKey: [0x12, 0x34, 0x56, 0x78]));
        yield return () => ("reserved bit RSV1 without an extension", WebSocketWire.Frame(WebSocketWire.Text, message, reservedBits: 0b100));
        yield return () => ("reserved bits RSV2 and RSV3", WebSocketWire.Frame(WebSocketWire.Text, message, reservedBits: 0b011));
        yield return () => ("unknown opcode 3", WebSocketWire.Frame(0x3, message));
        yield return () => ("ping with FIN=0", WebSocketWire.Frame(WebSocketWire.Ping, "x"u8, fin: false));
        yield return () => ("ping with a 126-byte payload", WebSocketWire.Frame(WebSocketWire.Ping, new byte[126]));
    }

    [Test]
    [MethodDataSource(nameof(ServerProtocolViolations))]
    public async Task ServerBreaksWebSocketProtocol_ConnectionDropped_Reconnects((string Kind, byte[] Frame) violation)
    {
        await using var broker = new ScriptedWebSocketBroker(async (number, connection) =>
        {
            await connection.OpenAsync();
            await (number == 1 ? connection.WriteRawAsync(violation.Frame) : connection.SendTextAsync(Message(2, "good")));
            await connection.DrainAsync(Wait);
        });
        await using var consumer = await Consumer.ConnectAsync(Options(broker), Wait);

        var message = await consumer.NextAsync();
        var lost = await consumer.States.WaitFor(e => e.State == StompConnectionState.WaitingToReconnect, TimeSpan.Zero);

        // Only the second connection's message: nothing of the broken frame was delivered.
        await Assert.That(message.BodyText).IsEqualTo("good");
        await Assert.That(lost.Reason is StompDisconnectReason.TransportFailed or StompDisconnectReason.ProtocolViolation).IsTrue();
        await Assert.That(consumer.Log.Has(5015)).IsFalse();
        await Assert.That(consumer.Client.Connections).IsEqualTo(2);
        await Assert.That(broker.Connections).IsEqualTo(2);
    }

    [Test]
    [Arguments(true)]
    [Arguments(false)]
    public async Task Disconnect_SendsDisconnectThenClose1000_ReceiptOrServerDroppingSocketBothClean(bool brokerSendsReceipt)
    {
        var closing = new TaskCompletionSource<ClientWebSocketFrame?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var disconnectSeen = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var broker = new ScriptedWebSocketBroker(async (_, connection) =>
        {
            await connection.OpenAsync();
            var disconnect = await connection.ReadFrameAsync(Wait);
            disconnectSeen.TrySetResult(disconnect?.Command == StompCommand.Disconnect);
            // RabbitMQ 3.10 drops the socket right after DISCONNECT, usually before its RECEIPT gets out.
            if (!brokerSendsReceipt || disconnect is null) return;
            await connection.SendTextAsync($"RECEIPT\nreceipt-id:{disconnect.Headers["receipt"]}\n\n^@");
            var close = await connection.NextControlFrameAsync(Wait);
            closing.TrySetResult(close);
            await connection.SendCloseAsync(1000, "");
        });
        var logger = new CollectingLogger();
        var client = new StompClient(Options(broker) with { DisconnectTimeout = TimeSpan.FromSeconds(30) }, logger);
        var states = new StateRecorder(client);
        client.Start();
        await states.Connected(Wait);

        // A 30 s DISCONNECT timeout: finishing within the test's wait proves nothing was waited out.
        await client.DisconnectAsync().WaitAsync(Wait);
        await Task.Delay(300);

        await Assert.That(await disconnectSeen.Task.WaitAsync(Wait)).IsTrue();
        var how = logger.Records.Single(r => r.Id.Id == 5009).Text;
        await Assert.That(how).Contains(brokerSendsReceipt ? "receipt received" : "closed the connection after DISCONNECT");
        if (brokerSendsReceipt)
        {
            var close = await closing.Task.WaitAsync(Wait);
            await Assert.That(close).IsNotNull();
            await Assert.That((int)close!.Opcode).IsEqualTo(WebSocketWire.Close);
            await Assert.That(close.CloseStatus).IsEqualTo(1000);
        }
        await Assert.That(client.State.State).IsEqualTo(StompConnectionState.Stopped);
        await Assert.That(states.Events.Any(e => e.State == StompConnectionState.WaitingToReconnect)).IsFalse();
        await Assert.That(broker.Connections).IsEqualTo(1);
        await AssertClientFramedCorrectly(broker);
        await client.DisposeAsync();
    }
}
