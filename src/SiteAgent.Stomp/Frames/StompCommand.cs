namespace SiteAgent.Stomp.Frames;

/// <summary>The commands of STOMP 1.2, client and server frames alike.</summary>
public enum StompCommand : byte
{
    /// <summary>Client: open a session (the STOMP 1.0 spelling).</summary>
    Connect,

    /// <summary>Client: open a session (the STOMP 1.2 spelling, distinguishable from HTTP).</summary>
    Stomp,

    /// <summary>Server: the session is open.</summary>
    Connected,

    /// <summary>Client: publish a message.</summary>
    Send,

    /// <summary>Client: start consuming a destination.</summary>
    Subscribe,

    /// <summary>Client: stop consuming a destination.</summary>
    Unsubscribe,

    /// <summary>Client: a message was processed.</summary>
    Ack,

    /// <summary>Client: a message was not processed.</summary>
    Nack,

    /// <summary>Client: start a transaction.</summary>
    Begin,

    /// <summary>Client: commit a transaction.</summary>
    Commit,

    /// <summary>Client: roll a transaction back.</summary>
    Abort,

    /// <summary>Client: close the session.</summary>
    Disconnect,

    /// <summary>Server: a message from a subscription.</summary>
    Message,

    /// <summary>Server: a client frame that asked for a receipt was processed.</summary>
    Receipt,

    /// <summary>Server: something went wrong; the server closes the connection after it.</summary>
    Error,
}

/// <summary>Wire names of <see cref="StompCommand"/> and the rules that depend on the command.</summary>
public static class StompCommands
{
    private static readonly string[] Names =
    [
        "CONNECT", "STOMP", "CONNECTED", "SEND", "SUBSCRIBE", "UNSUBSCRIBE", "ACK", "NACK",
        "BEGIN", "COMMIT", "ABORT", "DISCONNECT", "MESSAGE", "RECEIPT", "ERROR",
    ];

    private static readonly byte[][] Utf8Names = Names.Select(System.Text.Encoding.ASCII.GetBytes).ToArray();

    /// <summary>The command as written on the wire, e.g. <c>MESSAGE</c>.</summary>
    public static string Name(this StompCommand command) => Names[(int)command];

    /// <summary>The command's ASCII bytes.</summary>
    internal static ReadOnlySpan<byte> Utf8Name(this StompCommand command) => Utf8Names[(int)command];

    /// <summary>Finds the command whose wire name is <paramref name="line"/>; case-sensitive, as the protocol says.</summary>
    public static bool TryParse(ReadOnlySpan<byte> line, out StompCommand command)
    {
        for (var i = 0; i < Utf8Names.Length; i++)
        {
            if (line.SequenceEqual(Utf8Names[i]))
            {
                command = (StompCommand)i;
                return true;
            }
        }
        command = default;
        return false;
    }

    /// <summary>
    /// Header values of the session-opening frames are taken literally: STOMP 1.2 defines no escaping
    /// for CONNECT, STOMP and CONNECTED, so that 1.0 peers understand them.
    /// </summary>
    public static bool EscapesHeaders(this StompCommand command) =>
        command is not (StompCommand.Connect or StompCommand.Stomp or StompCommand.Connected);

    /// <summary>Only SEND, MESSAGE and ERROR frames may carry a body.</summary>
    public static bool MayHaveBody(this StompCommand command) =>
        command is StompCommand.Send or StompCommand.Message or StompCommand.Error;
}
