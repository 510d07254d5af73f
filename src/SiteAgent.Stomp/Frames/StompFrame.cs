namespace SiteAgent.Stomp.Frames;

/// <summary>One STOMP frame: command, headers in wire order, and body octets.</summary>
/// <param name="Command">The frame's command.</param>
/// <param name="Headers">Headers, already unescaped.</param>
/// <param name="Body">The body; empty for frames that carry none.</param>
public sealed record StompFrame(StompCommand Command, StompHeaders Headers, ReadOnlyMemory<byte> Body)
{
    /// <summary>A frame without body.</summary>
    public StompFrame(StompCommand command, params KeyValuePair<string, string>[] headers)
        : this(command, new StompHeaders(headers), ReadOnlyMemory<byte>.Empty)
    {
    }

    /// <summary>Command and headers for diagnostics; the passcode is masked and the body left out.</summary>
    public override string ToString() => $"{Command.Name()} [{Headers}] ({Body.Length} body bytes)";
}
