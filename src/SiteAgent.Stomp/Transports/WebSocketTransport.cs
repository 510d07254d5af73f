using System.Net;
using System.Net.Security;
using System.Net.WebSockets;

namespace SiteAgent.Stomp.Transports;

/// <summary>
/// STOMP inside WebSocket messages (RabbitMQ Web-STOMP). Frames go out as one text message each;
/// incoming text and binary messages are treated as one byte stream, since the broker may split a
/// frame across messages or pack several frames (and heart-beat EOLs) into one.
/// </summary>
internal sealed class WebSocketTransport : IStompTransport
{
    // Offered in order of preference; RabbitMQ answers with the highest it knows, and also accepts
    // clients that offer none.
    private static readonly string[] SubProtocols = ["v12.stomp", "v11.stomp", "v10.stomp"];

    private readonly StompEndpoint _endpoint;
    private readonly ClientWebSocket _socket = new();

    public WebSocketTransport(StompEndpoint endpoint, RemoteCertificateValidationCallback? certificateValidation, IWebProxy? proxy)
    {
        _endpoint = endpoint;
        foreach (var protocol in SubProtocols) _socket.Options.AddSubProtocol(protocol);
        _socket.Options.Proxy = proxy;
        if (certificateValidation is not null) _socket.Options.RemoteCertificateValidationCallback = certificateValidation;
        // STOMP heart-beats prove liveness; WebSocket pings on top would only add traffic.
        _socket.Options.KeepAliveInterval = TimeSpan.Zero;
    }

    // RabbitMQ closes with 1007 and the parser's complaint on a framing error, and may close without
    // sending its ERROR frame first; the close text is then the only explanation there is.
    public string? CloseReason => _socket.CloseStatus is { } status
        ? $"WebSocket close {(int)status}{(string.IsNullOrEmpty(_socket.CloseStatusDescription) ? "" : ": " + _socket.CloseStatusDescription)}"
        : null;

    public string Details => $"WebSocket subprotocol {(string.IsNullOrEmpty(_socket.SubProtocol) ? "(none)" : _socket.SubProtocol)}";

    public Task ConnectAsync(CancellationToken cancellationToken) => _socket.ConnectAsync(_endpoint.WebSocketUri, cancellationToken);

    public async ValueTask<int> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close) return 0;
            if (result.Count > 0) return result.Count;
        }
    }

    public ValueTask SendAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken) =>
        _socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        if (_socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived)) return;
        try
        {
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "DISCONNECT", cancellationToken);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // The broker may already have closed the socket after DISCONNECT: nothing left to close.
        }
    }

    public void Abort() => _socket.Abort();

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
