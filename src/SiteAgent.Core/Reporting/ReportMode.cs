using Microsoft.Extensions.Logging;
using SiteAgent.Core.Observability;
using SiteAgent.Core.Runtime;

namespace SiteAgent.Core.Reporting;

/// <summary>
/// The <c>report</c> mode: every cycle reports each offering's usage for the configured billing periods
/// Offerings are never skipped for STOMP; an offering without <c>reporting_backend</c> is.
/// </summary>
public sealed partial class ReportMode : PollingMode
{
    /// <summary>The processor name reported to Waldur.</summary>
    public const string ProcessorName = "OfferingReportProcessor";

    /// <summary>Creates the mode.</summary>
    public ReportMode(AgentRuntime runtime, Heartbeat heartbeat)
        : base(runtime, heartbeat, "SiteAgent.Report")
    {
    }

    /// <summary>Pauses before each retry of a resource after a transient Waldur failure (tests shorten them).</summary>
    public IReadOnlyList<TimeSpan>? RetryDelays { get; init; }

    /// <inheritdoc />
    public override async Task<bool> RunCycleAsync(CancellationToken shutdown, CancellationToken abort)
    {
        var totals = ReportTotals.None;
        var failed = await ForEachOfferingAsync("usage reporting",
            offering => offering.ReportingBackend.Length == 0 ? "usage reporting is disabled (reporting_backend is empty)" : null,
            async offering =>
            {
                var session = await SessionAsync(offering, offering.ReportingBackend, ProcessorName, abort).ConfigureAwait(false);
                totals += await new UsageReportCycle(Runtime, session, Heartbeat, RetryDelays).RunAsync(shutdown, abort).ConfigureAwait(false);
            },
            shutdown, abort).ConfigureAwait(false);
        LogSummary(Logger, Runtime.Config.Offerings.Count, failed, totals.Submitted, totals.Unchanged, totals.UserUsages, totals.Anomalies, totals.Skipped, totals.Failed);
        return failed == 0;
    }

    [LoggerMessage(EventId = LogEvents.ReportCycleSummary, Level = LogLevel.Information,
        Message = "Report cycle finished: {Offerings} offerings ({Failed} failed); totals submitted {Submitted}, unchanged {Unchanged}; per-user usages sent {UserUsages}; anomalies {Anomalies}, resources skipped {Skipped}, failed {ResourcesFailed}")]
    private static partial void LogSummary(ILogger logger, int offerings, int failed, int submitted, int unchanged, int userUsages, int anomalies, int skipped, int resourcesFailed);
}
