namespace SiteAgent.Stomp.Frames;

/// <summary>
/// The peer broke the STOMP protocol (malformed or oversized frame, invalid UTF-8 or escape, unknown
/// command). The connection cannot be trusted any further: the client drops it and reconnects.
/// </summary>
public sealed class StompProtocolException : Exception
{
    /// <summary>Creates the exception with a message that says what was wrong with the input.</summary>
    public StompProtocolException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the decoding error behind it.</summary>
    public StompProtocolException(string message, Exception inner) : base(message, inner)
    {
    }
}
