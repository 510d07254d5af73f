using SiteAgent.Backends;
using SiteAgent.Backends.Capabilities;
using SiteAgent.Backends.Model;
using SiteAgent.Generated;

namespace SiteAgent.Conformance;

/// <summary>
/// Values from Waldur that must never reach a command line or a path are refused by every backend before
/// it runs anything: <see cref="UnsafeValueException"/> and no side effect.
/// </summary>
public sealed class BadValueConformanceTests
{
    private static CancellationToken Token => TestContext.Current!.Execution.CancellationToken;

    /// <summary>An id longer than any backend allows.</summary>
    public static readonly string OverLong = new('a', 300);

    /// <summary>Values that are no safe id on any backend.</summary>
    public static readonly string[] BadValues =
    [
        "x;rm -rf /",
        "name with space",
        "quo\"te",
        "it's",
        "../../etc/passwd",
        "$(reboot)",
        "line\nbreak",
        "-rf",
        OverLong,
    ];

    /// <summary>Every order-processing backend with every bad value.</summary>
    public static IEnumerable<(string Backend, string Value)> Rows() =>
        LifecycleConformanceTests.OrderBackends().SelectMany(id => BadValues.Select(value => (id, value)));

    [Test]
    [MethodDataSource(nameof(Rows))]
    public async Task BadResourceId_IsRefusedByEveryOperation_BeforeAnyCommand(string backendName, string value)
    {
        await using var harness = ConformanceBackends.Harnesses[backendName]();
        harness.RequireEnvironment();
        var backend = harness.Create(BackendRegistry.Find(backendName)!);
        var orders = (IOrderProcessingBackend)backend;
        var resource = harness.Resource(value) with { BackendId = value };
        var limits = new Dictionary<string, decimal> { ["cpu"] = 1 };

        await Assert.ThrowsAsync<UnsafeValueException>(() => orders.CreateResourceAsync(resource, value, UserContext.Empty, Token));
        await Assert.ThrowsAsync<UnsafeValueException>(() => orders.ExistsAsync(resource, Token));
        await Assert.ThrowsAsync<UnsafeValueException>(() => orders.PullResourceAsync(resource, Token));
        await Assert.ThrowsAsync<UnsafeValueException>(() => orders.SetResourceLimitsAsync(resource, limits, Token));
        await Assert.ThrowsAsync<UnsafeValueException>(() => orders.DeleteResourceAsync(resource, "proj-1", Token));
        if (backend is IMembershipBackend membership)
        {
            await Assert.ThrowsAsync<UnsafeValueException>(() => membership.AddUsersAsync(resource, [harness.User("alice")], MembershipDetails.None, Token));
        }

        await Assert.That(harness.SideEffects).IsEmpty();
    }

    /// <summary>
    /// Bad project slugs. Two of the values are not bad here: a leading '-' is harmless behind the project
    /// prefix, and a backend may shorten a long project name to a safe one (SLURM does, with a stable hash).
    /// </summary>
    public static IEnumerable<(string Backend, string Value)> ProjectRows() =>
        Rows().Where(row => !row.Value.StartsWith('-') && row.Value != OverLong);

    [Test]
    [MethodDataSource(nameof(ProjectRows))]
    public async Task BadProjectSlug_IsRefusedOnCreate_BeforeAnyCommand(string backendName, string value)
    {
        await using var harness = ConformanceBackends.Harnesses[backendName]();
        harness.RequireEnvironment();
        var orders = (IOrderProcessingBackend)harness.Create(BackendRegistry.Find(backendName)!);
        var backendId = orders.BackendIdFor(harness.Candidate("alloc-1"));

        await Assert.ThrowsAsync<UnsafeValueException>(() =>
            orders.CreateResourceAsync(harness.Resource("alloc-1", project: value) with { BackendId = backendId }, backendId, UserContext.Empty, Token));

        await Assert.That(harness.SideEffects).IsEmpty();
    }
}
