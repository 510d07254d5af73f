using Microsoft.Extensions.Logging;
using SiteAgent.Core.Events.Handlers;
using SiteAgent.Core.Observability;
using SiteAgent.Core.Runtime;
using SiteAgent.Waldur.Models;

namespace SiteAgent.Core.Events;

/// <summary>
/// The <c>event_process</c> mode. Start-up: each offering's subscriptions and queues are set up in
/// Waldur and consumed at once (messages published meanwhile wait in the queues), then the full order
/// and membership pass makes the agent consistent whatever it missed while down. Then the main loop:
/// heartbeat at every tick, health check every 30 minutes, reconciliation every
/// <c>WALDUR_SITE_AGENT_RECONCILIATION_PERIOD_MINUTES</c>, and at once for an offering whose consumer
/// reconnected. Consumers' connection states are kept beside the heartbeat for readiness. On shutdown the consumers finish the
/// message in hand, acknowledge it and disconnect; queues persist for the next start.
/// </summary>
public sealed partial class EventProcessMode : IDisposable
{
    /// <summary>The service name of the start-up pass in Waldur.</summary>
    public const string StartupService = "initial-offering-process";

    /// <summary>The service name of the reconciliation jobs in Waldur.</summary>
    public const string ReconciliationService = "event_process-reconciliation";

    private readonly EventServices _services;
    private readonly EventSubscriptionSetup _setup;
    private readonly TimeSpan _reconciliationPeriod;
    private readonly ReconnectReconciliation _reconnects;

    /// <summary>Creates the mode.</summary>
    public EventProcessMode(AgentRuntime runtime, Heartbeat heartbeat)
    {
        _services = new EventServices(runtime, heartbeat);
        _setup = new EventSubscriptionSetup(runtime, _services.Registration);
        _reconciliationPeriod = runtime.Environment.ReconciliationPeriod;
        _reconnects = new ReconnectReconciliation(_services);
    }

    /// <summary>Runs until <paramref name="shutdown"/>; returns the exit code (0).</summary>
    public async Task<int> RunAsync(SystemdNotifier? notifier, CancellationToken shutdown, CancellationToken abort)
    {
        var heartbeat = _services.Heartbeat;
        heartbeat.Watchdog = notifier;
        using var stopping = notifier is null ? default : shutdown.Register(notifier.Stopping);
        heartbeat.Touch();

        var consumers = new List<EventConsumer>();
        try
        {
            foreach (var offering in _services.Runtime.Config.Offerings)
            {
                if (!offering.Stomp.Enabled)
                {
                    LogDisabled(_services.Logger, offering.Name);
                    continue;
                }

                heartbeat.Touch();
                foreach (var binding in await _setup.BindAsync(offering, shutdown).ConfigureAwait(false))
                {
                    consumers.Add(new EventConsumer(_services, _setup, binding, HandlerFor(binding.ObjectType), _reconnects));
                }
            }
        }
        catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
        {
            // Stopped during start-up: nothing consumed yet, nothing to unsubscribe.
            LogStopped(_services.Logger, 0, 0);
            return 0;
        }

        using var readiness = new EventReadiness(heartbeat.Path, consumers, _services.Logger);
        var running = consumers.Select(c => Task.Run(() => c.RunAsync(shutdown, abort))).ToList();
        running.Add(Task.Run(() => _reconnects.RunAsync(shutdown)));
        LogConsuming(_services.Logger, consumers.Count);
        await EventReconciliation.RunAsync(_services, StartupService, eventOfferingsOnly: true, shutdown).ConfigureAwait(false);
        notifier?.Ready();
        LogStarted(_services.Logger, consumers.Count);

        await MainLoopAsync(consumers, readiness, notifier, shutdown).ConfigureAwait(false);

        try
        {
            await Task.WhenAll(running).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            LogAbandoned(_services.Logger);
        }

        LogStopped(_services.Logger, consumers.Sum(c => c.Handled), consumers.Sum(c => c.Failed));
        return 0;
    }

    private async Task MainLoopAsync(IReadOnlyList<EventConsumer> consumers, EventReadiness readiness, SystemdNotifier? notifier, CancellationToken shutdown)
    {
        var time = _services.Runtime.Time;
        var tick = PollingLoop.TickFor(_reconciliationPeriod < EventHealthCheck.Interval ? _reconciliationPeriod : EventHealthCheck.Interval, notifier?.WatchdogInterval);
        var lastHealthCheck = (long?)null;
        var lastReconciliation = time.GetTimestamp();
        while (!shutdown.IsCancellationRequested)
        {
            _services.Heartbeat.Touch();
            readiness.Refresh();
            if (lastHealthCheck is null || time.GetElapsedTime(lastHealthCheck.Value) >= EventHealthCheck.Interval)
            {
                lastHealthCheck = time.GetTimestamp();
                await EventHealthCheck.RunAsync(_services, consumers, shutdown).ConfigureAwait(false);
            }

            if (time.GetElapsedTime(lastReconciliation) >= _reconciliationPeriod)
            {
                lastReconciliation = time.GetTimestamp();
                await EventReconciliation.RunAsync(_services, ReconciliationService, eventOfferingsOnly: false, shutdown).ConfigureAwait(false);
            }

            try
            {
                await Task.Delay(tick, time, shutdown).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private IEventHandler HandlerFor(string objectType) => objectType switch
    {
        ObservableObjectType.Order => new OrderEventHandler(_services),
        ObservableObjectType.UserRole => new UserRoleEventHandler(_services),
        ObservableObjectType.Resource => new ResourceEventHandler(_services),
        ObservableObjectType.ServiceAccount or ObservableObjectType.CourseAccount => new AccountEventHandler(_services, objectType),
        ObservableObjectType.OfferingUser => new OfferingUserEventHandler(_services),
        ObservableObjectType.OfferingResourcesSync => new OfferingResourcesSyncEventHandler(_services),
        ObservableObjectType.ImportableResources => new ImportableResourcesEventHandler(_services),
        ObservableObjectType.ResourcePeriodicLimits => new PeriodicLimitsEventHandler(_services),
        ObservableObjectType.ResourceApiKeyRotation => new ApiKeyRotationEventHandler(_services),
        _ => throw new ArgumentOutOfRangeException(nameof(objectType), objectType, "no handler for this object type"),
    };

    /// <inheritdoc />
    public void Dispose() => _services.Dispose();

    [LoggerMessage(EventId = LogEvents.EventOfferingDisabled, Level = LogLevel.Information,
        Message = "Offering \"{Offering}\": STOMP feature is disabled (stomp_enabled is false); no event consumers")]
    private static partial void LogDisabled(ILogger logger, string offering);

    [LoggerMessage(EventId = LogEvents.EventConsuming, Level = LogLevel.Information, Message = "Consuming {Count} event queues; running the start-up pass")]
    private static partial void LogConsuming(ILogger logger, int count);

    [LoggerMessage(EventId = LogEvents.EventModeStarted, Level = LogLevel.Information, Message = "Event processing started: {Count} consumers")]
    private static partial void LogStarted(ILogger logger, int count);

    [LoggerMessage(EventId = LogEvents.EventHandlersAbandoned, Level = LogLevel.Warning,
        Message = "Messages in flight were cancelled; the broker delivers them again at the next start")]
    private static partial void LogAbandoned(ILogger logger);

    [LoggerMessage(EventId = LogEvents.EventModeStopped, Level = LogLevel.Information,
        Message = "Event processing stopped after unsubscribing: {Handled} messages handled, {Failed} failed")]
    private static partial void LogStopped(ILogger logger, long handled, long failed);
}
