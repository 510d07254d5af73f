namespace SiteAgent.Stomp.Tests.Client;

/// <summary>A started client, its recorded states and logs, and its message stream, as the tests use them.</summary>
internal sealed class Consumer : IAsyncDisposable
{
    private readonly CancellationTokenSource _timeout;
    private readonly IAsyncEnumerator<StompMessage> _messages;
    private Task<bool>? _started;

    private Consumer(StompClientOptions options, TimeSpan timeout)
    {
        Log = new CollectingLogger();
        Client = new StompClient(options, Log);
        States = new StateRecorder(Client);
        _timeout = new CancellationTokenSource(timeout);
        _messages = Client.ReadAsync(_timeout.Token).GetAsyncEnumerator(_timeout.Token);
    }

    public StompClient Client { get; }

    public StateRecorder States { get; }

    public CollectingLogger Log { get; }

    /// <summary>Starts reading (which connects) and waits until the client is connected and subscribed.</summary>
    public static async Task<Consumer> ConnectAsync(StompClientOptions options, TimeSpan timeout)
    {
        var consumer = new Consumer(options, timeout);
        consumer._started = consumer._messages.MoveNextAsync().AsTask();
        await consumer.States.Connected(timeout);
        return consumer;
    }

    /// <summary>The next message; fails when the stream ends or the consumer's time is up.</summary>
    public async Task<StompMessage> NextAsync()
    {
        var next = _started ?? _messages.MoveNextAsync().AsTask();
        _started = null;
        if (!await next) throw new InvalidOperationException("the message stream ended");
        return _messages.Current;
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        if (_started is not null) await ((Task)_started).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _messages.DisposeAsync();
        _timeout.Dispose();
    }
}
