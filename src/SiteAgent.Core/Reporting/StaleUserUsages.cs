using Microsoft.Extensions.Logging;
using SiteAgent.Core.Observability;
using SiteAgent.Waldur;
using SiteAgent.Waldur.Models;
using SiteAgent.Waldur.Queries;

namespace SiteAgent.Core.Reporting;

/// <summary>
/// Sets to zero the per-user usages Waldur holds for one resource and month that the backend no longer
/// reports (a user whose jobs were re-attributed, or records written by an earlier, wrong report):
/// each record whose username is not among the reported users and whose usage is not zero.
/// </summary>
/// <remarks>
/// The records are read afresh for the resource (after its own usage was submitted), and each is
/// written with <c>set_user_usage</c> on the component usage it belongs to, found from the last path
/// segment of its <c>component_usage</c> URL. Writing zero is keyed by username, so a run repeated
/// after a failure finds the records already at zero and sends nothing for them.
/// </remarks>
public sealed partial class StaleUserUsages
{
    private static readonly string[] Fields = ["username", "component_type", "usage", "component_usage", "user"];

    private readonly WaldurClient _waldur;
    private readonly TimeZoneInfo _zone;
    private readonly bool _dryRun;
    private readonly ILogger _logger;

    /// <summary>Creates the reconciliation of one offering.</summary>
    /// <param name="waldur">The offering's client (in a dry run it prints writes instead of sending them).</param>
    /// <param name="zone">The agent's time zone (the usage date is the first of the month at 00:00 there).</param>
    /// <param name="dryRun">Log what would be zeroed as <c>[DRY-RUN] Would …</c> lines.</param>
    /// <param name="logger">Where each zeroed record is logged.</param>
    public StaleUserUsages(WaldurClient waldur, TimeZoneInfo zone, bool dryRun, ILogger logger)
    {
        _waldur = waldur;
        _zone = zone;
        _dryRun = dryRun;
        _logger = logger;
    }

    /// <summary>The records to zero: a username not reported (compared ignoring case, as SLURM folds names) and a usage other than zero.</summary>
    public static IReadOnlyList<ComponentUserUsage> Select(IEnumerable<ComponentUserUsage> records, IEnumerable<string> reportedUsernames)
    {
        var reported = new HashSet<string>(reportedUsernames, StringComparer.OrdinalIgnoreCase);
        return records.Where(r => !string.IsNullOrEmpty(r.Username) && !reported.Contains(r.Username) && r.Usage is { } usage && usage != 0m).ToList();
    }

    /// <summary>Zeroes the stale per-user usages of <paramref name="resource"/> in <paramref name="period"/>; returns how many were (or, in a dry run, would be) written.</summary>
    /// <exception cref="WaldurException">A read or write failed; what was written stays written, the rest is found again by the next run.</exception>
    public async Task<int> ZeroAsync(Guid resource, BillingPeriod period, IEnumerable<string> reportedUsernames, CancellationToken cancellationToken)
    {
        var records = await _waldur.ListComponentUserUsages(new ComponentUserUsageListQuery
        {
            ResourceUuid = resource,
            ComponentUsageBillingPeriod = period.FirstDay,
            Fields = Fields,
        }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var written = 0;
        foreach (var record in Select(records, reportedUsernames))
        {
            var held = record.Usage!.Value.ToString("G29", System.Globalization.CultureInfo.InvariantCulture);
            var component = record.ComponentType ?? "(unknown component)";
            if (ResourcePeriodRecords.ParentOf(record) is not { } parent)
            {
                LogBadParent(_logger, resource, record.Username!, component, period.Label, record.ComponentUsage ?? "(none)");
                continue;
            }

            if (_dryRun)
            {
                LogWouldZero(_logger, record.Username!, component, resource, period.Label, held, parent);
            }

            await _waldur.SetComponentUserUsageAsync(parent, new ComponentUserUsageCreateRequest
            {
                Username = record.Username!,
                Usage = 0m,
                Date = period.ReportDate(_zone),
                User = string.IsNullOrEmpty(record.User) ? null : record.User,
            }, cancellationToken).ConfigureAwait(false);
            if (!_dryRun)
            {
                LogZeroed(_logger, resource, record.Username!, component, period.Label, held);
            }

            written++;
        }

        return written;
    }

    [LoggerMessage(EventId = LogEvents.StaleUserUsageZeroed, Level = LogLevel.Information,
        Message = "Resource {Resource}: usage of user {Username} on {Component} in {Period} set to 0 (was {Held}): the backend reports no usage of this user")]
    private static partial void LogZeroed(ILogger logger, Guid resource, string username, string component, string period, string held);

    [LoggerMessage(EventId = LogEvents.StaleUserUsageWouldZero, Level = LogLevel.Information,
        Message = "[DRY-RUN] Would set usage of user {Username} on {Component} of resource {Resource} in {Period} to 0 (was {Held}) through component usage {Parent}")]
    private static partial void LogWouldZero(ILogger logger, string username, string component, Guid resource, string period, string held, Guid parent);

    [LoggerMessage(EventId = LogEvents.StaleUserUsageBadParent, Level = LogLevel.Warning,
        Message = "Resource {Resource}: usage of user {Username} on {Component} in {Period} is not zeroed: its component_usage {Url} does not end in a UUID, so the record it belongs to is unknown; check it in Waldur")]
    private static partial void LogBadParent(ILogger logger, Guid resource, string username, string component, string period, string url);
}
