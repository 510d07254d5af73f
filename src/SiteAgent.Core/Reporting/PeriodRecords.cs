using SiteAgent.Waldur;
using SiteAgent.Waldur.Models;
using SiteAgent.Waldur.Queries;

namespace SiteAgent.Core.Reporting;

/// <summary>
/// What Waldur holds for one billing period, read for the whole offering at once (two paged reads) or
/// for one resource (after a failure), and served per resource.
/// </summary>
public sealed class PeriodRecords
{
    private static readonly string[] UsageFields = ["uuid", "type", "usage", "resource_uuid"];
    private static readonly string[] UserUsageFields = ["component_usage", "username", "usage", "user"];

    private readonly Dictionary<Guid, List<ComponentUsage>> _usages;
    private readonly Dictionary<Guid, List<ComponentUserUsage>> _userUsages;

    private PeriodRecords(IReadOnlyList<ComponentUsage> usages, IReadOnlyList<ComponentUserUsage> userUsages)
    {
        _usages = usages.Where(u => u.ResourceUuid is not null).GroupBy(u => u.ResourceUuid!.Value).ToDictionary(g => g.Key, g => g.ToList());
        _userUsages = userUsages.Select(u => (Parent: ResourcePeriodRecords.ParentOf(u), Usage: u)).Where(p => p.Parent is not null)
            .GroupBy(p => p.Parent!.Value).ToDictionary(g => g.Key, g => g.Select(p => p.Usage).ToList());
    }

    /// <summary>Every component usage and per-user usage of the offering's resources in the period.</summary>
    public static async Task<PeriodRecords> ForOfferingAsync(WaldurClient waldur, Guid offering, BillingPeriod period, CancellationToken cancellationToken)
    {
        var usages = await waldur.ListComponentUsages(new ComponentUsageListQuery { OfferingUuid = offering, BillingPeriod = period.FirstDay, Fields = UsageFields })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var userUsages = await waldur.ListComponentUserUsages(new ComponentUserUsageListQuery
        {
            OfferingUuid = offering,
            ComponentUsageBillingPeriod = period.FirstDay,
            Fields = UserUsageFields,
        }).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new PeriodRecords(usages, userUsages);
    }

    /// <summary>The records of one resource in the period, read afresh.</summary>
    public static async Task<ResourcePeriodRecords> ForResourceAsync(WaldurClient waldur, Guid resource, BillingPeriod period, CancellationToken cancellationToken)
    {
        var usages = await waldur.ListComponentUsages(new ComponentUsageListQuery { ResourceUuid = resource, BillingPeriod = period.FirstDay, Fields = UsageFields })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var userUsages = usages.Count == 0
            ? []
            : await waldur.ListComponentUserUsages(new ComponentUserUsageListQuery
            {
                ResourceUuid = resource,
                ComponentUsageBillingPeriod = period.FirstDay,
                Fields = UserUsageFields,
            }).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new ResourcePeriodRecords(usages, userUsages);
    }

    /// <summary>The records of one resource.</summary>
    public ResourcePeriodRecords For(Guid resource)
    {
        if (!_usages.TryGetValue(resource, out var usages))
        {
            return ResourcePeriodRecords.Empty;
        }

        var userUsages = usages.SelectMany(u => _userUsages.GetValueOrDefault(u.Uuid) ?? []).ToList();
        return new ResourcePeriodRecords(usages, userUsages);
    }
}
