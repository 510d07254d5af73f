using System.Globalization;
using Microsoft.Extensions.Logging;
using SiteAgent.Core.Config;
using SiteAgent.Core.Observability;
using SiteAgent.Core.Offerings;
using SiteAgent.Core.Reporting;
using SiteAgent.Core.Runtime;
using SiteAgent.Waldur.Models;

namespace SiteAgent.Core.Operator;

/// <summary>What to back-fill.</summary>
public sealed record BackfillRequest(
    OfferingConfig Offering, DateOnly Start, DateOnly End, IReadOnlySet<string>? ResourceBackendIds, bool SkipUserUsage, string StatePath, bool Restart,
    bool ReconcileStale = false);

/// <summary>
/// <c>load-historical-usage</c>: the live report's code run month by month over a past range, for the
/// resources in OK or Erred (with <see cref="BackfillRequest.ReconcileStale"/>, also zeroing what the backend does
/// not report: see <see cref="UsageReportCycle.ReconcileStale"/>). Each completed month is recorded in the state file; a month with a
/// failure stops the run there, so the next run starts with it.
/// </summary>
public sealed partial class HistoricalUsageLoader(AgentRuntime runtime, Heartbeat heartbeat, TextWriter? terminal)
{
    /// <summary>The longest range accepted, as the reference: five years.</summary>
    public const int MaxDays = 5 * 365;

    private static readonly string[] States = [ResourceState.Ok, ResourceState.Erred];
    private readonly ILogger _logger = runtime.Loggers.CreateLogger("SiteAgent.Backfill");

    /// <summary>The months from <paramref name="start"/>'s to <paramref name="end"/>'s, inclusive; the current month is marked current.</summary>
    public static IReadOnlyList<BillingPeriod> Months(DateOnly start, DateOnly end, DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var months = new List<BillingPeriod>();
        for (var month = new DateOnly(start.Year, start.Month, 1); month <= end; month = month.AddMonths(1))
        {
            months.Add(new BillingPeriod(month.Year, month.Month, month.Year == local.Year && month.Month == local.Month));
        }

        return months;
    }

    /// <summary>Back-fills; true when every month completed.</summary>
    public async Task<bool> RunAsync(BackfillRequest request, CancellationToken cancellationToken)
    {
        var startText = request.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var endText = request.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var months = Months(request.Start, request.End, runtime.Time.GetUtcNow(), runtime.Config.TimeZone);
        var state = request.Restart ? null : BackfillState.Read(request.StatePath);
        if (state is not null && !state.SameRun(request.Offering.OfferingUuid, startText, endText, request.ReconcileStale))
        {
            LogOtherRun(_logger, request.StatePath, state.Start, state.End);
            state = null;
        }

        var done = state?.LastCompleted is { } last ? months.Count(m => string.CompareOrdinal(m.Label, last) <= 0) : 0;
        if (done > 0)
        {
            LogResuming(_logger, request.StatePath, state!.LastCompleted!, done, months.Count);
        }

        var progress = new ProgressReporter($"Backfill of offering \"{request.Offering.Name}\"", "months", terminal, _logger);
        var sessions = new OfferingSessionFactory(runtime);
        var backendId = request.Offering.ReportingBackend.Length > 0 ? request.Offering.ReportingBackend : request.Offering.BackendType;
        for (var i = done; i < months.Count; i++)
        {
            progress.Report(i, months.Count);
            LogMonth(_logger, i + 1, months.Count, months[i].Label);
            var session = await sessions.CreateAsync(request.Offering, backendId, cancellationToken).ConfigureAwait(false);
            var totals = await new UsageReportCycle(runtime, session, heartbeat)
            {
                Periods = [months[i]],
                States = States,
                OnlyBackendIds = request.ResourceBackendIds,
                SkipUserUsage = request.SkipUserUsage,
                ReconcileStale = request.ReconcileStale,
            }.RunAsync(cancellationToken, cancellationToken).ConfigureAwait(false);
            if (totals.Failed > 0)
            {
                LogMonthFailed(_logger, months[i].Label, totals.Failed, request.StatePath);
                return false;
            }

            if (!runtime.DryRun)
            {
                new BackfillState(request.Offering.OfferingUuid, startText, endText, months[i].Label, request.ReconcileStale).Write(request.StatePath);
            }
        }

        progress.Report(months.Count, months.Count);
        return true;
    }

    [LoggerMessage(EventId = LogEvents.BackfillMonth, Level = LogLevel.Information, Message = "Processing month {Index}/{Count}: {Month}")]
    private static partial void LogMonth(ILogger logger, int index, int count, string month);

    [LoggerMessage(EventId = LogEvents.BackfillResuming, Level = LogLevel.Information,
        Message = "Resuming from {Path}: {Last} was completed, {Done} of {Count} months done")]
    private static partial void LogResuming(ILogger logger, string path, string last, int done, int count);

    [LoggerMessage(EventId = LogEvents.BackfillOtherRun, Level = LogLevel.Warning,
        Message = "{Path} holds the state of another run ({Start} to {End}, or with a different --reconcile-stale); starting from the first month")]
    private static partial void LogOtherRun(ILogger logger, string path, string start, string end);

    [LoggerMessage(EventId = LogEvents.BackfillMonthFailed, Level = LogLevel.Error,
        Message = "Month {Month}: {Failed} resource(s) failed; stopping here. Fix the cause and run the same command again: it resumes with this month ({Path})")]
    private static partial void LogMonthFailed(ILogger logger, string month, int failed, string path);
}
