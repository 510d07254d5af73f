using SiteAgent.Waldur.Models;

namespace SiteAgent.Core.Reporting;

/// <summary>What Waldur holds for one resource in one billing period: component usages and their per-user usages.</summary>
/// <param name="Usages">Component usage records of the resource and period.</param>
/// <param name="UserUsages">Per-user usages below those records.</param>
public sealed record ResourcePeriodRecords(IReadOnlyList<ComponentUsage> Usages, IReadOnlyList<ComponentUserUsage> UserUsages)
{
    /// <summary>Nothing recorded yet.</summary>
    public static ResourcePeriodRecords Empty { get; } = new([], []);

    /// <summary>The uuid of the component usage a per-user usage belongs to (last segment of its <c>component_usage</c> URL).</summary>
    public static Guid? ParentOf(ComponentUserUsage usage)
    {
        var url = usage.ComponentUsage?.TrimEnd('/');
        if (string.IsNullOrEmpty(url))
        {
            return null;
        }

        var slash = url.LastIndexOf('/');
        return Guid.TryParse(url[(slash + 1)..], out var uuid) ? uuid : null;
    }
}
