using Microsoft.Extensions.Logging;
using SiteAgent.Backends.Capabilities;
using SiteAgent.Core.Observability;
using SiteAgent.Core.Offerings;
using SiteAgent.Core.Runtime;
using SiteAgent.Waldur;

namespace SiteAgent.Core.Orders;

/// <summary>
/// The <c>order_process</c> mode: one cycle walks the offerings in file order; each offering is
/// isolated, so one failing offering never stops the others (modes.md §1.2).
/// </summary>
public sealed partial class OrderProcessMode
{
    /// <summary>The processor name reported to Waldur.</summary>
    public const string ProcessorName = "OfferingOrderProcessor";

    private readonly AgentRuntime _runtime;
    private readonly Heartbeat _heartbeat;
    private readonly OfferingSessionFactory _sessions;
    private readonly AgentRegistration _registration;
    private readonly ILogger _logger;

    /// <summary>Creates the mode.</summary>
    public OrderProcessMode(AgentRuntime runtime, Heartbeat heartbeat)
    {
        _runtime = runtime;
        _heartbeat = heartbeat;
        _sessions = new OfferingSessionFactory(runtime);
        _registration = new AgentRegistration(runtime);
        _logger = runtime.Loggers.CreateLogger("SiteAgent.Orders");
    }

    /// <summary>Pauses between retries of an order after transient failures (tests shorten them).</summary>
    public IReadOnlyList<TimeSpan>? RetryDelays { get; init; }

    /// <summary>Runs one cycle over all offerings; true when no offering failed.</summary>
    public async Task<bool> RunCycleAsync(CancellationToken shutdown, CancellationToken abort)
    {
        var failed = 0;
        var totals = Enum.GetValues<OrderOutcome>().ToDictionary(o => o, _ => 0);
        foreach (var offering in _runtime.Config.Offerings)
        {
            if (shutdown.IsCancellationRequested)
            {
                break;
            }

            _heartbeat.Touch();
            if (offering.Stomp.Enabled)
            {
                LogSkipped(_logger, offering.Name, "it uses event-based processing (stomp_enabled)");
                continue;
            }

            if (offering.OrderProcessingBackend.Length == 0)
            {
                LogSkipped(_logger, offering.Name, "order processing is disabled (order_processing_backend is empty)");
                continue;
            }

            try
            {
                var outcomes = await RunOfferingAsync(offering, shutdown, abort).ConfigureAwait(false);
                foreach (var (outcome, count) in outcomes)
                {
                    totals[outcome] += count;
                }
            }
            catch (OperationCanceledException) when (abort.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                failed++;
                LogOfferingFailed(_logger, offering.Name, ex.Message, ex);
            }
        }

        LogSummary(_logger, _runtime.Config.Offerings.Count, failed, totals[OrderOutcome.Done], totals[OrderOutcome.Erred],
            totals[OrderOutcome.Rejected], totals[OrderOutcome.Left]);
        return failed == 0;
    }

    private async Task<IReadOnlyDictionary<OrderOutcome, int>> RunOfferingAsync(Config.OfferingConfig offering, CancellationToken shutdown, CancellationToken abort)
    {
        var session = await _sessions.CreateAsync(offering, offering.OrderProcessingBackend, abort).ConfigureAwait(false);
        await _registration.EnsureAsync(session, ProcessorName, abort).ConfigureAwait(false);
        var backend = (IOrderProcessingBackend)session.Backend;
        // Writes are not retried inside the client: the cycle re-reads the order and repeats only what is still needed.
        var context = new OrderContext(_runtime, session, backend, session.Waldur.WithRetry(write: WaldurRetrySettings.None), _sessions);
        return await new OrderCycle(context, _heartbeat, RetryDelays).RunAsync(shutdown, abort).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = LogEvents.OfferingSkipped, Level = LogLevel.Information, Message = "Offering \"{Offering}\" skipped: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string offering, string reason);

    [LoggerMessage(EventId = LogEvents.OfferingFailed, Level = LogLevel.Error, Message = "Offering \"{Offering}\": order processing failed this cycle: {Reason}")]
    private static partial void LogOfferingFailed(ILogger logger, string offering, string reason, Exception exception);

    [LoggerMessage(EventId = LogEvents.CycleSummary, Level = LogLevel.Information,
        Message = "Order cycle finished: {Offerings} offerings ({Failed} failed); orders done {Done}, erred {Erred}, rejected {Rejected}, left for later {Left}")]
    private static partial void LogSummary(ILogger logger, int offerings, int failed, int done, int erred, int rejected, int left);
}
