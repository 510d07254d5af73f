namespace SiteAgent.Conformance;

/// <summary>
/// How the suite runs each backend of the registry. A new backend adds one line here; the suite fails
/// for a backend of the registry that has none.
/// </summary>
public static class ConformanceBackends
{
    /// <summary>A new harness per test, by backend id.</summary>
    public static IReadOnlyDictionary<string, Func<BackendHarness>> Harnesses { get; } = new Dictionary<string, Func<BackendHarness>>(StringComparer.Ordinal)
    {
        ["base"] = () => new BackendHarness(),
        ["memory"] = () => new MemoryHarness(),
        ["slurm"] = () => new SlurmHarness(),
    };
}
