namespace SiteAgent.Stomp.Frames;

/// <summary>The command line, the header section and the body boundary.</summary>
public sealed partial class StompFrameParser
{
    /// <summary>Parses command and headers when the header section is complete.</summary>
    private bool TryParseHead(ReadOnlySpan<byte> data, out StompCommand command, out StompHeaders headers, out int bodyStart, out int contentLength)
    {
        command = default;
        headers = StompHeaders.Empty;
        bodyStart = 0;
        contentLength = -1;

        // The header section ends at the first empty line; until it has arrived, only its size is checked.
        var headEnd = FindHeadEnd(data);
        if (headEnd < 0)
        {
            if (data.Length > _limits.MaxHeaderBytes) throw new StompProtocolException($"the command and headers exceed the {_limits.MaxHeaderBytes}-byte limit");
            return false;
        }

        var position = 0;
        var commandLine = NextLine(data, ref position);
        if (!StompCommands.TryParse(commandLine, out command))
        {
            throw new StompProtocolException($"unknown command '{Excerpt(commandLine)}'");
        }

        var unescape = command.EscapesHeaders();
        var list = _headerScratch;
        list.Clear();
        while (true)
        {
            var line = NextLine(data, ref position);
            if (line.IsEmpty) break;
            if (list.Count == _limits.MaxHeaders) throw new StompProtocolException($"{command.Name()} frame has more than {_limits.MaxHeaders} headers");
            var colon = line.IndexOf((byte)':');
            if (colon <= 0) throw new StompProtocolException($"{command.Name()} header line '{Excerpt(line)}' has no name followed by a colon");
            var rawName = line[..colon];
            // Well-known names hold no backslash, so their raw bytes are their decoded form.
            var isKnown = StompHeaderNames.TryGetKnown(rawName, out var known, out var index);
            var name = isKnown ? known! : HeaderEscaping.Decode(rawName, unescape, header: null);
            var rawValue = line[(colon + 1)..];
            var value = isKnown && index < StompHeaderNames.RepeatingValues
                ? RepeatedValue(index, rawValue, unescape, name)
                : HeaderEscaping.Decode(rawValue, unescape, name);
            list.Add(new KeyValuePair<string, string>(name, value));
            if (contentLength < 0 && name == StompHeaderNames.ContentLength) contentLength = ParseContentLength(value);
        }
        headers = new StompHeaders([.. list]);
        bodyStart = position;
        return true;
    }

    /// <summary>The value decoded last time for this header, when the raw bytes are the same again.</summary>
    /// <remarks>Same raw bytes in a frame of the same escaping give the same string.</remarks>
    private string RepeatedValue(int index, ReadOnlySpan<byte> raw, bool unescape, string name)
    {
        ref var cached = ref _lastValues[index];
        if (cached.Raw is { } previous && cached.Unescaped == unescape && raw.SequenceEqual(previous)) return cached.Value!;
        var value = HeaderEscaping.Decode(raw, unescape, name);
        if (raw.Length <= 512) cached = (raw.ToArray(), value, unescape);
        return value;
    }

    /// <summary>Finds the body's end: content-length octets then NUL, or the first NUL.</summary>
    private bool TryFindBody(ReadOnlySpan<byte> data, StompCommand command, int bodyStart, int contentLength, out int bodyLength)
    {
        bodyLength = 0;
        if (contentLength >= 0)
        {
            if ((long)bodyStart + contentLength > _limits.MaxFrameBytes) throw TooLarge((long)bodyStart + contentLength);
            if (data.Length < bodyStart + contentLength + 1) return false;
            if (data[bodyStart + contentLength] != Nul)
            {
                throw new StompProtocolException($"{command.Name()} frame has no NUL after its content-length of {contentLength} bytes");
            }
            bodyLength = contentLength;
        }
        else
        {
            var from = Math.Max(bodyStart, _nulSearchFrom);
            var nul = data[from..].IndexOf(Nul);
            if (nul < 0)
            {
                if (data.Length > _limits.MaxFrameBytes) throw TooLarge(data.Length);
                _nulSearchFrom = data.Length;
                return false;
            }
            bodyLength = from + nul - bodyStart;
            // The whole frame may have arrived in one read, before the size check above could fire.
            if (bodyStart + bodyLength > _limits.MaxFrameBytes) throw TooLarge(bodyStart + bodyLength);
        }
        if (bodyLength > 0 && !command.MayHaveBody()) throw new StompProtocolException($"{command.Name()} frame carries a body, which only SEND, MESSAGE and ERROR may");
        return true;
    }

    /// <summary>Index just past the blank line that ends the header section, or -1.</summary>
    private static int FindHeadEnd(ReadOnlySpan<byte> data)
    {
        var offset = 0;
        while (true)
        {
            var lf = data[offset..].IndexOf(Lf);
            if (lf < 0) return -1;
            var lineEnd = offset + lf;
            // A line is empty when the LF is at its start, or only a CR precedes it.
            if (lineEnd == offset || (lineEnd == offset + 1 && data[offset] == Cr))
            {
                // The command line itself cannot be empty: leading EOLs were skipped as heart-beats.
                return lineEnd + 1;
            }
            offset = lineEnd + 1;
        }
    }

    /// <summary>The line at <paramref name="position"/> without its EOL; advances past the EOL.</summary>
    private static ReadOnlySpan<byte> NextLine(ReadOnlySpan<byte> data, ref int position)
    {
        var rest = data[position..];
        var lf = rest.IndexOf(Lf);
        var line = rest[..lf];
        position += lf + 1;
        if (!line.IsEmpty && line[^1] == Cr) line = line[..^1];
        if (line.IndexOf(Cr) >= 0) throw new StompProtocolException($"line '{Excerpt(line)}' holds a CR that is not part of an EOL");
        return line;
    }

    private static int ParseContentLength(string value)
    {
        if (value.Length is 0 or > 10 || value.AsSpan().ContainsAnyExcept("0123456789") || !int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var length))
        {
            throw new StompProtocolException($"content-length '{Excerpt(value)}' is not a byte count");
        }
        return length;
    }

    private static string Excerpt(ReadOnlySpan<byte> raw)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var b in raw[..Math.Min(raw.Length, 40)]) sb.Append(b is >= 0x20 and < 0x7f ? ((char)b).ToString() : $"\\x{b:x2}");
        if (raw.Length > 40) sb.Append('…');
        return sb.ToString();
    }

    private static string Excerpt(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
