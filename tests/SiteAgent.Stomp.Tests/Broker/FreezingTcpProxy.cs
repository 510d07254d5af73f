using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace SiteAgent.Stomp.Tests.Broker;

/// <summary>
/// A loopback TCP proxy to the broker that can freeze its current connections: they stay open but no
/// byte moves any more, as when a network path turns into a black hole. New connections pass.
/// </summary>
internal sealed class FreezingTcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<(Socket Client, Socket Server, CancellationTokenSource Frozen)> _pairs = [];
    private readonly Task _accepting;

    public FreezingTcpProxy(int targetPort)
    {
        _targetPort = targetPort;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Stops forwarding on every connection open now.</summary>
    public void FreezeExisting()
    {
        foreach (var pair in _pairs) pair.Frozen.Cancel();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptSocketAsync(_stop.Token);
                var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
                await server.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token);
                var frozen = new CancellationTokenSource();
                _pairs.Add((client, server, frozen));
                _ = PumpAsync(client, server, frozen.Token);
                _ = PumpAsync(server, client, frozen.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    private static async Task PumpAsync(Socket from, Socket to, CancellationToken frozen)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, frozen);
                if (read == 0) break;
                await to.SendAsync(buffer.AsMemory(0, read), frozen);
            }
            to.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Frozen (the sockets stay open until dispose) or closed by one side.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        foreach (var (client, server, frozen) in _pairs)
        {
            client.Dispose();
            server.Dispose();
            frozen.Dispose();
        }
    }
}
