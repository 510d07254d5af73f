using SiteAgent.Waldur.Models;
using SiteAgent.Waldur.Operations;
using SiteAgent.Waldur.Queries;

namespace SiteAgent.Waldur;

// Usage reporting: component usages, per-user usages and per-user limits.
public sealed partial class WaldurClient
{
    /// <summary>Lists component usages (<c>marketplace_component_usages_list</c>); uuid is always included in a field selection.</summary>
    public WaldurPages<ComponentUsage> ListComponentUsages(ComponentUsageListQuery? query = null) =>
        Pages(WaldurOperations.MarketplaceComponentUsagesList, null, q => query?.AppendTo(q), Json.ListComponentUsage);

    /// <summary>Reports a resource's usage of one period (<c>marketplace_component_usages_set_usage</c>; answers 201, no body).</summary>
    /// <remarks>
    /// Guarded: Waldur replaces the period's usage, but a repeat after a lost answer may be refused
    /// (HTTP 400 <c>backfilling past billing periods</c>); re-read the period's usages first.
    /// </remarks>
    public Task SetComponentUsageAsync(ComponentUsageCreateRequest request, CancellationToken cancellationToken = default) =>
        WriteAsync(WaldurOperations.MarketplaceComponentUsagesSetUsage, null, request, Json.ComponentUsageCreateRequest, cancellationToken);

    /// <summary>Reports one user's usage below a component usage (<c>marketplace_component_usages_set_user_usage</c>).</summary>
    /// <remarks>Guarded: re-read the per-user usages before repeating.</remarks>
    public Task SetComponentUserUsageAsync(Guid componentUsageUuid, ComponentUserUsageCreateRequest usage, CancellationToken cancellationToken = default) =>
        WriteAsync(WaldurOperations.MarketplaceComponentUsagesSetUserUsage, componentUsageUuid, usage, Json.ComponentUserUsageCreateRequest, cancellationToken);

    /// <summary>Reports all users' usages below a component usage (<c>marketplace_component_usages_set_user_usages</c>).</summary>
    /// <remarks>Guarded: re-read the per-user usages before repeating.</remarks>
    public Task SetComponentUserUsagesAsync(Guid componentUsageUuid, IReadOnlyList<ComponentUserUsageCreateRequest> usages, CancellationToken cancellationToken = default) =>
        WriteAsync(
            WaldurOperations.MarketplaceComponentUsagesSetUserUsages,
            componentUsageUuid,
            new ComponentUserUsageBulkCreateRequest { Usages = usages },
            Json.ComponentUserUsageBulkCreateRequest,
            cancellationToken);

    /// <summary>Lists per-user component usages (<c>marketplace_component_user_usages_list</c>).</summary>
    public WaldurPages<ComponentUserUsage> ListComponentUserUsages(ComponentUserUsageListQuery? query = null) =>
        Pages(WaldurOperations.MarketplaceComponentUserUsagesList, null, q => query?.AppendTo(q), Json.ListComponentUserUsage);

    /// <summary>Lists per-user usage limits (<c>component_user_usage_limits_list</c>).</summary>
    public WaldurPages<ComponentUserUsageLimit> ListComponentUserUsageLimits(ComponentUserUsageLimitListQuery? query = null) =>
        Pages(WaldurOperations.ComponentUserUsageLimitsList, null, q => query?.AppendTo(q), Json.ListComponentUserUsageLimit);
}
