using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace SiteAgent.Stomp.Tests.Client;

/// <summary>
/// RFC 6455 as the server side of a test writes it: opcodes, the handshake's accept value, and frames
/// built byte by byte so that tests can also build the frames a correct server never sends.
/// </summary>
internal static class WebSocketWire
{
    public const byte Continuation = 0x0;
    public const byte Text = 0x1;
    public const byte Binary = 0x2;
    public const byte Close = 0x8;
    public const byte Ping = 0x9;
    public const byte Pong = 0xA;

    /// <summary>The fixed GUID that RFC 6455 appends to the client's key before hashing it.</summary>
    public const string AcceptGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /// <summary>The Sec-WebSocket-Accept value that proves the server read <paramref name="key"/>.</summary>
    public static string AcceptFor(string key) =>
        Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key.Trim() + AcceptGuid)));

    /// <summary>STOMP wire text as bytes, with <c>^@</c> standing for the NUL that ends a frame.</summary>
    public static byte[] Stomp(string wire) => Encoding.UTF8.GetBytes(wire.Replace("^@", "\0"));

    /// <summary>
    /// One frame: FIN, reserved bits (RSV1..3 as a 3-bit number), opcode, the shortest length form
    /// (7-bit up to 125, 16-bit up to 65 535, 64-bit beyond), and the payload, masked when a key is given.
    /// </summary>
    public static byte[] Frame(byte opcode, ReadOnlySpan<byte> payload, bool fin = true, byte reservedBits = 0, byte[]? maskKey = null)
    {
        var head = new List<byte> { (byte)((fin ? 0x80 : 0) | ((reservedBits & 0x7) << 4) | (opcode & 0xF)) };
        var maskBit = maskKey is null ? 0 : 0x80;
        if (payload.Length < 126)
        {
            head.Add((byte)(maskBit | payload.Length));
        }
        else if (payload.Length <= ushort.MaxValue)
        {
            head.Add((byte)(maskBit | 126));
            var length = new byte[2];
            BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)payload.Length);
            head.AddRange(length);
        }
        else
        {
            head.Add((byte)(maskBit | 127));
            var length = new byte[8];
            BinaryPrimitives.WriteUInt64BigEndian(length, (ulong)payload.Length);
            head.AddRange(length);
        }
        var body = payload.ToArray();
        if (maskKey is not null)
        {
            head.AddRange(maskKey);
            Unmask(body, maskKey);
        }
        return [.. head, .. body];
    }

    /// <summary>A close frame: the 2-byte status code, then the reason in UTF-8.</summary>
    public static byte[] CloseFrame(ushort status, string reason)
    {
        var payload = new byte[2 + Encoding.UTF8.GetByteCount(reason)];
        BinaryPrimitives.WriteUInt16BigEndian(payload, status);
        Encoding.UTF8.GetBytes(reason, payload.AsSpan(2));
        return Frame(Close, payload);
    }

    /// <summary>XORs the payload with the 4-byte key (masking and unmasking are the same operation).</summary>
    public static void Unmask(Span<byte> payload, ReadOnlySpan<byte> key)
    {
        for (var i = 0; i < payload.Length; i++) payload[i] ^= key[i % 4];
    }

    public static bool IsControl(byte opcode) => opcode >= Close;

    public static bool IsKnown(byte opcode) => opcode is Continuation or Text or Binary or Close or Ping or Pong;
}

/// <summary>A frame as the client sent it, already unmasked.</summary>
internal sealed record ClientWebSocketFrame(bool Fin, byte ReservedBits, byte Opcode, bool Masked, byte[] MaskKey, byte[] Payload)
{
    /// <summary>The status code of a close frame, when it carries one.</summary>
    public int? CloseStatus => Opcode == WebSocketWire.Close && Payload.Length >= 2 ? BinaryPrimitives.ReadUInt16BigEndian(Payload) : null;

    /// <summary>The reason text of a close frame.</summary>
    public string CloseReason => Opcode == WebSocketWire.Close && Payload.Length > 2 ? Encoding.UTF8.GetString(Payload, 2, Payload.Length - 2) : "";
}

/// <summary>The client's HTTP upgrade request: request line and headers (names case-insensitive; repeated headers joined with ", ").</summary>
internal sealed record UpgradeRequest(string Method, string Target, string Version, IReadOnlyDictionary<string, string> Headers)
{
    public string? this[string name] => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The comma-separated tokens of a header, trimmed, in order.</summary>
    public IReadOnlyList<string> Tokens(string name) =>
        this[name]?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];

    /// <summary>Parses the request head (everything before the blank line).</summary>
    public static UpgradeRequest Parse(string head)
    {
        var lines = head.Split("\r\n");
        var requestLine = lines[0].Split(' ');
        if (requestLine.Length != 3) throw new IOException($"malformed request line '{lines[0]}'");
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var colon = line.IndexOf(':');
            if (colon <= 0) throw new IOException($"malformed header line '{line}'");
            var (name, value) = (line[..colon].Trim(), line[(colon + 1)..].Trim());
            headers[name] = headers.TryGetValue(name, out var earlier) ? earlier + ", " + value : value;
        }
        return new UpgradeRequest(requestLine[0], requestLine[1], requestLine[2], headers);
    }
}
