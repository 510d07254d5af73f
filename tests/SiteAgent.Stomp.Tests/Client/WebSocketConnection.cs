using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;
using SiteAgent.Stomp.Frames;

namespace SiteAgent.Stomp.Tests.Client;

/// <summary>
/// One connection accepted by a <see cref="ScriptedWebSocketBroker"/>: the upgrade, server frames
/// written raw, client frames read and unmasked, and the STOMP frames inside them.
/// </summary>
internal sealed class WebSocketConnection(Socket socket, ScriptedWebSocketBroker broker) : IAsyncDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);
    private readonly NetworkStream _stream = new(socket, ownsSocket: true);
    private readonly StompFrameParser _parser = new();
    private readonly ConcurrentQueue<ClientWebSocketFrame> _controlFrames = new();
    private byte[] _unread = [];

    /// <summary>The client's close frame, once one arrived.</summary>
    public ClientWebSocketFrame? ClientClose { get; private set; }

    /// <summary>Reads the client's HTTP request head, up to the blank line.</summary>
    public async Task<UpgradeRequest> ReadUpgradeRequestAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultWait);
        var head = new List<byte>();
        var chunk = new byte[1024];
        int end;
        while ((end = IndexOfBlankLine(head)) < 0)
        {
            var read = await _stream.ReadAsync(chunk, cts.Token);
            if (read == 0) throw new IOException("the client closed before finishing its upgrade request");
            head.AddRange(chunk.AsSpan(0, read));
            if (head.Count > 64 * 1024) throw new InvalidOperationException("the client's upgrade request has no end within 64 KiB");
        }
        _unread = [.. head.Skip(end + 4)];
        var request = UpgradeRequest.Parse(Encoding.ASCII.GetString([.. head.Take(end)]));
        broker.Record(request);
        return request;
    }

    /// <summary>
    /// Answers with a correct 101: the accept value for the client's key and, when the client offered
    /// it, the subprotocol <paramref name="subprotocol"/> (none when it was not offered or is null).
    /// </summary>
    public Task AcceptAsync(UpgradeRequest request, string? subprotocol = "v12.stomp")
    {
        var chosen = subprotocol is not null && request.Tokens("Sec-WebSocket-Protocol").Contains(subprotocol) ? subprotocol : null;
        return SwitchProtocolsAsync(WebSocketWire.AcceptFor(request["Sec-WebSocket-Key"] ?? ""), chosen);
    }

    /// <summary>A 101 with exactly the accept value and subprotocol given, right or wrong.</summary>
    public Task SwitchProtocolsAsync(string accept, string? subprotocol) => WriteRawAsync(Encoding.ASCII.GetBytes(
        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
        $"Sec-WebSocket-Accept: {accept}\r\n" +
        (subprotocol is null ? "" : $"Sec-WebSocket-Protocol: {subprotocol}\r\n") + "\r\n"));

    /// <summary>Upgrade, then CONNECTED and the subscription's RECEIPT: a healthy broker's start.</summary>
    public async Task OpenAsync(string heartBeat = "0,0")
    {
        await AcceptAsync(await ReadUpgradeRequestAsync());
        await HandshakeAsync(heartBeat);
    }

    /// <summary>Answers the CONNECT and the SUBSCRIBE's receipt, each in one text frame.</summary>
    public async Task HandshakeAsync(string heartBeat = "0,0")
    {
        var connect = await ReadFrameAsync() ?? throw new IOException("client closed before CONNECT");
        if (connect.Command is not (StompCommand.Stomp or StompCommand.Connect)) throw new InvalidOperationException($"expected CONNECT, got {connect.Command}");
        await SendTextAsync($"CONNECTED\nversion:1.2\nheart-beat:{heartBeat}\nserver:scripted-ws\n\n^@");
        var subscribe = await ReadFrameAsync() ?? throw new IOException("client closed before SUBSCRIBE");
        await SendTextAsync($"RECEIPT\nreceipt-id:{subscribe.Headers["receipt"]}\n\n^@");
    }

    public async Task WriteRawAsync(byte[] bytes) => await _stream.WriteAsync(bytes);

    public Task SendFrameAsync(byte opcode, byte[] payload, bool fin = true, byte reservedBits = 0, byte[]? maskKey = null) =>
        WriteRawAsync(WebSocketWire.Frame(opcode, payload, fin, reservedBits, maskKey));

    /// <summary>STOMP wire text (<c>^@</c> for NUL) in a text frame.</summary>
    public Task SendTextAsync(string stompWire, bool fin = true) => SendFrameAsync(WebSocketWire.Text, WebSocketWire.Stomp(stompWire), fin);

    public Task SendBinaryAsync(string stompWire, bool fin = true) => SendFrameAsync(WebSocketWire.Binary, WebSocketWire.Stomp(stompWire), fin);

    public Task SendContinuationAsync(string stompWire, bool fin) => SendFrameAsync(WebSocketWire.Continuation, WebSocketWire.Stomp(stompWire), fin);

    public Task SendPingAsync(byte[] payload) => SendFrameAsync(WebSocketWire.Ping, payload);

    public Task SendCloseAsync(ushort status, string reason) => WriteRawAsync(WebSocketWire.CloseFrame(status, reason));

    /// <summary>The client's next frame, unmasked and recorded with the broker; null when the TCP stream ended.</summary>
    public async Task<ClientWebSocketFrame?> ReadWebSocketFrameAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultWait);
        var head = await ReadExactlyAsync(2, cts.Token);
        if (head is null) return null;
        var length = (ulong)(head[1] & 0x7F);
        if (length == 126) length = BinaryPrimitives.ReadUInt16BigEndian(await ReadExactlyAsync(2, cts.Token) ?? throw Truncated());
        else if (length == 127) length = BinaryPrimitives.ReadUInt64BigEndian(await ReadExactlyAsync(8, cts.Token) ?? throw Truncated());
        if (length > 16 * 1024 * 1024) throw new InvalidOperationException($"client frame of {length} bytes");
        var masked = (head[1] & 0x80) != 0;
        var key = masked ? await ReadExactlyAsync(4, cts.Token) ?? throw Truncated() : [];
        var payload = await ReadExactlyAsync((int)length, cts.Token) ?? throw Truncated();
        if (masked) WebSocketWire.Unmask(payload, key);
        var frame = new ClientWebSocketFrame((head[0] & 0x80) != 0, (byte)((head[0] >> 4) & 0x7), (byte)(head[0] & 0xF), masked, key, payload);
        broker.Record(frame);
        return frame;
    }

    /// <summary>
    /// The next STOMP frame from the client's data frames (heart-beats skipped; control frames kept
    /// for <see cref="NextControlFrameAsync"/>); null when the client sent close or ended the stream.
    /// </summary>
    public async Task<StompFrame?> ReadFrameAsync(TimeSpan? timeout = null)
    {
        while (true)
        {
            if (_parser.TryReadFrame(out var stomp)) return stomp;
            if (ClientClose is not null) return null;
            var frame = await ReadWebSocketFrameAsync(timeout);
            if (frame is null) return null;
            Take(frame);
        }
    }

    /// <summary>The next control frame (ping, pong, close) from the client; data frames met on the way go to the STOMP parser.</summary>
    public async Task<ClientWebSocketFrame?> NextControlFrameAsync(TimeSpan? timeout = null)
    {
        while (true)
        {
            if (_controlFrames.TryDequeue(out var control)) return control;
            var frame = await ReadWebSocketFrameAsync(timeout);
            if (frame is null) return null;
            Take(frame);
        }
    }

    /// <summary>Reads until the client closes (answering its close frame, as a server must) or <paramref name="timeout"/> passes.</summary>
    public async Task DrainAsync(TimeSpan timeout)
    {
        try
        {
            while (await ReadFrameAsync(timeout) is not null)
            {
            }
            if (ClientClose is { } close) await SendCloseAsync((ushort)(close.CloseStatus ?? 1000), "");
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Take(ClientWebSocketFrame frame)
    {
        if (WebSocketWire.IsControl(frame.Opcode))
        {
            _controlFrames.Enqueue(frame);
            if (frame.Opcode == WebSocketWire.Close) ClientClose ??= frame;
        }
        else
        {
            _parser.Append(frame.Payload);
        }
    }

    /// <summary>Exactly <paramref name="count"/> bytes (bytes left over from the upgrade first); null at a clean end of stream.</summary>
    private async Task<byte[]?> ReadExactlyAsync(int count, CancellationToken cancellationToken)
    {
        var buffer = new byte[count];
        var filled = Math.Min(count, _unread.Length);
        _unread.AsSpan(0, filled).CopyTo(buffer);
        _unread = _unread[filled..];
        while (filled < count)
        {
            var read = await _stream.ReadAsync(buffer.AsMemory(filled), cancellationToken);
            if (read == 0) return filled == 0 ? null : throw Truncated();
            filled += read;
        }
        return buffer;
    }

    private static IOException Truncated() => new("the client's stream ended inside a frame");

    private static int IndexOfBlankLine(List<byte> bytes)
    {
        for (var i = 0; i + 3 < bytes.Count; i++)
        {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n') return i;
        }
        return -1;
    }

    public ValueTask DisposeAsync() => _stream.DisposeAsync();
}
