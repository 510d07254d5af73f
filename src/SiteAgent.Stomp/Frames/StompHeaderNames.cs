using System.Text;

namespace SiteAgent.Stomp.Frames;

/// <summary>Names of the headers the client reads or writes.</summary>
public static class StompHeaderNames
{
    public const string AcceptVersion = "accept-version";
    public const string Host = "host";
    public const string Login = "login";
    public const string Passcode = "passcode";
    public const string HeartBeat = "heart-beat";
    public const string Version = "version";
    public const string Session = "session";
    public const string Server = "server";
    public const string Destination = "destination";
    public const string Id = "id";
    public const string Ack = "ack";
    public const string Subscription = "subscription";
    public const string MessageId = "message-id";
    public const string Receipt = "receipt";
    public const string ReceiptId = "receipt-id";
    public const string ContentLength = "content-length";
    public const string ContentType = "content-type";
    public const string Message = "message";
    public const string PrefetchCount = "prefetch-count";
    public const string Requeue = "requeue";
    public const string Redelivered = "redelivered";
    public const string Persistent = "persistent";

    // Names a broker sends on almost every frame: parsing them reuses these strings instead of
    // allocating one per header per message. The first ones usually carry the same value on every
    // message of a subscription, so the parser also reuses their last value (see RepeatingValues).
    private static readonly string[] KnownNames =
    [
        Destination, Subscription, ContentType, Redelivered, Persistent, "priority", "content-encoding", "type",
        "app-id", "user-id", "reply-to",
        MessageId, Ack, ContentLength, ReceiptId, Message, Version, HeartBeat, Session, Server, "expires",
        "delivery-mode", "timestamp", "correlation-id",
    ];

    private static readonly byte[][] KnownUtf8 = [.. KnownNames.Select(Encoding.ASCII.GetBytes)];

    /// <summary>Known names with index below this usually repeat their value from message to message.</summary>
    internal const int RepeatingValues = 11;

    /// <summary>How many names <see cref="TryGetKnown"/> knows.</summary>
    internal static int KnownCount => KnownNames.Length;

    /// <summary>The shared string for a well-known header name, and its index, so that parsing does not allocate it.</summary>
    internal static bool TryGetKnown(ReadOnlySpan<byte> name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? known, out int index)
    {
        for (index = 0; index < KnownUtf8.Length; index++)
        {
            if (KnownUtf8[index].Length == name.Length && name.SequenceEqual(KnownUtf8[index]))
            {
                known = KnownNames[index];
                return true;
            }
        }
        known = null;
        return false;
    }
}
