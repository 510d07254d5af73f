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
    // allocating one per header per message.
    private static readonly (byte[] Utf8, string Name)[] Known =
    [
        .. new[]
        {
            Destination, MessageId, Subscription, Ack, ContentLength, ContentType, Redelivered, Persistent,
            ReceiptId, Message, Version, HeartBeat, Session, Server, "expires", "priority", "content-encoding",
            "delivery-mode", "timestamp", "type", "app-id", "user-id", "correlation-id", "reply-to",
        }.Select(n => (Encoding.ASCII.GetBytes(n), n)),
    ];

    /// <summary>The shared string for a well-known header name, so that parsing does not allocate it.</summary>
    internal static bool TryGetKnown(ReadOnlySpan<byte> name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? known)
    {
        foreach (var (utf8, value) in Known)
        {
            if (utf8.Length == name.Length && name.SequenceEqual(utf8))
            {
                known = value;
                return true;
            }
        }
        known = null;
        return false;
    }
}
