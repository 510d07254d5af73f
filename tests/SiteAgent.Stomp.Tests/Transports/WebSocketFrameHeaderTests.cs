using System.Net.WebSockets;
using SiteAgent.Stomp.Transports.WebSockets;

namespace SiteAgent.Stomp.Tests.Transports;

public class WebSocketFrameHeaderTests
{
    [Test]
    [Arguments(new byte[] { 0x81, 0x05 }, true, 0x1, 5L, 2)]
    [Arguments(new byte[] { 0x02, 0x7E, 0x01, 0x2C }, false, 0x2, 300L, 4)]
    [Arguments(new byte[] { 0x80, 0x7F, 0, 0, 0, 0, 0, 0x01, 0x11, 0x70 }, true, 0x0, 70000L, 10)]
    [Arguments(new byte[] { 0x89, 0x00 }, true, 0x9, 0L, 2)]
    [Arguments(new byte[] { 0x88, 0x7D }, true, 0x8, 125L, 2)]
    public async Task ServerHeads_Parsed(byte[] bytes, bool final, int opcode, long length, int headLength)
    {
        await Assert.That(WebSocketFrameHeader.TryParse(bytes, out var header, out var parsedLength)).IsTrue();
        await Assert.That(header).IsEqualTo(new WebSocketFrameHeader(final, (WebSocketOpcode)opcode, length));
        await Assert.That(parsedLength).IsEqualTo(headLength);
    }

    [Test]
    public async Task IncompleteHeads_AskForMoreBytes()
    {
        byte[] wide = [0x81, 0x7F, 0, 0, 0, 0, 0, 0x01, 0x11, 0x70];
        for (var available = 0; available < wide.Length; available++)
        {
            await Assert.That(WebSocketFrameHeader.TryParse(wide.AsSpan(0, available), out _, out _)).IsFalse();
        }
    }

    [Test]
    [Arguments(new byte[] { 0xC1, 0x00 }, "reserved bits 0x40")]
    [Arguments(new byte[] { 0xB1, 0x00 }, "reserved bits 0x30")]
    [Arguments(new byte[] { 0x83, 0x00 }, "unknown opcode 0x3")]
    [Arguments(new byte[] { 0x8B, 0x00 }, "unknown opcode 0xb")]
    [Arguments(new byte[] { 0x81, 0x85, 1, 2, 3, 4 }, "masked frame")]
    [Arguments(new byte[] { 0x09, 0x00 }, "fragmented a Ping control frame")]
    [Arguments(new byte[] { 0x89, 0x7E, 0x00, 0x7E }, "Ping control frame of 126 bytes")]
    [Arguments(new byte[] { 0x82, 0x7F, 0x80, 0, 0, 0, 0, 0, 0, 0 }, "most significant bit")]
    public async Task ProtocolViolations_Refused(byte[] bytes, string reason)
    {
        var violation = Assert.Throws<WebSocketException>(() => WebSocketFrameHeader.TryParse(bytes, out _, out _));
        await Assert.That(violation.Message).StartsWith("WebSocket protocol violation: ");
        await Assert.That(violation.Message).Contains(reason);
    }

    [Test]
    [Arguments(0, 6)]
    [Arguments(125, 6)]
    [Arguments(126, 8)]
    [Arguments(65535, 8)]
    [Arguments(65536, 14)]
    public async Task ClientHeads_MaskedAndFinal_ReadBackAsWritten(int payloadLength, int expectedHeadLength)
    {
        var head = new byte[WebSocketFrameHeader.MaxClientHeadBytes];
        byte[] mask = [0xA1, 0xB2, 0xC3, 0xD4];
        var written = WebSocketFrameHeader.WriteClientHead(head, WebSocketOpcode.Text, payloadLength, mask);

        await Assert.That(written).IsEqualTo(expectedHeadLength);
        await Assert.That(head[0]).IsEqualTo((byte)0x81);
        await Assert.That(head[1] & 0x80).IsEqualTo(0x80);
        await Assert.That(head.AsSpan(written - 4, 4).ToArray()).IsEquivalentTo(mask);
        // The same head unmasked is a valid server head with the same length.
        head[1] &= 0x7F;
        await Assert.That(WebSocketFrameHeader.TryParse(head.AsSpan(0, written - 4), out var parsed, out _)).IsTrue();
        await Assert.That(parsed.PayloadLength).IsEqualTo(payloadLength);
    }
}
