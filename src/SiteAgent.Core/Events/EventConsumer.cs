using System.Text.Json;
using Microsoft.Extensions.Logging;
using SiteAgent.Core.Events.Handlers;
using SiteAgent.Core.Observability;
using SiteAgent.Core.Orders;
using SiteAgent.Stomp;
using SiteAgent.Waldur;
using SiteAgent.Waldur.Json;

namespace SiteAgent.Core.Events;

/// <summary>
/// Consumes one offering's queue of one object type: a STOMP connection that reconnects by itself,
/// each message handed to the type's handler and acknowledged only after the handler has finished, so
/// a message in flight when the agent dies is delivered again. A transient failure is retried with
/// back-off before the acknowledgement; a message that can never be handled (not JSON, wrong fields)
/// is logged and acknowledged; a failing handler never stops the loop. When the broker refuses the
/// login (the API token was rotated since the subscription was created) the subscription is created
/// anew, which gives the broker user the current token; when the broker no longer has the queue (its
/// orphan cleanup removed it) the queue is created again before reconnecting. Every connection after
/// the first asks for the offering's reconciliation, since events may have been lost in the gap.
/// </summary>
public sealed partial class EventConsumer
{
    /// <summary>Pauses before each retry of a message after a transient failure.</summary>
    public static readonly TimeSpan[] RetryDelays = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8)];

    private static readonly TimeSpan MinimumRecreateGap = TimeSpan.FromMinutes(1);

    private readonly EventServices _services;
    private readonly EventSubscriptionSetup _setup;
    private readonly ReconnectReconciliation? _reconnects;
    private readonly IEventHandler _handler;
    private readonly ILogger _logger;
    private readonly ILogger _stompLogger;
    private DateTimeOffset _lastRecreate = DateTimeOffset.MinValue;
    private CancellationTokenSource? _refused;
    private RestartReason _restart;
    private bool _connectedBefore;

    /// <summary>Creates the consumer; nothing connects before <see cref="RunAsync"/>.</summary>
    public EventConsumer(EventServices services, EventSubscriptionSetup setup, EventQueueBinding binding, IEventHandler handler, ReconnectReconciliation? reconnects = null)
    {
        _services = services;
        _setup = setup;
        _reconnects = reconnects;
        Binding = binding;
        _handler = handler;
        _logger = services.Logger;
        _stompLogger = services.Runtime.Loggers.CreateLogger("SiteAgent.Stomp");
    }

    /// <summary>The queue consumed (replaced when the subscription is re-created).</summary>
    public EventQueueBinding Binding { get; private set; }

    /// <summary>Why the STOMP client is replaced: the broker refused the login, or has no queue.</summary>
    private enum RestartReason
    {
        LoginRefused,
        QueueMissing,
    }

    /// <summary>The connection's state, for health checks.</summary>
    public StompConnectionState State { get; private set; } = StompConnectionState.Idle;

    /// <summary>Raised after every change of <see cref="State"/> (readiness follows it).</summary>
    public event System.EventHandler<StompConnectionState>? StateChanged;

    /// <summary>Messages handled (acknowledged after success or a logged, final failure).</summary>
    public long Handled { get; private set; }

    /// <summary>Messages whose handling failed (poison, error, retries exhausted).</summary>
    public long Failed { get; private set; }

    /// <summary>Consumes until <paramref name="shutdown"/>; a message being handled then finishes (unless <paramref name="abort"/> fires) and is acknowledged.</summary>
    public async Task RunAsync(CancellationToken shutdown, CancellationToken abort)
    {
        while (!shutdown.IsCancellationRequested)
        {
            using var refused = CancellationTokenSource.CreateLinkedTokenSource(shutdown);
            _refused = refused;
            var client = new StompClient(OptionsFor(Binding), _stompLogger);
            client.StateChanged += OnStateChanged;
            try
            {
                await foreach (var message in client.ReadAsync(refused.Token).ConfigureAwait(false))
                {
                    await HandleAsync(client, message, abort).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (refused.IsCancellationRequested)
            {
                // Shutdown, or the broker refused the login: handled below.
            }
            finally
            {
                client.StateChanged -= OnStateChanged;
                await client.DisposeAsync().ConfigureAwait(false);
            }

            if (!shutdown.IsCancellationRequested)
            {
                await RebindAsync(_restart, shutdown).ConfigureAwait(false);
            }
        }

        State = StompConnectionState.Stopped;
    }

    private async Task HandleAsync(StompClient client, StompMessage message, CancellationToken abort)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await _services.WorkAsync(async () =>
                {
                    await _handler.HandleAsync(Binding.Offering, message.Body, abort).ConfigureAwait(false);
                    return true;
                }, abort).ConfigureAwait(false);
                Handled++;
                break;
            }
            catch (OperationCanceledException) when (abort.IsCancellationRequested)
            {
                // Not acknowledged: the broker delivers it again to the next agent.
                throw;
            }
            catch (Exception ex) when (ex is JsonException or EventRejectedException)
            {
                Failed++;
                LogPoison(_logger, Binding.Offering.Name, Binding.ObjectType, message.MessageId, message.Body.Length, JsonErrorText.MessageOf(ex));
                break;
            }
            catch (Exception ex) when (IsTransient(ex) && attempt < RetryDelays.Length)
            {
                LogRetrying(_logger, Binding.Offering.Name, Binding.ObjectType, message.MessageId, ex.Message, RetryDelays[attempt].TotalSeconds);
                await Task.Delay(RetryDelays[attempt], _services.Runtime.Time, abort).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                Failed++;
                LogFailed(_logger, Binding.Offering.Name, Binding.ObjectType, message.MessageId, ex.Message, ex);
                break;
            }
        }

        await client.AckAsync(message, CancellationToken.None).ConfigureAwait(false);
    }

    private static bool IsTransient(Exception ex) => ex is TransientEventException || OrderErrors.IsTransient(ex);

    private void OnStateChanged(object? sender, StompConnectionEvent change)
    {
        var subscribing = State == StompConnectionState.Connecting;
        State = change.State;
        StateChanged?.Invoke(this, change.State);
        if (change.State == StompConnectionState.Connected)
        {
            if (_connectedBefore)
            {
                _reconnects?.Request(Binding.Offering, Binding.ObjectType);
            }

            _connectedBefore = true;
            return;
        }

        if (change.State != StompConnectionState.WaitingToReconnect || _services.Runtime.Time.GetUtcNow() - _lastRecreate < MinimumRecreateGap)
        {
            return;
        }

        if (change.Reason == StompDisconnectReason.ConnectRefused)
        {
            LogRefused(_logger, Binding.Offering.Name, Binding.ObjectType, change.BrokerMessage ?? change.Detail ?? "no reason given");
            _restart = RestartReason.LoginRefused;
            _refused?.Cancel();
        }
        else if (IsQueueMissing(change, subscribing))
        {
            LogQueueMissing(_logger, Binding.Offering.Name, Binding.ObjectType, Binding.QueueName, change.Detail ?? change.BrokerMessage ?? "not found");
            _restart = RestartReason.QueueMissing;
            _refused?.Cancel();
        }
    }

    // How RabbitMQ shows a missing queue: deleting the queue under a consumer sends ERROR "Server
    // cancelled subscription"; a SUBSCRIBE to a missing /amq/queue gets ERROR "not_found" or, in 3.10's
    // Web-STOMP, a plain close of the socket before the subscription is confirmed. A close while
    // subscribing has no other common cause (a wrong login is an ERROR), and create_queue is harmless.
    private static bool IsQueueMissing(StompConnectionEvent change, bool subscribing) => change.Reason switch
    {
        StompDisconnectReason.BrokerError =>
            (change.BrokerMessage ?? string.Empty).Contains("not_found", StringComparison.OrdinalIgnoreCase)
            || (change.Detail ?? string.Empty).Contains("NOT_FOUND", StringComparison.Ordinal)
            || (change.BrokerMessage ?? string.Empty).Contains("cancelled subscription", StringComparison.OrdinalIgnoreCase),
        StompDisconnectReason.ClosedByBroker => subscribing,
        _ => false,
    };

    /// <summary>
    /// Replaces the binding with what Waldur answers (a re-created queue or subscription); on failure the
    /// old binding stays, the client backs off, and the next refusal or not-found after the gap tries again.
    /// </summary>
    private async Task RebindAsync(RestartReason reason, CancellationToken shutdown)
    {
        _lastRecreate = _services.Runtime.Time.GetUtcNow();
        try
        {
            Binding = await _services.WorkAsync(() => reason == RestartReason.QueueMissing
                ? _setup.RecreateQueueAsync(Binding, shutdown)
                : _setup.RecreateAsync(Binding, shutdown), shutdown).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is WaldurException or InvalidOperationException)
        {
            if (reason == RestartReason.QueueMissing)
            {
                LogQueueRecreateFailed(_logger, Binding.Offering.Name, Binding.ObjectType, ex.Message);
            }
            else
            {
                LogRecreateFailed(_logger, Binding.Offering.Name, Binding.ObjectType, ex.Message);
            }
        }
    }

    private static StompClientOptions OptionsFor(EventQueueBinding binding) => new()
    {
        Endpoint = EventBrokerEndpoint.For(binding.Offering),
        VirtualHost = binding.VirtualHost,
        Login = binding.Login,
        // Waldur gives the broker user the API token the subscription was created with.
        Passcode = binding.Offering.Credentials is StaticTokenCredentials token ? token.Token : string.Empty,
        Subscriptions = [new StompSubscription(binding.Destination, binding.QueueName)],
        CertificateValidation = binding.Offering.VerifySsl ? null : (_, _, _, _) => true,
    };

    [LoggerMessage(EventId = LogEvents.EventPoison, Level = LogLevel.Error,
        Message = "Offering \"{Offering}\": {ObjectType} message {MessageId} ({Bytes} bytes) cannot be handled and is dropped: {Reason}")]
    private static partial void LogPoison(ILogger logger, string offering, string objectType, string messageId, int bytes, string reason);

    [LoggerMessage(EventId = LogEvents.EventRetrying, Level = LogLevel.Warning,
        Message = "Offering \"{Offering}\": {ObjectType} message {MessageId}: transient failure ({Reason}); retrying in {Seconds} s")]
    private static partial void LogRetrying(ILogger logger, string offering, string objectType, string messageId, string reason, double seconds);

    [LoggerMessage(EventId = LogEvents.EventHandlerFailed, Level = LogLevel.Error,
        Message = "Offering \"{Offering}\": {ObjectType} message {MessageId} failed ({Reason}); acknowledged, reconciliation repairs what it missed")]
    private static partial void LogFailed(ILogger logger, string offering, string objectType, string messageId, string reason, Exception exception);

    [LoggerMessage(EventId = LogEvents.EventLoginRefused, Level = LogLevel.Warning,
        Message = "Offering \"{Offering}\": the broker refused the {ObjectType} login ({Reason}); re-creating the subscription")]
    private static partial void LogRefused(ILogger logger, string offering, string objectType, string reason);

    [LoggerMessage(EventId = LogEvents.EventQueueMissing, Level = LogLevel.Warning,
        Message = "Offering \"{Offering}\": the broker has no {ObjectType} queue {Queue} ({Reason}); asking Waldur to create it again")]
    private static partial void LogQueueMissing(ILogger logger, string offering, string objectType, string queue, string reason);

    [LoggerMessage(EventId = LogEvents.EventQueueRecreateFailed, Level = LogLevel.Error,
        Message = "Offering \"{Offering}\": creating the {ObjectType} queue again failed ({Reason}); trying again later")]
    private static partial void LogQueueRecreateFailed(ILogger logger, string offering, string objectType, string reason);

    [LoggerMessage(EventId = LogEvents.EventRecreateFailed, Level = LogLevel.Error,
        Message = "Offering \"{Offering}\": re-creating the {ObjectType} subscription failed ({Reason}); trying again later")]
    private static partial void LogRecreateFailed(ILogger logger, string offering, string objectType, string reason);
}
