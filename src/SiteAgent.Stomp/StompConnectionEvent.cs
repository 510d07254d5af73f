namespace SiteAgent.Stomp;

/// <summary>Where a <see cref="StompClient"/> stands.</summary>
public enum StompConnectionState
{
    /// <summary>Not started yet.</summary>
    Idle,

    /// <summary>Opening a connection and subscribing.</summary>
    Connecting,

    /// <summary>Connected, and every subscription confirmed by the broker.</summary>
    Connected,

    /// <summary>The last attempt or connection failed; waiting before the next attempt.</summary>
    WaitingToReconnect,

    /// <summary>Disconnected on request; no further attempts.</summary>
    Stopped,
}

/// <summary>Why a connection ended or an attempt failed.</summary>
public enum StompDisconnectReason
{
    /// <summary>The socket, TLS or WebSocket failed (refused, reset, DNS, certificate).</summary>
    TransportFailed,

    /// <summary>The broker closed the connection without an ERROR frame.</summary>
    ClosedByBroker,

    /// <summary>The broker answered the CONNECT with ERROR: wrong login or passcode, unknown vhost.</summary>
    ConnectRefused,

    /// <summary>The broker sent ERROR on an open connection (e.g. a subscribed queue does not exist).</summary>
    BrokerError,

    /// <summary>The broker's bytes broke the protocol (malformed, oversized, invalid UTF-8, unknown command).</summary>
    ProtocolViolation,

    /// <summary>Nothing arrived for 1.5 times the negotiated heart-beat interval.</summary>
    HeartBeatTimeout,

    /// <summary>CONNECTED or a subscription receipt did not arrive within the connect timeout.</summary>
    HandshakeTimeout,

    /// <summary>The client was disconnected on request.</summary>
    Stopped,
}

/// <summary>A change of <see cref="StompClient.State"/>, for health checks and logs.</summary>
/// <param name="State">The new state.</param>
/// <param name="Endpoint">The broker, as a URL.</param>
/// <param name="Attempt">Failed attempts since the last established connection.</param>
/// <param name="Reason">Why the previous connection or attempt ended; null when connecting or connected.</param>
/// <param name="Detail">What happened, in words; never holds the passcode.</param>
/// <param name="BrokerMessage">The <c>message</c> header of the broker's ERROR frame, when there was one.</param>
/// <param name="RetryIn">Delay before the next attempt, in <see cref="StompConnectionState.WaitingToReconnect"/>.</param>
public sealed record StompConnectionEvent(
    StompConnectionState State,
    string Endpoint,
    int Attempt,
    StompDisconnectReason? Reason = null,
    string? Detail = null,
    string? BrokerMessage = null,
    TimeSpan? RetryIn = null);
