using System.Buffers.Binary;
using System.Net.WebSockets;

namespace SiteAgent.Stomp.Transports.WebSockets;

/// <summary>WebSocket frame types (RFC 6455 section 5.2).</summary>
internal enum WebSocketOpcode : byte
{
    Continuation = 0x0,
    Text = 0x1,
    Binary = 0x2,
    Close = 0x8,
    Ping = 0x9,
    Pong = 0xA,
}

/// <summary>
/// The head of one WebSocket frame: the server's, parsed, and the client's, written. Servers never
/// mask; clients always do.
/// </summary>
internal readonly record struct WebSocketFrameHeader(bool Final, WebSocketOpcode Opcode, long PayloadLength)
{
    /// <summary>Longest client frame head: 2 bytes, a 64-bit length, a 4-byte mask key.</summary>
    public const int MaxClientHeadBytes = 14;

    /// <summary>Control frames carry at most this many payload bytes.</summary>
    public const int MaxControlPayload = 125;

    public bool IsControl => ((byte)Opcode & 0x8) != 0;

    /// <summary>Parses a server frame head from the start of <paramref name="bytes"/>.</summary>
    /// <returns>False when more bytes are needed.</returns>
    /// <exception cref="WebSocketException">The head breaks the protocol.</exception>
    public static bool TryParse(ReadOnlySpan<byte> bytes, out WebSocketFrameHeader header, out int headLength)
    {
        header = default;
        headLength = 0;
        if (bytes.Length < 2) return false;

        var first = bytes[0];
        var second = bytes[1];
        if ((first & 0x70) != 0) throw Violation($"the broker set reserved bits 0x{first & 0x70:x2} that no negotiated extension defines");
        var opcode = (WebSocketOpcode)(first & 0x0F);
        if (opcode is not (WebSocketOpcode.Continuation or WebSocketOpcode.Text or WebSocketOpcode.Binary
            or WebSocketOpcode.Close or WebSocketOpcode.Ping or WebSocketOpcode.Pong))
        {
            throw Violation($"the broker sent a frame with the unknown opcode 0x{first & 0x0F:x}");
        }
        if ((second & 0x80) != 0) throw Violation("the broker sent a masked frame; only clients mask");

        var shortLength = second & 0x7F;
        headLength = shortLength switch { 126 => 4, 127 => 10, _ => 2 };
        if (bytes.Length < headLength) return false;
        var length = shortLength switch
        {
            126 => BinaryPrimitives.ReadUInt16BigEndian(bytes[2..]),
            127 => BinaryPrimitives.ReadUInt64BigEndian(bytes[2..]) is var wide && wide <= long.MaxValue
                ? (long)wide
                : throw Violation("the broker sent a frame length with the most significant bit set"),
            _ => shortLength,
        };

        header = new WebSocketFrameHeader((first & 0x80) != 0, opcode, length);
        if (header.IsControl && !header.Final) throw Violation($"the broker fragmented a {opcode} control frame");
        if (header.IsControl && length > MaxControlPayload) throw Violation($"the broker sent a {opcode} control frame of {length} bytes; at most {MaxControlPayload} are allowed");
        return true;
    }

    /// <summary>Writes a final, masked client frame head for <paramref name="payloadLength"/> bytes.</summary>
    /// <returns>The head's length, mask key included.</returns>
    public static int WriteClientHead(Span<byte> destination, WebSocketOpcode opcode, int payloadLength, ReadOnlySpan<byte> maskKey)
    {
        destination[0] = (byte)(0x80 | (byte)opcode);
        int length;
        if (payloadLength <= 125)
        {
            destination[1] = (byte)(0x80 | payloadLength);
            length = 2;
        }
        else if (payloadLength <= ushort.MaxValue)
        {
            destination[1] = 0x80 | 126;
            BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)payloadLength);
            length = 4;
        }
        else
        {
            destination[1] = 0x80 | 127;
            BinaryPrimitives.WriteUInt64BigEndian(destination[2..], (ulong)payloadLength);
            length = 10;
        }
        maskKey[..4].CopyTo(destination[length..]);
        return length + 4;
    }

    private static WebSocketException Violation(string reason) => new(WebSocketError.Faulted, $"WebSocket protocol violation: {reason}");
}
