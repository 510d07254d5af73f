using System.Net.Security;
using System.Net.Sockets;

namespace SiteAgent.Stomp.Transports;

/// <summary>STOMP over a TCP stream, optionally inside TLS.</summary>
internal sealed class TcpTransport(StompEndpoint endpoint, RemoteCertificateValidationCallback? certificateValidation) : IStompTransport
{
    private readonly Socket _socket = new(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
    private Stream? _stream;

    public string? CloseReason => null;

    public string Details => BrokerConnection.Describe(_stream);

    public async Task ConnectAsync(CancellationToken cancellationToken) =>
        _stream = await BrokerConnection.OpenAsync(_socket, endpoint, certificateValidation, cancellationToken);

    public ValueTask<int> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken) =>
        Stream.ReadAsync(buffer, cancellationToken);

    public async ValueTask SendAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        await Stream.WriteAsync(frame, cancellationToken);
        await Stream.FlushAsync(cancellationToken);
    }

    public Task CloseAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (_socket.Connected) _socket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Already gone: nothing left to close politely.
        }
        return Task.CompletedTask;
    }

    public void Abort() => _socket.Dispose();

    public async ValueTask DisposeAsync()
    {
        if (_stream is not null) await _stream.DisposeAsync();
        _socket.Dispose();
    }

    private Stream Stream => _stream ?? throw new InvalidOperationException("the TCP transport is not connected");
}
