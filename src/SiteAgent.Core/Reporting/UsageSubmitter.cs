using Microsoft.Extensions.Logging;
using SiteAgent.Backends.Model;
using SiteAgent.Core.Observability;
using SiteAgent.Waldur;
using SiteAgent.Waldur.Models;
using SiteAgent.Waldur.Queries;

namespace SiteAgent.Core.Reporting;

/// <summary>How one resource's usage of one period ended.</summary>
/// <param name="Decision">What happened to the total.</param>
/// <param name="UserUsages">Per-user usages sent.</param>
/// <param name="UnknownComponents">Reported components the offering lacks (dropped).</param>
public sealed record UsageOutcome(TotalDecision Decision, int UserUsages, IReadOnlyList<string> UnknownComponents);

/// <summary>
/// Reports one resource's usage for one billing period to Waldur: the entry point for the report
/// cycle and for back-filling past months. Plans against what Waldur holds (<see cref="UsagePlanner"/>)
/// and sends only what differs: <c>set_usage</c> for the total, then <c>set_user_usages</c> per component.
/// </summary>
/// <remarks>
/// Both writes replace by key in Waldur (resource, component and month; then username), so sending a
/// plan twice cannot duplicate a record. The client given must not retry writes by itself: after a
/// failure the caller reads the records again and plans anew, so a write whose answer was lost is not
/// blindly repeated and a write that never arrived is sent again.
/// </remarks>
public sealed partial class UsageSubmitter
{
    private readonly WaldurClient _waldur;
    private readonly IReadOnlySet<string> _offeringComponents;
    private readonly bool _usageCanDecrease;
    private readonly TimeZoneInfo _zone;
    private readonly ILogger _logger;

    /// <summary>Creates the submitter for one offering.</summary>
    /// <param name="waldur">The offering's client, with write retries off.</param>
    /// <param name="offeringComponents">Component types of the Waldur offering.</param>
    /// <param name="usageCanDecrease">The backend declares that usage may go down.</param>
    /// <param name="zone">The agent's time zone (usage dates are the first of the month at 00:00 there).</param>
    /// <param name="logger">Where results are logged.</param>
    public UsageSubmitter(WaldurClient waldur, IReadOnlySet<string> offeringComponents, bool usageCanDecrease, TimeZoneInfo zone, ILogger logger)
    {
        _waldur = waldur;
        _offeringComponents = offeringComponents;
        _usageCanDecrease = usageCanDecrease;
        _zone = zone;
        _logger = logger;
    }

    /// <summary>Reports <paramref name="usage"/> of <paramref name="resource"/> for <paramref name="period"/>.</summary>
    /// <param name="resource">Waldur resource uuid.</param>
    /// <param name="period">The billing period.</param>
    /// <param name="usage">The backend's usage in Waldur units.</param>
    /// <param name="existing">What Waldur holds for the resource and period (read by the caller, possibly for many resources at once).</param>
    /// <param name="offeringUsers">Offering users by username (ignoring case), for per-user usage links.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <exception cref="WaldurException">A call failed; nothing is half-applied that a fresh plan would not repair.</exception>
    public async Task<UsageOutcome> SubmitAsync(
        Guid resource,
        BillingPeriod period,
        ResourceUsage usage,
        ResourcePeriodRecords existing,
        IReadOnlyDictionary<string, OfferingUserLink> offeringUsers,
        CancellationToken cancellationToken)
    {
        var plan = UsagePlanner.Plan(usage, _offeringComponents, existing, offeringUsers, _usageCanDecrease);
        switch (plan.Decision)
        {
            case TotalDecision.Anomaly:
                LogAnomaly(_logger, resource, period.Label, plan.AnomalyReason);
                return new UsageOutcome(plan.Decision, 0, plan.UnknownComponents);
            case TotalDecision.Unchanged:
                LogUnchanged(_logger, resource, period.Label);
                break;
            case TotalDecision.Submit:
                await _waldur.SetComponentUsageAsync(new ComponentUsageCreateRequest
                {
                    Resource = resource,
                    Date = period.ReportDate(_zone),
                    Usages = plan.Totals.OrderBy(t => t.Key, StringComparer.Ordinal)
                        .Select(t => new ComponentUsageItemRequest { Type = t.Key, Amount = t.Value }).ToArray(),
                }, cancellationToken).ConfigureAwait(false);
                LogSubmitted(_logger, resource, period.Label, Describe(plan.Totals));
                break;
        }

        var sent = 0;
        var parents = plan.UserUsages.Any(b => b.ParentUuid is null)
            ? await ParentsAsync(resource, period, cancellationToken).ConfigureAwait(false)
            : new Dictionary<string, Guid>();
        foreach (var batch in plan.UserUsages)
        {
            if ((batch.ParentUuid ?? (parents.TryGetValue(batch.ComponentType, out var found) ? found : null)) is not { } parent)
            {
                // Only in a dry run: the set_usage that would create the record was not sent.
                continue;
            }

            var date = period.ReportDate(_zone);
            await _waldur.SetComponentUserUsagesAsync(parent, batch.Items.Select(i => new ComponentUserUsageCreateRequest
            {
                Username = i.Username,
                Usage = i.Amount,
                Date = date,
                User = i.OfferingUserUrl,
            }).ToArray(), cancellationToken).ConfigureAwait(false);
            sent += batch.Items.Count;
            LogUserUsages(_logger, resource, period.Label, batch.ComponentType, batch.Items.Count);
        }

        return new UsageOutcome(plan.Decision, sent, plan.UnknownComponents);
    }

    /// <summary>The component usage records that <c>set_usage</c> just created, by type.</summary>
    private async Task<Dictionary<string, Guid>> ParentsAsync(Guid resource, BillingPeriod period, CancellationToken cancellationToken)
    {
        var records = await _waldur.ListComponentUsages(new ComponentUsageListQuery
        {
            ResourceUuid = resource,
            BillingPeriod = period.FirstDay,
            Fields = ["uuid", "type"],
        }).ToListAsync(cancellationToken).ConfigureAwait(false);
        return records.Where(r => r.Type is not null).GroupBy(r => r.Type!, StringComparer.Ordinal)
            .Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single().Uuid, StringComparer.Ordinal);
    }

    private static string Describe(IReadOnlyDictionary<string, decimal> totals) =>
        string.Join(", ", totals.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => t.Key + "=" + t.Value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)));

    [LoggerMessage(EventId = LogEvents.UsageSubmitted, Level = LogLevel.Information, Message = "Resource {Resource}: usage of {Period} submitted: {Totals}")]
    private static partial void LogSubmitted(ILogger logger, Guid resource, string period, string totals);

    [LoggerMessage(EventId = LogEvents.UsageUnchanged, Level = LogLevel.Debug, Message = "Resource {Resource}: usage of {Period} unchanged, nothing sent")]
    private static partial void LogUnchanged(ILogger logger, Guid resource, string period);

    [LoggerMessage(EventId = LogEvents.UsageAnomaly, Level = LogLevel.Error,
        Message = "Resource {Resource}: usage of {Period} not submitted: {Reason}. Check the backend's accounting and the records in Waldur; per-user usage is held back too")]
    private static partial void LogAnomaly(ILogger logger, Guid resource, string period, string reason);

    [LoggerMessage(EventId = LogEvents.UserUsageSubmitted, Level = LogLevel.Information, Message = "Resource {Resource}: {Count} per-user usages of {Component} in {Period} submitted")]
    private static partial void LogUserUsages(ILogger logger, Guid resource, string period, string component, int count);
}
