namespace SiteAgent.Backends.Model;

/// <summary>Usage of one backend resource in Waldur units: the account total and per-user amounts.</summary>
/// <param name="Total">Per component type; mandatory (contract.md §9 rule 2).</param>
/// <param name="PerUser">Per username, per component type; a user may omit components.</param>
public sealed record ResourceUsage(
    IReadOnlyDictionary<string, decimal> Total,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>> PerUser)
{
    /// <summary>Zero for every given component and no users (a resource absent from a report).</summary>
    public static ResourceUsage Zero(IEnumerable<string> components) =>
        new(components.ToDictionary(c => c, _ => 0m), new Dictionary<string, IReadOnlyDictionary<string, decimal>>());
}

/// <summary>A usage report: per resource backend id.</summary>
public sealed record UsageReport(IReadOnlyDictionary<string, ResourceUsage> Resources)
{
    /// <summary>A report with no resources.</summary>
    public static UsageReport Empty { get; } = new(new Dictionary<string, ResourceUsage>());
}
