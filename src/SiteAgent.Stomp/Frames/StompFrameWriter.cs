using System.Buffers;
using System.Globalization;

namespace SiteAgent.Stomp.Frames;

/// <summary>Serialises frames to STOMP 1.2 wire format. Pure code.</summary>
public static class StompFrameWriter
{
    /// <summary>A heart-beat: one EOL.</summary>
    public static ReadOnlySpan<byte> HeartBeat => "\n"u8;

    /// <summary>
    /// Writes <c>COMMAND LF (name:value LF)* LF body NUL</c>. Header text is escaped except in
    /// CONNECT/STOMP; a body gets a content-length header unless the caller gave one.
    /// </summary>
    /// <exception cref="ArgumentException">The command takes no body, or a header cannot be written in this frame.</exception>
    public static void Write(IBufferWriter<byte> output, StompFrame frame)
    {
        var command = frame.Command;
        if (!frame.Body.IsEmpty && !command.MayHaveBody()) throw new ArgumentException($"a {command.Name()} frame cannot carry a body");
        var escape = command.EscapesHeaders();
        Write(output, command.Utf8Name());
        Write(output, "\n"u8);
        foreach (var (name, value) in frame.Headers)
        {
            if (name.Length == 0) throw new ArgumentException($"a {command.Name()} frame has a header without name");
            HeaderEscaping.Encode(output, name, escape, isName: true);
            Write(output, ":"u8);
            HeaderEscaping.Encode(output, value, escape, isName: false);
            Write(output, "\n"u8);
        }
        if (!frame.Body.IsEmpty && !frame.Headers.TryGetValue(StompHeaderNames.ContentLength, out _))
        {
            Write(output, "content-length:"u8);
            var span = output.GetSpan(11);
            frame.Body.Length.TryFormat(span, out var written, provider: CultureInfo.InvariantCulture);
            output.Advance(written);
            Write(output, "\n"u8);
        }
        Write(output, "\n"u8);
        Write(output, frame.Body.Span);
        Write(output, "\0"u8);
    }

    /// <summary>The frame's wire bytes in a new array.</summary>
    public static byte[] ToArray(StompFrame frame)
    {
        var buffer = new ArrayBufferWriter<byte>(256 + frame.Body.Length);
        Write(buffer, frame);
        return buffer.WrittenSpan.ToArray();
    }

    private static void Write(IBufferWriter<byte> output, ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty) return;
        bytes.CopyTo(output.GetSpan(bytes.Length));
        output.Advance(bytes.Length);
    }
}
