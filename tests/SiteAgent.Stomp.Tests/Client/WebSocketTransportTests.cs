using System.Text;
using SiteAgent.Stomp.Frames;

namespace SiteAgent.Stomp.Tests.Client;

/// <summary>
/// The WebSocket transport against a hand-written server: the upgrade it sends, how it reassembles
/// STOMP frames from WebSocket messages, control frames, handshake failures, server protocol
/// violations and the closing handshake. Written against the public client only, so any correct
/// RFC 6455 transport passes.
/// </summary>
public partial class WebSocketTransportTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    // The 64-bit-length test sends a 70 000-byte body, beyond the hostile tests' small frame limit.
    private static StompClientOptions Options(ScriptedWebSocketBroker broker) =>
        HostileBrokerTests.Options(broker.Endpoint) with { Passcode = "pass-ws-5e1d", FrameLimits = StompFrameLimits.Default };

    internal static string Message(int number, string body) =>
        $"MESSAGE\nsubscription:q\nmessage-id:m-{number}\ndestination:/queue/q\nack:a-{number}\n\n{body}^@";

    /// <summary>The client kept its side of RFC 6455 on every frame it sent, and no script tripped.</summary>
    private static async Task AssertClientFramedCorrectly(ScriptedWebSocketBroker broker)
    {
        await Assert.That(broker.ClientFrames.Count).IsGreaterThan(0);
        await Assert.That(string.Join("; ", broker.ClientFramingErrors)).IsEqualTo("");
        await Assert.That(string.Join("; ", broker.ScriptFailures)).IsEqualTo("");
    }

    [Test]
    public async Task UpgradeRequest_GetWithPathAndHeaders_FreshKeyPerConnection_OffersStompVersionsInOrder()
    {
        await using var broker = new ScriptedWebSocketBroker(async (number, connection) =>
        {
            await connection.OpenAsync();
            // The first connection is closed by the server, so that the client opens a second one.
            if (number == 1) await connection.SendCloseAsync(1001, "going away");
            await connection.DrainAsync(Wait);
        }, path: "/web-stomp/ws");
        await using var client = new StompClient(Options(broker));
        var states = new StateRecorder(client);
        client.Start();
        await states.Connected(Wait, count: 2);

        var requests = broker.Requests;
        await Assert.That(requests.Count).IsGreaterThanOrEqualTo(2);
        foreach (var request in requests.Take(2))
        {
            await Assert.That(request.Method).IsEqualTo("GET");
            await Assert.That(request.Target).IsEqualTo("/web-stomp/ws");
            await Assert.That(request.Version).IsEqualTo("HTTP/1.1");
            await Assert.That(request["Host"]).IsEqualTo($"127.0.0.1:{broker.Port}");
            await Assert.That(request["Upgrade"]?.ToLowerInvariant()).IsEqualTo("websocket");
            await Assert.That(request.Tokens("Connection").Any(t => t.Equals("Upgrade", StringComparison.OrdinalIgnoreCase))).IsTrue();
            await Assert.That(request["Sec-WebSocket-Version"]).IsEqualTo("13");
            await Assert.That(Convert.FromBase64String(request["Sec-WebSocket-Key"] ?? "").Length).IsEqualTo(16);
            await Assert.That(string.Join(",", request.Tokens("Sec-WebSocket-Protocol"))).IsEqualTo("v12.stomp,v11.stomp,v10.stomp");
        }
        await Assert.That(requests[0]["Sec-WebSocket-Key"]).IsNotEqualTo(requests[1]["Sec-WebSocket-Key"]);
        await AssertClientFramedCorrectly(broker);
    }

    [Test]
    public async Task FullSession_Connected_Subscribed_MessageReceivedAndAcked()
    {
        var acked = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var broker = new ScriptedWebSocketBroker(async (_, connection) =>
        {
            await connection.OpenAsync();
            await connection.SendTextAsync(Message(1, "{\"order_uuid\":\"ws-1\"}"));
            var ack = await connection.ReadFrameAsync(Wait);
            acked.TrySetResult(ack is { Command: StompCommand.Ack } ? ack.Headers["id"] : $"not an ACK: {ack}");
            await connection.DrainAsync(Wait);
        });
        await using var consumer = await Consumer.ConnectAsync(Options(broker), Wait);

        var message = await consumer.NextAsync();
        await Assert.That(message.BodyText).IsEqualTo("{\"order_uuid\":\"ws-1\"}");
        await Assert.That(message.MessageId).IsEqualTo("m-1");
        await Assert.That(await consumer.Client.AckAsync(message)).IsTrue();
        await Assert.That(await acked.Task.WaitAsync(Wait)).IsEqualTo("a-1");

        await Assert.That(consumer.Log.Records.Single(r => r.Id.Id == 5001).Text).Contains("v12.stomp");
        await Assert.That(broker.Connections).IsEqualTo(1);
        await AssertClientFramedCorrectly(broker);
        // CONNECT, SUBSCRIBE and ACK, each under its own mask: a client must not reuse one key.
        await Assert.That(broker.ClientFrames.Select(f => Convert.ToHexString(f.MaskKey)).Distinct().Count()).IsGreaterThan(1);
    }

    [Test]
    [Arguments(false)]
    [Arguments(true)]
    public async Task OneStompFrame_SplitAcrossWebSocketFrames_Reassembled(bool asContinuations)
    {
        var wire = Message(1, "{\"split\":\"across three\"}");
        // Cuts inside the headers and inside the body.
        string[] parts = [wire[..12], wire[12..^6], wire[^6..]];
        await using var broker = new ScriptedWebSocketBroker(async (_, connection) =>
        {
            await connection.OpenAsync();
            if (asContinuations)
            {
                await connection.SendTextAsync(parts[0], fin: false);
                await connection.SendContinuationAsync(parts[1], fin: false);
                await connection.SendContinuationAsync(parts[2], fin: true);
            }
            else
            {
                // Three whole messages, text and binary mixed: STOMP bytes are one stream either way.
                await connection.SendTextAsync(parts[0]);
                await connection.SendBinaryAsync(parts[1]);
                await connection.SendTextAsync(parts[2]);
            }
            await connection.SendTextAsync(Message(2, "after"));
            await connection.DrainAsync(Wait);
        });
        await using var consumer = await Consumer.ConnectAsync(Options(broker), Wait);

        await Assert.That((await consumer.NextAsync()).BodyText).IsEqualTo("{\"split\":\"across three\"}");
        await Assert.That((await consumer.NextAsync()).BodyText).IsEqualTo("after");
        await Assert.That(consumer.Client.Connections).IsEqualTo(1);
        await AssertClientFramedCorrectly(broker);
    }

    [Test]
    public async Task SeveralStompFramesAndHeartBeats_InOneWebSocketMessage_AllDelivered()
    {
        await using var broker = new ScriptedWebSocketBroker(async (_, connection) =>
        {
            await connection.OpenAsync();
            await connection.SendTextAsync("\n" + Message(1, "first") + "\r\n\n" + Message(2, "second") + Message(3, "third") + "\n");
            await connection.DrainAsync(Wait);
        });
        await using var consumer = await Consumer.ConnectAsync(Options(broker), Wait);

        var bodies = new List<string>();
        for (var i = 0; i < 3; i++) bodies.Add((await consumer.NextAsync()).BodyText);
        await Assert.That(string.Join(",", bodies)).IsEqualTo("first,second,third");
        await Assert.That(consumer.Client.Connections).IsEqualTo(1);
    }

    [Test]
    [Arguments(300, 126)]
    [Arguments(70_000, 127)]
    public async Task LongPayload_16BitAnd64BitLengths_BodyIntact(int bodyLength, int lengthMarker)
    {
        var body = string.Concat(Enumerable.Range(0, bodyLength).Select(i => (char)('a' + i % 26)));
        var frame = WebSocketWire.Frame(WebSocketWire.Text, WebSocketWire.Stomp(Message(1, body)));
        // 126 announces a 16-bit length, 127 a 64-bit one.
        await Assert.That((int)frame[1]).IsEqualTo(lengthMarker);
        await using var broker = new ScriptedWebSocketBroker(async (_, connection) =>
        {
            await connection.OpenAsync();
            await connection.WriteRawAsync(frame);
            await connection.SendTextAsync(Message(2, "after"));
            await connection.DrainAsync(Wait);
        });
        await using var consumer = await Consumer.ConnectAsync(Options(broker), Wait);

        await Assert.That((await consumer.NextAsync()).BodyText).IsEqualTo(body);
        await Assert.That((await consumer.NextAsync()).BodyText).IsEqualTo("after");
    }

    [Test]
    public async Task Ping_BetweenFragments_AnsweredWithPongOfSamePayload_StreamGoesOn()
    {
        var pingPayload = Encoding.ASCII.GetBytes("ping-7f3a");
        var pong = new TaskCompletionSource<ClientWebSocketFrame?>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var broker = new ScriptedWebSocketBroker(async (_, connection) =>
        {
            await connection.OpenAsync();
            await connection.SendTextAsync(Message(1, "before"));
            var split = Message(2, "around the ping");
            // RFC 6455 lets control frames come between the fragments of a message.
            await connection.SendTextAsync(split[..20], fin: false);
            await connection.SendPingAsync(pingPayload);
            await connection.SendContinuationAsync(split[20..], fin: true);
            await connection.SendTextAsync(Message(3, "after"));
            pong.TrySetResult(await connection.NextControlFrameAsync(Wait));
            await connection.DrainAsync(Wait);
        });
        await using var consumer = await Consumer.ConnectAsync(Options(broker), Wait);

        var bodies = new List<string>();
        for (var i = 0; i < 3; i++) bodies.Add((await consumer.NextAsync()).BodyText);
        var answer = await pong.Task.WaitAsync(Wait);

        await Assert.That(string.Join(",", bodies)).IsEqualTo("before,around the ping,after");
        await Assert.That(answer).IsNotNull();
        await Assert.That((int)answer!.Opcode).IsEqualTo(WebSocketWire.Pong);
        await Assert.That(answer.Fin).IsTrue();
        await Assert.That(Encoding.ASCII.GetString(answer.Payload)).IsEqualTo("ping-7f3a");
        await Assert.That(consumer.Client.Connections).IsEqualTo(1);
        await AssertClientFramedCorrectly(broker);
    }

    [Test]
    public async Task ServerCloseFrame_EndsSession_ReasonHasCodeAndText_Reconnects()
    {
        await using var broker = new ScriptedWebSocketBroker(async (number, connection) =>
        {
            await connection.OpenAsync();
            if (number == 1) await connection.SendCloseAsync(1011, "internal error");
            else await connection.SendTextAsync(Message(1, "after the close"));
            await connection.DrainAsync(Wait);
        });
        await using var consumer = await Consumer.ConnectAsync(Options(broker), Wait);

        await Assert.That((await consumer.NextAsync()).BodyText).IsEqualTo("after the close");
        var lost = await consumer.States.WaitFor(e => e.State == StompConnectionState.WaitingToReconnect, TimeSpan.Zero);
        await Assert.That(lost.Reason).IsEqualTo(StompDisconnectReason.ClosedByBroker);
        await Assert.That(lost.Detail).Contains("1011");
        await Assert.That(lost.Detail).Contains("internal error");
        var logged = consumer.Log.Records.Single(r => r.Id.Id == 5005).Text;
        await Assert.That(logged).Contains("1011");
        await Assert.That(logged).Contains("internal error");
        await Assert.That(consumer.Client.Connections).IsEqualTo(2);
    }

    // RFC 6455 requires an endpoint that receives a close frame to send one back before dropping the
    // TCP connection. .NET's ClientWebSocket, which the transport used before, aborted without answering.
    [Test]
    public async Task ServerCloseFrame_AnsweredWithCloseFrame_BeforeSocketEnds()
    {
        var reply = new TaskCompletionSource<ClientWebSocketFrame?>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var broker = new ScriptedWebSocketBroker(async (number, connection) =>
        {
            await connection.OpenAsync();
            if (number == 1)
            {
                await connection.SendCloseAsync(1011, "internal error");
                reply.TrySetResult(await connection.NextControlFrameAsync(Wait));
                return;
            }
            await connection.DrainAsync(Wait);
        });
        await using var consumer = await Consumer.ConnectAsync(Options(broker), Wait);

        var close = await reply.Task.WaitAsync(Wait);
        await Assert.That(close).IsNotNull();
        await Assert.That((int)close!.Opcode).IsEqualTo(WebSocketWire.Close);
        await AssertClientFramedCorrectly(broker);
    }
}
