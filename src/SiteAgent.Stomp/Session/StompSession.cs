using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using SiteAgent.Stomp.Frames;
using SiteAgent.Stomp.Logging;
using SiteAgent.Stomp.Transports;

namespace SiteAgent.Stomp.Session;

/// <summary>
/// One connection to the broker, from CONNECT to its end: handshake and subscriptions, the receive
/// loop, heart-beats, acknowledgements and DISCONNECT. It never reconnects; <see cref="StompClient"/>
/// creates a new session for every attempt.
/// </summary>
internal sealed partial class StompSession : IAsyncDisposable
{
    private readonly StompClientOptions _options;
    private readonly IStompTransport _transport;
    private readonly ILogger _logger;
    private readonly ChannelWriter<StompMessage> _messages;
    private readonly StompFrameParser _parser;
    private readonly string _endpoint;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _lifetime = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _receipts = new();
    private readonly TaskCompletionSource<StompFrame> _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<SessionEnd> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly HashSet<string> _subscriptionIds;
    private Task? _receiveLoop;
    private Task? _heartBeatLoop;
    private int _nextReceipt;

    public StompSession(StompClientOptions options, IStompTransport transport, ILogger logger, ChannelWriter<StompMessage> messages)
    {
        _options = options;
        _transport = transport;
        _logger = logger;
        _messages = messages;
        _parser = new StompFrameParser(options.FrameLimits);
        _endpoint = options.Endpoint.ToString();
        _subscriptionIds = options.Subscriptions.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Completes when the connection has ended, with the reason.</summary>
    public Task<SessionEnd> Completion => _ended.Task;

    /// <summary>True once the connection has ended; messages it delivered can no longer be acknowledged.</summary>
    public bool HasEnded => _ended.Task.IsCompleted;

    /// <summary>
    /// Connects, sends STOMP, waits for CONNECTED, starts heart-beats and subscribes, waiting for each
    /// subscription's receipt so that "connected" means "consuming".
    /// </summary>
    /// <exception cref="SessionFailedException">Any step failed; the session has ended.</exception>
    public async Task OpenAsync(CancellationToken stop)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop, _lifetime.Token);
        timeout.CancelAfter(_options.ConnectTimeout);
        try
        {
            await _transport.ConnectAsync(timeout.Token);
            _lastReceived = _lastSent = Environment.TickCount64;
            _receiveLoop = Task.Run(ReceiveLoopAsync, CancellationToken.None);
            await SendAsync(ConnectFrame(), timeout.Token);
            var connected = await UntilEnded(_connected.Task, timeout.Token);
            StartHeartBeats(connected);
            foreach (var subscription in _options.Subscriptions)
            {
                var receipt = NewReceipt();
                await SendAsync(SubscribeFrame(subscription, receipt.Id), timeout.Token);
                await UntilEnded(receipt.Done, timeout.Token);
                StompLog.Subscribed(_logger, subscription.Destination, subscription.Id, subscription.PrefetchCount);
            }
        }
        catch (OperationCanceledException) when (!stop.IsCancellationRequested)
        {
            // The timeout fired, unless the session ended first (then that reason stands).
            End(new SessionEnd(StompDisconnectReason.HandshakeTimeout, $"no CONNECTED and subscription receipts within {_options.ConnectTimeout.TotalSeconds:0.#} s"));
        }
        catch (Exception e) when (IsTransportFailure(e) && !stop.IsCancellationRequested)
        {
            End(new SessionEnd(StompDisconnectReason.TransportFailed, Describe(e)));
        }
        catch (StompProtocolException e)
        {
            // CONNECTED itself was unusable (e.g. its heart-beat header).
            StompLog.ProtocolViolation(_logger, _endpoint, e.Message);
            End(new SessionEnd(StompDisconnectReason.ProtocolViolation, e.Message));
        }
        if (HasEnded) throw new SessionFailedException(await _ended.Task);
        stop.ThrowIfCancellationRequested();
    }

    /// <summary>Sends ACK or NACK for a message this session delivered; false when the connection is gone.</summary>
    public async Task<bool> AcknowledgeAsync(StompMessage message, bool positive, bool requeue, CancellationToken cancellationToken)
    {
        if (HasEnded) return false;
        var frame = positive
            ? new StompFrame(StompCommand.Ack, Header(StompHeaderNames.Id, message.AckId))
            : new StompFrame(StompCommand.Nack, Header(StompHeaderNames.Id, message.AckId), Header(StompHeaderNames.Requeue, requeue ? "true" : "false"));
        try
        {
            await SendAsync(frame, cancellationToken);
            return true;
        }
        catch (Exception e) when (IsTransportFailure(e))
        {
            End(new SessionEnd(StompDisconnectReason.TransportFailed, Describe(e)));
            return false;
        }
    }

    /// <summary>
    /// DISCONNECT with a receipt, then waits for the RECEIPT or for the broker to close the socket
    /// (RabbitMQ 3.10 closes right after DISCONNECT, often before its RECEIPT arrives): both are a clean end.
    /// </summary>
    /// <returns>How it ended, for the log.</returns>
    public async Task<string> DisconnectAsync()
    {
        if (HasEnded) return "the connection had already ended";
        var receipt = NewReceipt();
        using var timeout = new CancellationTokenSource(_options.DisconnectTimeout);
        string how;
        try
        {
            await SendAsync(new StompFrame(StompCommand.Disconnect, Header(StompHeaderNames.Receipt, receipt.Id)), timeout.Token);
            await Task.WhenAny(receipt.Done, _ended.Task, Task.Delay(Timeout.Infinite, timeout.Token));
            // Ending the session cancels pending receipts, so only a successful one counts as received.
            how = receipt.Done.IsCompletedSuccessfully ? "DISCONNECT receipt received"
                : HasEnded ? "the broker closed the connection after DISCONNECT"
                : $"no RECEIPT within {_options.DisconnectTimeout.TotalSeconds:0.#} s; closed anyway";
        }
        catch (Exception e) when (IsTransportFailure(e) || e is OperationCanceledException)
        {
            how = "the connection broke while sending DISCONNECT";
        }
        using (var closing = new CancellationTokenSource(TimeSpan.FromSeconds(2))) await _transport.CloseAsync(closing.Token);
        End(new SessionEnd(StompDisconnectReason.Stopped, how));
        return how;
    }

    /// <summary>Ends the session: records why (the first reason wins), stops its loops, drops the socket.</summary>
    private void End(SessionEnd end)
    {
        if (!_ended.TrySetResult(end)) return;
        _lifetime.Cancel();
        _transport.Abort();
        foreach (var pending in _receipts.Values) pending.TrySetCanceled();
    }

    public async ValueTask DisposeAsync()
    {
        End(new SessionEnd(StompDisconnectReason.Stopped, "session disposed"));
        foreach (var loop in new[] { _receiveLoop, _heartBeatLoop })
        {
            if (loop is not null) await loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        await _transport.DisposeAsync();
        _lifetime.Dispose();
        _sendLock.Dispose();
    }

    private async Task SendAsync(StompFrame frame, CancellationToken cancellationToken)
    {
        var bytes = StompFrameWriter.ToArray(frame);
        StompLog.FrameSent(_logger, _endpoint, frame);
        await SendRawAsync(bytes, cancellationToken);
    }

    private async Task SendRawAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime.Token);
        await _sendLock.WaitAsync(linked.Token);
        try
        {
            await _transport.SendAsync(bytes, linked.Token);
            Volatile.Write(ref _lastSent, Environment.TickCount64);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Waits for <paramref name="task"/>, failing as soon as the session ends instead.</summary>
    private async Task<T> UntilEnded<T>(Task<T> task, CancellationToken cancellationToken)
    {
        await Task.WhenAny(task, _ended.Task).WaitAsync(cancellationToken);
        if (task.IsCompletedSuccessfully) return task.Result;
        throw new SessionFailedException(await _ended.Task);
    }

    private async Task UntilEnded(Task task, CancellationToken cancellationToken)
    {
        await Task.WhenAny(task, _ended.Task).WaitAsync(cancellationToken);
        if (!task.IsCompletedSuccessfully) throw new SessionFailedException(await _ended.Task);
    }

    private (string Id, Task Done) NewReceipt()
    {
        var id = "r-" + Interlocked.Increment(ref _nextReceipt).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _receipts[id] = done;
        return (id, done.Task);
    }

    private StompFrame ConnectFrame()
    {
        var headers = new List<KeyValuePair<string, string>>
        {
            Header(StompHeaderNames.AcceptVersion, "1.2"),
            Header(StompHeaderNames.Host, _options.VirtualHost),
            Header(StompHeaderNames.HeartBeat, HeartBeatNegotiation.Header(_options.HeartBeatSend, _options.HeartBeatReceive)),
        };
        if (_options.Login is { } login) headers.Add(Header(StompHeaderNames.Login, login));
        if (_options.Passcode is { } passcode) headers.Add(Header(StompHeaderNames.Passcode, passcode));
        return new StompFrame(StompCommand.Stomp, [.. headers]);
    }

    private static StompFrame SubscribeFrame(StompSubscription subscription, string receipt) => new(
        StompCommand.Subscribe,
        Header(StompHeaderNames.Destination, subscription.Destination),
        Header(StompHeaderNames.Id, subscription.Id),
        Header(StompHeaderNames.Ack, "client-individual"),
        Header(StompHeaderNames.PrefetchCount, subscription.PrefetchCount.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Header(StompHeaderNames.Receipt, receipt));

    private static KeyValuePair<string, string> Header(string name, string value) => new(name, value);

    private static bool IsTransportFailure(Exception e) =>
        e is IOException or System.Net.Sockets.SocketException or System.Net.WebSockets.WebSocketException
            or System.Security.Authentication.AuthenticationException or ObjectDisposedException or HttpRequestException;

    /// <summary>An exception as one line: its message and the innermost cause.</summary>
    private static string Describe(Exception e)
    {
        var inner = e;
        while (inner.InnerException is not null) inner = inner.InnerException;
        return inner == e ? e.Message : $"{e.Message} ({inner.Message})";
    }
}
