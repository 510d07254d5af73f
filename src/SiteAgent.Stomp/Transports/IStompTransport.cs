namespace SiteAgent.Stomp.Transports;

/// <summary>
/// A byte stream to the broker. The frame codec, heart-beats and session logic sit above it and are
/// the same for every transport; one connection attempt creates one transport.
/// </summary>
/// <remarks>
/// To add a transport: 1. implement this interface (receive returns whatever bytes arrived, frame
/// boundaries do not matter; send writes one whole frame); 2. add a <see cref="StompTransportKind"/>
/// and its URL scheme to <see cref="StompEndpoint"/>; 3. create it in <see cref="StompTransports"/>.
/// </remarks>
internal interface IStompTransport : IAsyncDisposable
{
    /// <summary>Opens the connection (TCP, TLS, WebSocket upgrade).</summary>
    Task ConnectAsync(CancellationToken cancellationToken);

    /// <summary>Receives some bytes; 0 when the broker closed the connection.</summary>
    ValueTask<int> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken);

    /// <summary>Sends one frame (or one heart-beat EOL). Callers never overlap sends.</summary>
    ValueTask SendAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken);

    /// <summary>Closes politely (WebSocket close handshake, TCP shutdown) within the token's time.</summary>
    Task CloseAsync(CancellationToken cancellationToken);

    /// <summary>Drops the connection now; a pending receive fails.</summary>
    void Abort();

    /// <summary>What the broker said when it closed the connection (WebSocket close status and text), if anything.</summary>
    string? CloseReason { get; }

    /// <summary>What was negotiated beyond the byte stream, for the log (e.g. the WebSocket subprotocol).</summary>
    string Details { get; }
}
