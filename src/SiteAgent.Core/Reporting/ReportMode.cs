using Microsoft.Extensions.Logging;
using SiteAgent.Core.Observability;
using SiteAgent.Core.Offerings;
using SiteAgent.Core.Runtime;

namespace SiteAgent.Core.Reporting;

/// <summary>
/// The <c>report</c> mode: every cycle reports each offering's usage for the configured billing periods
/// (modes.md §3). Offerings are never skipped for STOMP; an offering without <c>reporting_backend</c> is.
/// </summary>
public sealed partial class ReportMode
{
    /// <summary>The processor name reported to Waldur.</summary>
    public const string ProcessorName = "OfferingReportProcessor";

    private readonly AgentRuntime _runtime;
    private readonly Heartbeat _heartbeat;
    private readonly OfferingSessionFactory _sessions;
    private readonly AgentRegistration _registration;
    private readonly ILogger _logger;

    /// <summary>Creates the mode.</summary>
    public ReportMode(AgentRuntime runtime, Heartbeat heartbeat)
    {
        _runtime = runtime;
        _heartbeat = heartbeat;
        _sessions = new OfferingSessionFactory(runtime);
        _registration = new AgentRegistration(runtime);
        _logger = runtime.Loggers.CreateLogger("SiteAgent.Report");
    }

    /// <summary>Pauses before each retry of a resource after a transient Waldur failure (tests shorten them).</summary>
    public IReadOnlyList<TimeSpan>? RetryDelays { get; init; }

    /// <summary>Runs one cycle over all offerings; true when no offering failed.</summary>
    public async Task<bool> RunCycleAsync(CancellationToken shutdown, CancellationToken abort)
    {
        var totals = ReportTotals.None;
        var failed = await OfferingLoop.RunAsync(_runtime, _heartbeat, "usage reporting",
            offering => offering.ReportingBackend.Length == 0 ? "usage reporting is disabled (reporting_backend is empty)" : null,
            async offering =>
            {
                var session = await _sessions.CreateAsync(offering, offering.ReportingBackend, abort).ConfigureAwait(false);
                await _registration.EnsureAsync(session, ProcessorName, abort).ConfigureAwait(false);
                totals += await new UsageReportCycle(_runtime, session, _heartbeat, RetryDelays).RunAsync(shutdown, abort).ConfigureAwait(false);
            },
            _logger, shutdown, abort).ConfigureAwait(false);
        LogSummary(_logger, _runtime.Config.Offerings.Count, failed, totals.Submitted, totals.Unchanged, totals.UserUsages, totals.Anomalies, totals.Skipped, totals.Failed);
        return failed == 0;
    }

    [LoggerMessage(EventId = LogEvents.ReportCycleSummary, Level = LogLevel.Information,
        Message = "Report cycle finished: {Offerings} offerings ({Failed} failed); totals submitted {Submitted}, unchanged {Unchanged}; per-user usages sent {UserUsages}; anomalies {Anomalies}, resources skipped {Skipped}, failed {ResourcesFailed}")]
    private static partial void LogSummary(ILogger logger, int offerings, int failed, int submitted, int unchanged, int userUsages, int anomalies, int skipped, int resourcesFailed);
}
