using System.Net.WebSockets;
using System.Text;
using SiteAgent.Stomp.Transports.WebSockets;

namespace SiteAgent.Stomp.Tests.Transports;

public class WebSocketHandshakeTests
{
    private const string Key = "dGhlIHNhbXBsZSBub25jZQ==";
    private static readonly string[] Offered = ["v12.stomp", "v11.stomp", "v10.stomp"];

    [Test]
    public async Task Accept_IsTheProtocolsOwnExample()
    {
        await Assert.That(WebSocketHandshake.ExpectedAccept(Key)).IsEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
    }

    [Test]
    public async Task NewKey_Is16RandomBytesInBase64()
    {
        var keys = Enumerable.Range(0, 50).Select(_ => WebSocketHandshake.NewKey()).ToList();
        await Assert.That(keys.All(k => Convert.FromBase64String(k).Length == 16)).IsTrue();
        await Assert.That(keys.Distinct().Count()).IsEqualTo(50);
    }

    [Test]
    [Arguments("ws://broker:15674/ws", "GET /ws HTTP/1.1", "Host: broker:15674")]
    [Arguments("ws://broker:80/ws?x=1", "GET /ws?x=1 HTTP/1.1", "Host: broker")]
    [Arguments("wss://broker:443/rmqws-stomp", "GET /rmqws-stomp HTTP/1.1", "Host: broker")]
    [Arguments("ws://[::1]:15674/ws", "GET /ws HTTP/1.1", "Host: [::1]:15674")]
    public async Task Request_NamesPathAndHost(string url, string requestLine, string host)
    {
        var lines = Encoding.ASCII.GetString(WebSocketHandshake.Request(StompEndpoint.Parse(url), Key, Offered)).Split("\r\n");
        await Assert.That(lines[0]).IsEqualTo(requestLine);
        await Assert.That(lines).Contains(host);
        await Assert.That(lines).Contains("Upgrade: websocket");
        await Assert.That(lines).Contains("Connection: Upgrade");
        await Assert.That(lines).Contains("Sec-WebSocket-Version: 13");
        await Assert.That(lines).Contains($"Sec-WebSocket-Key: {Key}");
        await Assert.That(lines).Contains("Sec-WebSocket-Protocol: v12.stomp, v11.stomp, v10.stomp");
        await Assert.That(lines[^2..]).IsEquivalentTo(new[] { "", "" });
    }

    [Test]
    public async Task RabbitMqAnswer_GivesTheChosenSubprotocol()
    {
        var head = Answer("HTTP/1.1 101 Switching Protocols", "connection: Upgrade", "upgrade: websocket",
            "sec-websocket-accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", "sec-websocket-protocol: v12.stomp", "date: Mon, 07 Dec 2026 23:00:00 GMT", "server: Cowboy");
        await Assert.That(WebSocketHandshake.CheckResponse(head, Key, Offered)).IsEqualTo("v12.stomp");
    }

    [Test]
    public async Task NoSubprotocolChosen_IsAccepted()
    {
        var head = Answer("HTTP/1.1 101 Switching Protocols", "Upgrade: WebSocket", "Connection: keep-alive, Upgrade", "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
        await Assert.That(WebSocketHandshake.CheckResponse(head, Key, Offered)).IsEqualTo(string.Empty);
    }

    [Test]
    [Arguments("HTTP/1.1 404 Not Found|Content-Length: 0", "answered HTTP 404 Not Found where 101 Switching Protocols was expected")]
    [Arguments("SSH-2.0-OpenSSH_9.2", "did not answer in HTTP")]
    [Arguments("HTTP/1.1 101 Switching Protocols|Connection: Upgrade|Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", "lacks 'Upgrade: websocket'")]
    [Arguments("HTTP/1.1 101 Switching Protocols|Upgrade: websocket|Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", "lacks 'Connection: Upgrade'")]
    [Arguments("HTTP/1.1 101 Switching Protocols|Upgrade: websocket|Connection: Upgrade|Sec-WebSocket-Accept: AAAAAAAAAAAAAAAAAAAAAAAAAAA=", "Sec-WebSocket-Accept does not match")]
    [Arguments("HTTP/1.1 101 Switching Protocols|Upgrade: websocket|Connection: Upgrade", "Sec-WebSocket-Accept does not match")]
    [Arguments("HTTP/1.1 101 Switching Protocols|Upgrade: websocket|Connection: Upgrade|Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=|Sec-WebSocket-Protocol: mqtt", "chose the subprotocol 'mqtt', which the client never offered")]
    [Arguments("HTTP/1.1 101 Switching Protocols|Upgrade: websocket|Connection: Upgrade|Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=|Sec-WebSocket-Extensions: permessage-deflate", "enabled the extensions 'permessage-deflate'")]
    [Arguments("HTTP/1.1 101 Switching Protocols|Upgrade websocket", "malformed header line 'Upgrade websocket'")]
    public async Task WrongAnswers_RefusedWithTheReason(string answer, string reason)
    {
        var refused = Assert.Throws<WebSocketException>(() => WebSocketHandshake.CheckResponse(Answer(answer.Split('|')), Key, Offered));
        await Assert.That(refused.Message).StartsWith("WebSocket upgrade refused: ");
        await Assert.That(refused.Message).Contains(reason);
    }

    [Test]
    public async Task ControlCharactersFromTheServer_KeptOutOfTheMessage()
    {
        var refused = Assert.Throws<WebSocketException>(() => WebSocketHandshake.CheckResponse("HTTP/1.1 500 Bad\u001b[31m", Key, Offered));
        await Assert.That(refused.Message).DoesNotContain("\u001b");
        await Assert.That(refused.Message).Contains("500 Bad?[31m");
    }

    private static string Answer(params string[] lines) => string.Join("\r\n", lines);
}
