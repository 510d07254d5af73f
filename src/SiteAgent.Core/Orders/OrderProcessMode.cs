using Microsoft.Extensions.Logging;
using SiteAgent.Backends.Capabilities;
using SiteAgent.Core.Observability;
using SiteAgent.Core.Runtime;
using SiteAgent.Waldur;

namespace SiteAgent.Core.Orders;

/// <summary>
/// The <c>order_process</c> mode: one cycle walks the offerings in file order; each offering is
/// isolated, so one failing offering never stops the others.
/// </summary>
public sealed partial class OrderProcessMode : PollingMode
{
    /// <summary>The processor name reported to Waldur.</summary>
    public const string ProcessorName = "OfferingOrderProcessor";

    /// <summary>Creates the mode.</summary>
    public OrderProcessMode(AgentRuntime runtime, Heartbeat heartbeat)
        : base(runtime, heartbeat, "SiteAgent.Orders")
    {
    }

    /// <summary>Pauses between retries of an order after transient failures (tests shorten them).</summary>
    public IReadOnlyList<TimeSpan>? RetryDelays { get; init; }

    /// <inheritdoc />
    public override async Task<bool> RunCycleAsync(CancellationToken shutdown, CancellationToken abort)
    {
        var totals = Enum.GetValues<OrderOutcome>().ToDictionary(o => o, _ => 0);
        var failed = await ForEachOfferingAsync("order processing",
            offering => offering.Stomp.Enabled ? "it uses event-based processing (stomp_enabled)"
                : offering.OrderProcessingBackend.Length == 0 ? "order processing is disabled (order_processing_backend is empty)"
                : null,
            async offering =>
            {
                var session = await SessionAsync(offering, offering.OrderProcessingBackend, ProcessorName, abort).ConfigureAwait(false);
                var backend = (IOrderProcessingBackend)session.Backend;
                // Writes are not retried inside the client: the cycle re-reads the order and repeats only what is still needed.
                var context = new OrderContext(Runtime, session, backend, session.Waldur.WithRetry(write: WaldurRetrySettings.None), Sessions);
                foreach (var (outcome, count) in await new OrderCycle(context, Heartbeat, RetryDelays).RunAsync(shutdown, abort).ConfigureAwait(false))
                {
                    totals[outcome] += count;
                }
            },
            shutdown, abort).ConfigureAwait(false);
        LogSummary(Logger, Runtime.Config.Offerings.Count, failed, totals[OrderOutcome.Done], totals[OrderOutcome.Erred],
            totals[OrderOutcome.Rejected], totals[OrderOutcome.Left]);
        return failed == 0;
    }

    [LoggerMessage(EventId = LogEvents.CycleSummary, Level = LogLevel.Information,
        Message = "Order cycle finished: {Offerings} offerings ({Failed} failed); orders done {Done}, erred {Erred}, rejected {Rejected}, left for later {Left}")]
    private static partial void LogSummary(ILogger logger, int offerings, int failed, int done, int erred, int rejected, int left);
}
