using SiteAgent.TestBackend;

namespace SiteAgent.Conformance;

/// <summary>The in-memory test backend on a store of its own; its side effects are the store's operations.</summary>
public sealed class MemoryHarness() : BackendHarness(new Dictionary<string, string> { ["store"] = NewStore().Name })
{
    /// <inheritdoc />
    public override IReadOnlyList<string> SideEffects => MemoryStore.Get(Settings["store"]).Operations;

    private static MemoryStore NewStore() => MemoryStore.Create();
}
