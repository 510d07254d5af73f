using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using SiteAgent.Stomp.Transports.WebSockets;

namespace SiteAgent.Stomp.Transports;

/// <summary>The receive side: the handshake answer, then frames unwrapped into one byte stream.</summary>
internal sealed partial class WebSocketTransport
{
    // Holds the handshake answer whole, and any frame head or control frame (at most 14 and 127 bytes).
    private const int ReceiveBufferBytes = WebSocketHandshake.MaxResponseHeadBytes;

    private readonly byte[] _received = new byte[ReceiveBufferBytes];
    private int _receivedStart;
    private int _receivedEnd;
    private long _payloadLeft;
    private bool _inFragmentedMessage;
    private bool _closeReceived;

    private int Buffered => _receivedEnd - _receivedStart;

    public async ValueTask<int> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_closeReceived) return 0;
            if (_payloadLeft > 0)
            {
                if (Buffered == 0) await FillAsync(cancellationToken);
                var count = (int)Math.Min(Math.Min(_payloadLeft, Buffered), buffer.Length);
                _received.AsSpan(_receivedStart, count).CopyTo(buffer.Span);
                _receivedStart += count;
                _payloadLeft -= count;
                return count;
            }

            WebSocketFrameHeader header;
            int headLength;
            while (!WebSocketFrameHeader.TryParse(_received.AsSpan(_receivedStart, Buffered), out header, out headLength))
            {
                await FillAsync(cancellationToken);
            }

            if (header.IsControl)
            {
                var frameLength = headLength + (int)header.PayloadLength;
                while (Buffered < frameLength) await FillAsync(cancellationToken);
                var payload = _received.AsSpan(_receivedStart + headLength, (int)header.PayloadLength).ToArray();
                _receivedStart += frameLength;
                await OnControlFrameAsync(header.Opcode, payload, cancellationToken);
                continue;
            }

            CheckMessageSequence(header);
            _receivedStart += headLength;
            _payloadLeft = header.PayloadLength;
        }
    }

    /// <summary>Reads the answer to the upgrade request up to its blank line; what follows stays buffered as frames.</summary>
    private async Task<string> ReadHandshakeHeadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var end = _received.AsSpan(_receivedStart, Buffered).IndexOf("\r\n\r\n"u8);
            if (end >= 0)
            {
                var head = Encoding.Latin1.GetString(_received, _receivedStart, end);
                _receivedStart += end + 4;
                return head;
            }
            if (Buffered == _received.Length)
            {
                throw new WebSocketException(WebSocketError.HeaderError,
                    $"WebSocket upgrade refused: the server's answer has no end within {WebSocketHandshake.MaxResponseHeadBytes} bytes");
            }
            if (!await TryFillAsync(cancellationToken))
            {
                throw new WebSocketException(WebSocketError.ConnectionClosedPrematurely,
                    "WebSocket upgrade failed: the server closed the connection before it answered the upgrade");
            }
        }
    }

    private async ValueTask OnControlFrameAsync(WebSocketOpcode opcode, byte[] payload, CancellationToken cancellationToken)
    {
        switch (opcode)
        {
            case WebSocketOpcode.Ping:
                await SendFrameAsync(WebSocketOpcode.Pong, payload, cancellationToken);
                break;
            case WebSocketOpcode.Close:
                if (payload.Length == 1) throw new WebSocketException(WebSocketError.Faulted, "WebSocket protocol violation: the broker sent a close frame with a 1-byte status");
                CloseReason = DescribeClose(payload);
                _closeReceived = true;
                await AnswerCloseAsync(payload, cancellationToken);
                break;
            default:
                // A pong answers nothing this client asked: heart-beats are STOMP's.
                break;
        }
    }

    /// <summary>Echoes the broker's close status, as the closing handshake asks, unless this side closed first.</summary>
    private async ValueTask AnswerCloseAsync(byte[] payload, CancellationToken cancellationToken)
    {
        try
        {
            await SendFrameAsync(WebSocketOpcode.Close, payload.AsMemory(0, Math.Min(payload.Length, 2)), cancellationToken);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            // The broker may drop the socket right after its close frame; the session ends either way.
        }
    }

    private void CheckMessageSequence(WebSocketFrameHeader header)
    {
        if (header.Opcode == WebSocketOpcode.Continuation && !_inFragmentedMessage)
        {
            throw new WebSocketException(WebSocketError.Faulted, "WebSocket protocol violation: the broker sent a continuation frame outside a message");
        }
        if (header.Opcode != WebSocketOpcode.Continuation && _inFragmentedMessage)
        {
            throw new WebSocketException(WebSocketError.Faulted, "WebSocket protocol violation: the broker began a new message before finishing the previous one");
        }
        _inFragmentedMessage = !header.Final;
    }

    /// <summary>Reads more bytes from the network; the broker ending the stream here, without a close frame, is a failure.</summary>
    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (!await TryFillAsync(cancellationToken))
        {
            throw new WebSocketException(WebSocketError.ConnectionClosedPrematurely,
                "the broker closed the connection without a WebSocket close frame");
        }
    }

    private async ValueTask<bool> TryFillAsync(CancellationToken cancellationToken)
    {
        if (Buffered == 0)
        {
            _receivedStart = 0;
            _receivedEnd = 0;
        }
        else if (_receivedEnd == _received.Length)
        {
            // Move the unread tail to the front so a frame head or control frame has room to complete.
            _received.AsSpan(_receivedStart, Buffered).CopyTo(_received);
            _receivedEnd = Buffered;
            _receivedStart = 0;
        }
        var stream = _stream ?? throw new InvalidOperationException("the WebSocket transport is not connected");
        var read = await stream.ReadAsync(_received.AsMemory(_receivedEnd), cancellationToken);
        _receivedEnd += read;
        return read > 0;
    }
}
