using Microsoft.Extensions.Logging;
using SiteAgent.Backends.Capabilities;
using SiteAgent.Backends.Model;
using SiteAgent.Core.Offerings;
using SiteAgent.Core.Runtime;
using SiteAgent.Waldur;
using SiteAgent.Waldur.Models;
using SiteAgent.Waldur.Queries;

namespace SiteAgent.Core.Reporting;

/// <summary>Counts of one offering's report cycle.</summary>
public sealed record ReportTotals(int Submitted, int Unchanged, int Anomalies, int UserUsages, int Skipped, int Failed)
{
    /// <summary>Nothing yet.</summary>
    public static ReportTotals None { get; } = new(0, 0, 0, 0, 0, 0);

    /// <summary>Both added up.</summary>
    public static ReportTotals operator +(ReportTotals a, ReportTotals b) =>
        new(a.Submitted + b.Submitted, a.Unchanged + b.Unchanged, a.Anomalies + b.Anomalies, a.UserUsages + b.UserUsages, a.Skipped + b.Skipped, a.Failed + b.Failed);
}

/// <summary>
/// One offering's report cycle: the resources in OK, Updating and Terminating with a
/// backend id; for each billing period, current month first, one backend read for all of them and one
/// read of what Waldur holds, then each resource's usage submitted where it differs.
/// </summary>
/// <remarks>
/// Every period and every resource stands alone: a failed backend read costs only its period, a
/// resource the backend does not know or could not read is a log line, a past month that Waldur has
/// closed is a log line. A transient Waldur failure is retried for that resource after reading its
/// records again, so a write whose answer was lost is re-planned, not repeated.
/// </remarks>
public sealed partial class UsageReportCycle
{
    /// <summary>The resource states whose usage is reported.</summary>
    public static readonly string[] ReportedStates = [ResourceState.Ok, ResourceState.Updating, ResourceState.Terminating];

    private static readonly string[] ResourceFields = ["uuid", "name", "backend_id", "state"];

    private readonly AgentRuntime _runtime;
    private readonly OfferingSession _session;
    private readonly IUsageReportingBackend _backend;
    private readonly WaldurClient _waldur;
    private readonly Heartbeat _heartbeat;
    private readonly IReadOnlyList<TimeSpan> _retryDelays;
    private readonly ILogger _logger;
    private readonly HashSet<string> _unknownComponentsLogged = new(StringComparer.Ordinal);
    private IReadOnlyDictionary<string, OfferingUserLink>? _offeringUsers;

    /// <summary>Creates the cycle of one offering.</summary>
    /// <param name="runtime">Clock, time zone and the number of periods.</param>
    /// <param name="session">The offering's session (its backend must report usage).</param>
    /// <param name="heartbeat">Touched every 10 resources.</param>
    /// <param name="retryDelays">Pauses before each retry of a resource after a transient Waldur failure.</param>
    public UsageReportCycle(AgentRuntime runtime, OfferingSession session, Heartbeat heartbeat, IReadOnlyList<TimeSpan>? retryDelays = null)
    {
        _runtime = runtime;
        _session = session;
        _backend = session.Backend as IUsageReportingBackend
            ?? throw new SiteAgent.Backends.BackendException($"Backend \"{session.Descriptor.Id}\" of offering \"{session.Name}\" cannot report usage (reporting_backend)");
        // Writes are not retried inside the client: a failed submission is re-planned from a fresh read.
        _waldur = session.Waldur.WithRetry(write: WaldurRetrySettings.None);
        _heartbeat = heartbeat;
        _retryDelays = retryDelays ?? [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)];
        _logger = session.Logger;
    }

    /// <summary>The periods to report; null for the live window (the current month and <c>reporting_periods</c> − 1 before it).</summary>
    public IReadOnlyList<BillingPeriod>? Periods { get; init; }

    /// <summary>The resource states whose usage is reported.</summary>
    public IReadOnlyList<string> States { get; init; } = ReportedStates;

    /// <summary>Only the resources with these backend ids; null for all.</summary>
    public IReadOnlySet<string>? OnlyBackendIds { get; init; }

    /// <summary>Submit the resource totals only, no per-user usage.</summary>
    public bool SkipUserUsage { get; init; }

    /// <summary>
    /// Make Waldur match the backend for past months too: a resource the backend reports no usage of is
    /// reported as zero for every configured component (also where Waldur holds more), and per-user usages of users the
    /// backend does not report are set to zero (unless <see cref="SkipUserUsage"/>).
    /// </summary>
    public bool ReconcileStale { get; init; }

    /// <summary>Reports every period of the window; returns the counts.</summary>
    public async Task<ReportTotals> RunAsync(CancellationToken shutdown, CancellationToken abort)
    {
        var resources = (await _waldur.ListProviderResources(new ResourceListQuery
            {
                OfferingUuids = [_session.Offering.OfferingUuid],
                States = States,
                Fields = ResourceFields,
            }).ToListAsync(abort).ConfigureAwait(false))
            .Where(r => !string.IsNullOrWhiteSpace(r.BackendId) && (OnlyBackendIds is null || OnlyBackendIds.Contains(r.BackendId!))).ToList();
        var started = _runtime.Time.GetUtcNow();
        var periods = Periods ?? BillingPeriod.Window(started, _runtime.Config.TimeZone, _runtime.Config.ReportingPeriods);
        LogStarted(_logger, _session.Name, resources.Count, string.Join(", ", periods.Select(p => p.Label)));
        var totals = ReportTotals.None;
        if (resources.Count == 0)
        {
            return totals;
        }

        var components = (_session.Details.Components ?? []).Select(c => c.Type).OfType<string>().ToHashSet(StringComparer.Ordinal);
        // Reconciling means the backend is the truth: a lower figure than Waldur holds is written, not held back.
        var submitter = new UsageSubmitter(_waldur, components, _backend.UsageCanDecrease || ReconcileStale, _runtime.Config.TimeZone, _logger);
        var stale = ReconcileStale && !SkipUserUsage ? new StaleUserUsages(_waldur, _runtime.Config.TimeZone, _runtime.DryRun, _logger) : null;
        foreach (var period in periods)
        {
            if (shutdown.IsCancellationRequested)
            {
                break;
            }

            var result = await ReportPeriodAsync(period, started, resources, submitter, stale, shutdown, abort).ConfigureAwait(false);
            LogPeriodSummary(_logger, _session.Name, period.Label, result.Submitted, result.Unchanged, result.UserUsages, result.Anomalies, result.Skipped, result.Failed);
            totals += result;
        }

        return totals;
    }

    private async Task<ReportTotals> ReportPeriodAsync(
        BillingPeriod period, DateTimeOffset started, List<Resource> resources, UsageSubmitter submitter, StaleUserUsages? stale, CancellationToken shutdown, CancellationToken abort)
    {
        var ids = resources.Select(r => r.BackendId!).Distinct(StringComparer.Ordinal).ToArray();
        UsageReport report;
        try
        {
            report = period.IsCurrent
                ? await _backend.GetUsageReportAsync(ids, abort).ConfigureAwait(false)
                : await _backend.GetUsageReportForPeriodAsync(ids, period.Year, period.Month, abort).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPeriodReadFailed(_logger, _session.Name, period.Label, ex.Message);
            return ReportTotals.None with { Failed = resources.Count };
        }

        // The backend read "this month" by its own clock: if the month turned meanwhile, it read the new one.
        if (period.IsCurrent && !period.Contains(_runtime.Time.GetUtcNow(), _runtime.Config.TimeZone))
        {
            LogMonthRolledOver(_logger, _session.Name, period.Label);
            return ReportTotals.None with { Skipped = resources.Count };
        }

        PeriodRecords records;
        try
        {
            records = await PeriodRecords.ForOfferingAsync(_waldur, _session.Offering.OfferingUuid, period, abort).ConfigureAwait(false);
        }
        catch (WaldurException ex)
        {
            LogRecordsUnavailable(_logger, _session.Name, period.Label, ex.Message);
            return ReportTotals.None with { Failed = resources.Count };
        }

        var totals = ReportTotals.None;
        for (var i = 0; i < resources.Count && !shutdown.IsCancellationRequested; i++)
        {
            _heartbeat.TouchEvery10th(i);
            totals += await ReportResourceAsync(resources[i], period, report, records, submitter, stale, abort).ConfigureAwait(false);
        }

        return totals;
    }

    private async Task<ReportTotals> ReportResourceAsync(
        Resource resource, BillingPeriod period, UsageReport report, PeriodRecords records, UsageSubmitter submitter, StaleUserUsages? stale, CancellationToken abort)
    {
        var backendId = resource.BackendId!;
        ResourceUsage usage;
        if (report.Resources.TryGetValue(backendId, out var found))
        {
            usage = found;
        }
        else if (report.Failed.TryGetValue(backendId, out var reason))
        {
            LogResourceFailed(_logger, resource.Uuid, backendId, period.Label, reason);
            return ReportTotals.None with { Failed = 1 };
        }
        else if (report.Unknown.Contains(backendId))
        {
            LogResourceUnknown(_logger, resource.Uuid, backendId, _session.Descriptor.Id);
            return ReportTotals.None with { Skipped = 1 };
        }
        else if (period.IsCurrent)
        {
            // Known to the backend but idle this month: zero for every component.
            usage = ResourceUsage.Zero(_session.BackendContext.Components.Select(c => c.Type));
        }
        else if (ReconcileStale)
        {
            LogZeroTotal(_logger, resource.Uuid, backendId, period.Label);
            usage = ResourceUsage.Zero(_session.BackendContext.Components.Select(c => c.Type));
        }
        else
        {
            return ReportTotals.None with { Skipped = 1 };
        }

        var reportedUsers = usage.PerUser.Keys.ToArray();

        if (SkipUserUsage)
        {
            usage = usage with { PerUser = new Dictionary<string, IReadOnlyDictionary<string, decimal>>() };
        }

        var existing = records.For(resource.Uuid);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var users = usage.PerUser.Count > 0 ? await OfferingUsersAsync(abort).ConfigureAwait(false) : new Dictionary<string, OfferingUserLink>();
                var outcome = await submitter.SubmitAsync(resource.Uuid, period, usage, existing, users, abort).ConfigureAwait(false);
                var unlogged = outcome.UnknownComponents.Where(_unknownComponentsLogged.Add).ToArray();
                if (unlogged.Length > 0)
                {
                    LogUnknownComponents(_logger, _session.Name, string.Join(", ", unlogged));
                }

                var zeroed = stale is not null && outcome.Decision != TotalDecision.Anomaly
                    ? await stale.ZeroAsync(resource.Uuid, period, reportedUsers, abort).ConfigureAwait(false)
                    : 0;
                return Count(outcome) with { UserUsages = outcome.UserUsages + zeroed };
            }
            catch (WaldurApiException ex) when (!ex.IsTransient)
            {
                return Rejected(resource, period, ex);
            }
            catch (WaldurException ex) when (ex.IsTransient && attempt < _retryDelays.Count)
            {
                LogRetry(_logger, resource.Uuid, period.Label, ex.Message, _retryDelays[attempt].TotalSeconds);
                await Task.Delay(_retryDelays[attempt], _runtime.Time, abort).ConfigureAwait(false);
                try
                {
                    existing = await PeriodRecords.ForResourceAsync(_waldur, resource.Uuid, period, abort).ConfigureAwait(false);
                }
                catch (WaldurException reread) when (reread.IsTransient)
                {
                    // Planned again from the old records on the next attempt only if this read keeps failing.
                    LogRetry(_logger, resource.Uuid, period.Label, reread.Message, 0);
                }
            }
            catch (WaldurException ex)
            {
                LogSubmitFailed(_logger, resource.Uuid, period.Label, ex.Message);
                return ReportTotals.None with { Failed = 1 };
            }
        }
    }

    /// <summary>A non-transient answer: a closed past month is expected; anything else is the resource's failure this cycle.</summary>
    private ReportTotals Rejected(Resource resource, BillingPeriod period, WaldurApiException ex)
    {
        if (!period.IsCurrent && ex.StatusCode == 400)
        {
            if (ex.Body.Contains("backfilling past billing periods", StringComparison.OrdinalIgnoreCase))
            {
                LogPastPeriodClosed(_logger, resource.Uuid, period.Label);
                return ReportTotals.None with { Skipped = 1 };
            }

            LogPastPeriodRejected(_logger, resource.Uuid, period.Label, ex.Body);
            return ReportTotals.None with { Failed = 1 };
        }

        LogSubmitFailed(_logger, resource.Uuid, period.Label, ex.Message);
        return ReportTotals.None with { Failed = 1 };
    }

    private static ReportTotals Count(UsageOutcome outcome) => outcome.Decision switch
    {
        TotalDecision.Submit => ReportTotals.None with { Submitted = 1, UserUsages = outcome.UserUsages },
        TotalDecision.Unchanged => ReportTotals.None with { Unchanged = 1, UserUsages = outcome.UserUsages },
        _ => ReportTotals.None with { Anomalies = 1 },
    };

    /// <summary>The offering's users, read once per cycle and only when some usage is per user.</summary>
    private async Task<IReadOnlyDictionary<string, OfferingUserLink>> OfferingUsersAsync(CancellationToken cancellationToken) =>
        _offeringUsers ??= OfferingUserLink.Index(await _session.Users.AllAsync(cancellationToken).ConfigureAwait(false));
}
