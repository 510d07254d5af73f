using System.Net;
using System.Net.Sockets;
using System.Text;
using SiteAgent.Stomp.Frames;

namespace SiteAgent.Stomp.Tests.Client;

/// <summary>
/// A STOMP peer on a loopback TCP port that answers each connection with a script. It plays brokers
/// that misbehave in ways a real RabbitMQ never does (garbage, oversized frames, invalid UTF-8,
/// unknown commands), which is what these tests need; behaviour a real broker has is tested against
/// RabbitMQ itself.
/// </summary>
internal sealed class ScriptedBroker : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<int, Connection, Task> _script;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _connections;

    /// <param name="script">Run for each accepted connection, with its 1-based number.</param>
    public ScriptedBroker(Func<int, Connection, Task> script)
    {
        _script = script;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int Connections => Volatile.Read(ref _connections);

    public StompEndpoint Endpoint => StompEndpoint.Tcp("127.0.0.1", Port);

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var socket = await _listener.AcceptSocketAsync(_stop.Token);
                var number = Interlocked.Increment(ref _connections);
                _ = Task.Run(async () =>
                {
                    await using var connection = new Connection(socket);
                    try
                    {
                        await _script(number, connection);
                    }
                    catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
                    {
                        // The client went away mid-script.
                    }
                });
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
    }

    /// <summary>One accepted connection: read client frames, write raw bytes.</summary>
    internal sealed class Connection(Socket socket) : IAsyncDisposable
    {
        private readonly NetworkStream _stream = new(socket, ownsSocket: true);
        private readonly StompFrameParser _parser = new();

        /// <summary>Heart-beat EOLs the client sent so far.</summary>
        public long HeartBeats => _parser.HeartBeatsSeen;

        /// <summary>The next client frame (heart-beats skipped); null when the client closed.</summary>
        public async Task<StompFrame?> ReadFrameAsync(TimeSpan? timeout = null)
        {
            using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
            while (true)
            {
                if (_parser.TryReadFrame(out var frame)) return frame;
                var read = await _stream.ReadAsync(_parser.GetWriteBuffer(), cts.Token);
                if (read == 0) return null;
                _parser.Advance(read);
            }
        }

        public Task WriteAsync(string wire) => WriteAsync(Encoding.UTF8.GetBytes(wire.Replace("^@", "\0")));

        public async Task WriteAsync(byte[] bytes) => await _stream.WriteAsync(bytes);

        /// <summary>Answers the CONNECT and every SUBSCRIBE's receipt, as a healthy broker does.</summary>
        public async Task HandshakeAsync(string heartBeat = "0,0")
        {
            var connect = await ReadFrameAsync() ?? throw new IOException("client closed before CONNECT");
            if (connect.Command is not (StompCommand.Stomp or StompCommand.Connect)) throw new IOException($"expected CONNECT, got {connect.Command}");
            await WriteAsync($"CONNECTED\nversion:1.2\nheart-beat:{heartBeat}\nserver:scripted\n\n^@");
            var subscribe = await ReadFrameAsync() ?? throw new IOException("client closed before SUBSCRIBE");
            await WriteAsync($"RECEIPT\nreceipt-id:{subscribe.Headers["receipt"]}\n\n^@");
        }

        /// <summary>Waits until the client closes or <paramref name="timeout"/> passes.</summary>
        public async Task DrainAsync(TimeSpan timeout)
        {
            try
            {
                while (await ReadFrameAsync(timeout) is not null)
                {
                }
            }
            catch (OperationCanceledException)
            {
            }
        }

        public ValueTask DisposeAsync() => _stream.DisposeAsync();
    }
}
