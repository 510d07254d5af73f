using Microsoft.Extensions.Logging;

namespace SiteAgent.Stomp.Logging;

/// <summary>Every log message of the STOMP client. Event ids 5000-5099 belong to this library; never reuse one.</summary>
/// <remarks>No message takes the passcode or a CONNECT frame's headers unmasked.</remarks>
internal static partial class StompLog
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Debug, Message = "Connecting to {Endpoint} as {Login} on vhost {VirtualHost} (attempt {Attempt})")]
    public static partial void Connecting(ILogger logger, string endpoint, string login, string virtualHost, int attempt);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Connected to {Endpoint} ({Transport}; STOMP {Version}, server {Server}); heart-beats every {SendMs} ms out, {ReceiveMs} ms in")]
    public static partial void Connected(ILogger logger, string endpoint, string transport, string version, string server, long sendMs, long receiveMs);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Subscribed to {Destination} as {SubscriptionId} (ack client-individual, prefetch {PrefetchCount})")]
    public static partial void Subscribed(ILogger logger, string destination, string subscriptionId, int prefetchCount);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "Connecting to {Endpoint} failed ({Reason}: {Detail}); attempt {Attempt}, next in {DelayMs} ms")]
    public static partial void ConnectFailed(ILogger logger, string endpoint, Stomp.StompDisconnectReason reason, string detail, int attempt, long delayMs);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Error, Message = "Connecting to {Endpoint} still fails ({Reason}: {Detail}); attempt {Attempt}, next in {DelayMs} ms. Check the broker address, the credentials and that the vhost and queues exist")]
    public static partial void ConnectStillFailing(ILogger logger, string endpoint, Stomp.StompDisconnectReason reason, string detail, int attempt, long delayMs);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Warning, Message = "Connection to {Endpoint} lost ({Reason}: {Detail}); reconnecting in {DelayMs} ms")]
    public static partial void ConnectionLost(ILogger logger, string endpoint, Stomp.StompDisconnectReason reason, string detail, long delayMs);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Error, Message = "{Endpoint} sent ERROR: {BrokerMessage}. {Details}")]
    public static partial void BrokerError(ILogger logger, string endpoint, string brokerMessage, string details);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Error, Message = "{Endpoint} broke the STOMP protocol: {Problem}; dropping the connection")]
    public static partial void ProtocolViolation(ILogger logger, string endpoint, string problem);

    [LoggerMessage(EventId = 5008, Level = LogLevel.Warning, Message = "Nothing from {Endpoint} for {SilentMs} ms although heart-beats were agreed every {IntervalMs} ms; dropping the connection")]
    public static partial void HeartBeatTimeout(ILogger logger, string endpoint, long silentMs, long intervalMs);

    [LoggerMessage(EventId = 5009, Level = LogLevel.Information, Message = "Disconnected from {Endpoint} ({How})")]
    public static partial void Disconnected(ILogger logger, string endpoint, string how);

    [LoggerMessage(EventId = 5010, Level = LogLevel.Trace, Message = "Sent to {Endpoint}: {Frame}")]
    private static partial void FrameSent(ILogger logger, string endpoint, string frame);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Trace, Message = "Received from {Endpoint}: {Frame}")]
    private static partial void FrameReceived(ILogger logger, string endpoint, string frame);

    /// <summary>A frame going out, as text with the passcode masked: the log state never holds the frame itself.</summary>
    public static void FrameSent(ILogger logger, string endpoint, Frames.StompFrame frame)
    {
        if (logger.IsEnabled(LogLevel.Trace)) FrameSent(logger, endpoint, frame.ToString());
    }

    /// <summary>A frame coming in, as text (headers only).</summary>
    public static void FrameReceived(ILogger logger, string endpoint, Frames.StompFrame frame)
    {
        if (logger.IsEnabled(LogLevel.Trace)) FrameReceived(logger, endpoint, frame.ToString());
    }

    [LoggerMessage(EventId = 5012, Level = LogLevel.Debug, Message = "Not sending {Command} for message {MessageId}: the connection that delivered it is gone, and the broker delivers it again")]
    public static partial void AcknowledgementStale(ILogger logger, string command, string messageId);

    [LoggerMessage(EventId = 5013, Level = LogLevel.Debug, Message = "Dropping message {MessageId} from {SubscriptionId} before delivery: its connection is gone, and the broker delivers it again")]
    public static partial void StaleMessageDropped(ILogger logger, string messageId, string subscriptionId);

    [LoggerMessage(EventId = 5014, Level = LogLevel.Warning, Message = "A handler of the STOMP connection events failed; the client goes on")]
    public static partial void EventHandlerFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5015, Level = LogLevel.Error, Message = "The connection to {Endpoint} failed unexpectedly; dropping it")]
    public static partial void UnexpectedFailure(ILogger logger, string endpoint, Exception exception);

    [LoggerMessage(EventId = 5016, Level = LogLevel.Debug, Message = "{Endpoint} sent a RECEIPT for {ReceiptId}, which nothing waits for")]
    public static partial void UnexpectedReceipt(ILogger logger, string endpoint, string receiptId);
}
