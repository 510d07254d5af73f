using System.Buffers.Binary;
using System.Globalization;
using System.Net.Security;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using SiteAgent.Stomp.Transports.WebSockets;

namespace SiteAgent.Stomp.Transports;

/// <summary>
/// STOMP inside WebSocket messages (RabbitMQ Web-STOMP), over <c>ws://</c> or <c>wss://</c>. Frames go
/// out as one text message each; incoming text and binary messages are treated as one byte stream,
/// since the broker may split a frame across messages or pack several frames (and heart-beat EOLs)
/// into one.
/// </summary>
/// <remarks>
/// The WebSocket protocol is implemented here rather than taken from .NET's ClientWebSocket: that one
/// hashes the handshake with OpenSSL, and loading OpenSSL for plain <c>ws://</c> cost the idle daemon
/// about 4 MB of resident memory. Only what a STOMP client needs is here: the opening handshake,
/// unfragmented masked text frames out, any data frames in, ping, pong and close.
/// </remarks>
internal sealed partial class WebSocketTransport(StompEndpoint endpoint, RemoteCertificateValidationCallback? certificateValidation) : IStompTransport
{
    // Offered in order of preference; RabbitMQ answers with the highest it knows, and also accepts
    // clients that offer none.
    private static readonly string[] SubProtocols = ["v12.stomp", "v11.stomp", "v10.stomp"];

    private readonly Socket _socket = new(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private byte[] _sendBuffer = new byte[512];
    private Stream? _stream;
    private string _subProtocol = string.Empty;
    private bool _closeSent;

    // RabbitMQ closes with 1007 and the parser's complaint on a framing error, and may close without
    // sending its ERROR frame first; the close text is then the only explanation there is.
    public string? CloseReason { get; private set; }

    public string Details =>
        $"WebSocket subprotocol {(_subProtocol.Length == 0 ? "(none)" : _subProtocol)}{(endpoint.UseTls ? ", " + BrokerConnection.Describe(_stream) : "")}";

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        _stream = await BrokerConnection.OpenAsync(_socket, endpoint, certificateValidation, cancellationToken);
        var key = WebSocketHandshake.NewKey();
        await _stream.WriteAsync(WebSocketHandshake.Request(endpoint, key, SubProtocols), cancellationToken);
        await _stream.FlushAsync(cancellationToken);
        var head = await ReadHandshakeHeadAsync(cancellationToken);
        _subProtocol = WebSocketHandshake.CheckResponse(head, key, SubProtocols);
    }

    public ValueTask SendAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken) =>
        SendFrameAsync(WebSocketOpcode.Text, frame, cancellationToken);

    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        if (_stream is null || _closeSent) return;
        try
        {
            await SendFrameAsync(WebSocketOpcode.Close, ClosePayload(1000, "DISCONNECT"), cancellationToken);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The broker may already have closed the socket after DISCONNECT: nothing left to close.
        }
    }

    public void Abort() => _socket.Dispose();

    public async ValueTask DisposeAsync()
    {
        if (_stream is not null) await _stream.DisposeAsync();
        _socket.Dispose();
        _sendLock.Dispose();
    }

    /// <summary>Sends one final frame, masked with a fresh key as the protocol requires of clients.</summary>
    private async ValueTask SendFrameAsync(WebSocketOpcode opcode, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var stream = _stream ?? throw new InvalidOperationException("the WebSocket transport is not connected");
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            // Nothing may follow a close frame; a late heart-beat after DISCONNECT is dropped.
            if (_closeSent) return;
            var length = WriteMaskedFrame(opcode, payload.Span);
            if (opcode == WebSocketOpcode.Close) _closeSent = true;
            await stream.WriteAsync(_sendBuffer.AsMemory(0, length), cancellationToken);
            await stream.FlushAsync(cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private int WriteMaskedFrame(WebSocketOpcode opcode, ReadOnlySpan<byte> payload)
    {
        var needed = WebSocketFrameHeader.MaxClientHeadBytes + payload.Length;
        if (_sendBuffer.Length < needed) _sendBuffer = new byte[Math.Max(needed, _sendBuffer.Length * 2)];
        Span<byte> mask = stackalloc byte[4];
        KernelRandom.Fill(mask);
        var head = WebSocketFrameHeader.WriteClientHead(_sendBuffer, opcode, payload.Length, mask);
        var body = _sendBuffer.AsSpan(head, payload.Length);
        for (var i = 0; i < payload.Length; i++) body[i] = (byte)(payload[i] ^ mask[i & 3]);
        return head + payload.Length;
    }

    private static byte[] ClosePayload(ushort status, string reason)
    {
        var payload = new byte[2 + Encoding.UTF8.GetByteCount(reason)];
        BinaryPrimitives.WriteUInt16BigEndian(payload, status);
        Encoding.UTF8.GetBytes(reason, payload.AsSpan(2));
        return payload;
    }

    private static string DescribeClose(ReadOnlySpan<byte> payload)
    {
        if (payload.Length == 0) return "WebSocket close (no status)";
        var status = BinaryPrimitives.ReadUInt16BigEndian(payload).ToString(CultureInfo.InvariantCulture);
        var printable = WebSocketHandshake.Printable(Encoding.UTF8.GetString(payload[2..]));
        return $"WebSocket close {status}{(printable.Length == 0 ? "" : ": " + printable)}";
    }
}
