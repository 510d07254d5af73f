using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SiteAgent.Stomp.Logging;
using SiteAgent.Stomp.Session;
using SiteAgent.Stomp.Transports;

namespace SiteAgent.Stomp;

/// <summary>
/// A STOMP 1.2 consumer that stays connected: it connects, subscribes with
/// <c>ack:client-individual</c>, hands messages out through <see cref="ReadAsync"/>, and after any
/// failure reconnects with back-off and subscribes again.
/// </summary>
/// <remarks>
/// <code>
/// await using var client = new StompClient(options, logger);
/// await foreach (var message in client.ReadAsync(ct))
/// {
///     await HandleAsync(message);        // the broker keeps the message until it is acknowledged
///     await client.AckAsync(message, ct);
/// }
/// </code>
/// Delivery is at-least-once: a message whose connection drops before its ACK is delivered again,
/// so handlers must be idempotent. Messages are read off the socket independently of the consumer,
/// so a slow handler never starves heart-beats.
/// </remarks>
public sealed partial class StompClient : IAsyncDisposable
{
    private readonly StompClientOptions _options;
    private readonly ILogger _logger;
    private readonly Func<StompClientOptions, IStompTransport> _transports;
    private readonly Channel<StompMessage> _messages = Channel.CreateUnbounded<StompMessage>(new UnboundedChannelOptions { SingleWriter = false });
    private readonly CancellationTokenSource _stop = new();
    private readonly object _gate = new();
    private Task? _run;
    private volatile StompSession? _current;
    private volatile bool _stopping;

    /// <summary>Creates a client; nothing connects until <see cref="Start"/> or <see cref="ReadAsync"/>.</summary>
    /// <exception cref="ArgumentException">The options cannot work; the message lists every problem.</exception>
    public StompClient(StompClientOptions options, ILogger? logger = null)
        : this(options, logger, StompTransports.Create)
    {
    }

    internal StompClient(StompClientOptions options, ILogger? logger, Func<StompClientOptions, IStompTransport> transports)
    {
        options.Validate();
        _options = options;
        _logger = logger ?? NullLogger.Instance;
        _transports = transports;
        State = new StompConnectionEvent(StompConnectionState.Idle, options.Endpoint.ToString(), 0);
    }

    /// <summary>The latest state change; read it from health checks.</summary>
    public StompConnectionEvent State { get; private set; }

    /// <summary>Connections established so far (the first one included).</summary>
    public int Connections { get; private set; }

    /// <summary>
    /// Raised on every state change (connecting, connected, waiting to reconnect, stopped), on the
    /// client's own thread; keep handlers short. A handler that throws is logged and ignored.
    /// </summary>
    public event EventHandler<StompConnectionEvent>? StateChanged;

    /// <summary>Starts connecting in the background; idempotent. <see cref="ReadAsync"/> calls it.</summary>
    public void Start()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stopping, this);
            _run ??= Task.Run(() => RunAsync(_stop.Token));
        }
    }

    /// <summary>
    /// Messages from every subscription, in arrival order, across reconnects. Ends when the client is
    /// disconnected or disposed; throws <see cref="OperationCanceledException"/> when
    /// <paramref name="cancellationToken"/> fires.
    /// </summary>
    public async IAsyncEnumerable<StompMessage> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Start();
        var reader = _messages.Reader;
        while (await reader.WaitToReadAsync(cancellationToken))
        {
            while (reader.TryRead(out var message))
            {
                // Its connection dropped while it waited here: the broker has requeued it and will
                // deliver it again, so handling this copy would only do the work twice.
                if (message.Session.HasEnded)
                {
                    StompLog.StaleMessageDropped(_logger, message.MessageId, message.SubscriptionId);
                    continue;
                }
                yield return message;
            }
        }
    }

    private void Publish(StompConnectionEvent change)
    {
        State = change;
        try
        {
            StateChanged?.Invoke(this, change);
        }
        catch (Exception e)
        {
            StompLog.EventHandlerFailed(_logger, e);
        }
    }
}
