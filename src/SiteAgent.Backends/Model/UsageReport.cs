namespace SiteAgent.Backends.Model;

/// <summary>Usage of one backend resource in Waldur units: the account total and per-user amounts.</summary>
/// <param name="Total">Per component type; mandatory.</param>
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
/// <remarks>
/// A requested id that is in none of <see cref="Resources"/>, <see cref="Unknown"/> and
/// <see cref="Failed"/> exists on the backend and used nothing in the period.
/// </remarks>
public sealed record UsageReport(IReadOnlyDictionary<string, ResourceUsage> Resources)
{
    /// <summary>A report with no resources.</summary>
    public static UsageReport Empty { get; } = new(new Dictionary<string, ResourceUsage>());

    /// <summary>Requested ids the backend has no resource for and no usage of: nothing is reported for them.</summary>
    public IReadOnlySet<string> Unknown { get; init; } = new HashSet<string>();

    /// <summary>Requested ids whose usage could not be read, with the reason; they must not be reported as zero.</summary>
    public IReadOnlyDictionary<string, string> Failed { get; init; } = new Dictionary<string, string>();
}
