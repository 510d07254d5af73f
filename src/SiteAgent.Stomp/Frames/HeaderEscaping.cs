using System.Buffers;
using System.Text;

namespace SiteAgent.Stomp.Frames;

/// <summary>
/// STOMP 1.2 header escaping: CR, LF, colon and backslash travel as <c>\r</c>, <c>\n</c>, <c>\c</c>
/// and <c>\\</c>; any other backslash sequence is a protocol error. Header text is strict UTF-8.
/// </summary>
internal static class HeaderEscaping
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes one header name or value from the wire.</summary>
    /// <param name="raw">The octets between line start and colon, or colon and line end.</param>
    /// <param name="unescape">False for CONNECT, STOMP and CONNECTED, whose values are literal.</param>
    /// <param name="header">The header's name when decoding its value, null when decoding a name; for error messages only.</param>
    public static string Decode(ReadOnlySpan<byte> raw, bool unescape, string? header)
    {
        if (!unescape || raw.IndexOf((byte)'\\') < 0) return Utf8(raw, header);
        var rented = raw.Length <= 256 ? null : ArrayPool<byte>.Shared.Rent(raw.Length);
        try
        {
            Span<byte> decoded = rented ?? stackalloc byte[raw.Length];
            var length = 0;
            for (var i = 0; i < raw.Length; i++)
            {
                var b = raw[i];
                if (b != (byte)'\\')
                {
                    decoded[length++] = b;
                    continue;
                }
                if (++i == raw.Length) throw new StompProtocolException($"{What(header)} ends in a lone backslash");
                decoded[length++] = raw[i] switch
                {
                    (byte)'r' => (byte)'\r',
                    (byte)'n' => (byte)'\n',
                    (byte)'c' => (byte)':',
                    (byte)'\\' => (byte)'\\',
                    var other => throw new StompProtocolException($"{What(header)} has the undefined escape sequence \\{Printable(other)}"),
                };
            }
            return Utf8(decoded[..length], header);
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8, escaped when <paramref name="escape"/>.</summary>
    /// <exception cref="ArgumentException">An unescaped frame's text contains CR, LF, or (in a name) a colon, or any text contains NUL.</exception>
    public static void Encode(IBufferWriter<byte> output, string text, bool escape, bool isName)
    {
        if (text.Contains('\0')) throw new ArgumentException($"a STOMP header {(isName ? "name" : "value")} cannot contain NUL");
        if (!escape)
        {
            if (text.AsSpan().IndexOfAny('\r', '\n') >= 0 || (isName && text.Contains(':')))
            {
                throw new ArgumentException($"header {(isName ? "name" : "value")} '{text}' has a line break{(isName ? " or colon" : "")}, which CONNECT and STOMP frames cannot carry");
            }
            WriteUtf8(output, text);
            return;
        }
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var escaped = text[i] switch
            {
                '\r' => "\\r",
                '\n' => "\\n",
                ':' => "\\c",
                '\\' => "\\\\",
                _ => null,
            };
            if (escaped is null) continue;
            WriteUtf8(output, text.AsSpan(start, i - start));
            WriteUtf8(output, escaped);
            start = i + 1;
        }
        WriteUtf8(output, text.AsSpan(start));
    }

    private static void WriteUtf8(IBufferWriter<byte> output, ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return;
        var span = output.GetSpan(StrictUtf8.GetMaxByteCount(text.Length));
        output.Advance(StrictUtf8.GetBytes(text, span));
    }

    private static string Utf8(ReadOnlySpan<byte> bytes, string? header)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new StompProtocolException($"{What(header)} is not valid UTF-8", e);
        }
    }

    // Built only when something is wrong: the parser decodes every header of every frame.
    private static string What(string? header) => header is null ? "a header name" : $"the value of header {header}";

    /// <summary>A byte as a printable character or a hex code, for error messages about hostile input.</summary>
    internal static string Printable(byte b) => b is >= 0x21 and < 0x7f ? ((char)b).ToString() : $"0x{b:x2}";
}
