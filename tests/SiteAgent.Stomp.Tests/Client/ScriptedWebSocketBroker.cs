using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace SiteAgent.Stomp.Tests.Client;

/// <summary>
/// A WebSocket server on a loopback TCP port that answers each connection with a script, written by
/// hand so it can do what no real server library would: answer the upgrade wrongly, send masked or
/// reserved-bit frames, split and pack STOMP frames across WebSocket messages at will. It checks the
/// client's side of RFC 6455 as it reads (every client frame masked, no reserved bits, known opcodes)
/// and keeps what it found wrong in <see cref="ClientFramingErrors"/>.
/// </summary>
internal sealed class ScriptedWebSocketBroker : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<int, WebSocketConnection, Task> _script;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly ConcurrentQueue<UpgradeRequest> _requests = new();
    private readonly ConcurrentQueue<string> _framingErrors = new();
    private readonly ConcurrentQueue<string> _scriptFailures = new();
    private readonly ConcurrentQueue<ClientWebSocketFrame> _clientFrames = new();
    private int _connections;

    /// <param name="script">Run for each accepted connection, with its 1-based number.</param>
    /// <param name="path">The HTTP path the endpoint names.</param>
    public ScriptedWebSocketBroker(Func<int, WebSocketConnection, Task> script, string path = "/ws")
    {
        _script = script;
        Path = path;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public string Path { get; }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int Connections => Volatile.Read(ref _connections);

    public StompEndpoint Endpoint => StompEndpoint.WebSocket("127.0.0.1", Port, Path, useTls: false);

    /// <summary>Every upgrade request read so far, in arrival order.</summary>
    public IReadOnlyList<UpgradeRequest> Requests => [.. _requests];

    /// <summary>Every frame the client sent, on all connections.</summary>
    public IReadOnlyList<ClientWebSocketFrame> ClientFrames => [.. _clientFrames];

    /// <summary>Where the client broke RFC 6455 (an unmasked frame, reserved bits, an unknown opcode).</summary>
    public IReadOnlyList<string> ClientFramingErrors => [.. _framingErrors];

    /// <summary>Scripts that failed for another reason than the client going away (a test bug or a client misstep).</summary>
    public IReadOnlyList<string> ScriptFailures => [.. _scriptFailures];

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var socket = await _listener.AcceptSocketAsync(_stop.Token);
                var number = Interlocked.Increment(ref _connections);
                _ = Task.Run(() => RunScriptAsync(number, socket));
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task RunScriptAsync(int number, Socket socket)
    {
        await using var connection = new WebSocketConnection(socket, this);
        try
        {
            await _script(number, connection);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away mid-script (or never answered in time).
        }
        catch (Exception e)
        {
            _scriptFailures.Enqueue($"connection {number}: {e}");
        }
    }

    internal void Record(UpgradeRequest request) => _requests.Enqueue(request);

    internal void Record(ClientWebSocketFrame frame)
    {
        _clientFrames.Enqueue(frame);
        if (!frame.Masked) _framingErrors.Enqueue($"unmasked client frame (opcode {frame.Opcode})");
        if (frame.ReservedBits != 0) _framingErrors.Enqueue($"client frame with reserved bits {frame.ReservedBits}");
        if (!WebSocketWire.IsKnown(frame.Opcode)) _framingErrors.Enqueue($"client frame with unknown opcode {frame.Opcode}");
        if (WebSocketWire.IsControl(frame.Opcode) && (!frame.Fin || frame.Payload.Length > 125)) _framingErrors.Enqueue($"fragmented or oversized client control frame (opcode {frame.Opcode})");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
    }
}
