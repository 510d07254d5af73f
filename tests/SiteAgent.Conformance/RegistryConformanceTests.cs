using System.Reflection;
using SiteAgent.Backends;
using SiteAgent.Backends.Capabilities;
using SiteAgent.Generated;

namespace SiteAgent.Conformance;

/// <summary>The registry as the generator emits it: every backend has a harness, and declares exactly what it implements.</summary>
public sealed class RegistryConformanceTests
{
    /// <summary>Every backend id of the generated registry.</summary>
    public static IEnumerable<string> Backends() => BackendRegistry.All.Select(d => d.Id);

    // Capability name → interface, from the [BackendCapability] interfaces of the contract assembly.
    private static readonly Dictionary<string, Type> CapabilityInterfaces = typeof(BackendCapabilities).Assembly.GetTypes()
        .Where(t => t.IsInterface && t.GetCustomAttribute<BackendCapabilityAttribute>() is not null)
        .ToDictionary(t => t.GetCustomAttribute<BackendCapabilityAttribute>()!.Name, t => t, StringComparer.Ordinal);

    [Test]
    public async Task EveryBackendOfTheRegistry_HasAHarness_AndTheManifestsBackendsAreThere()
    {
        var missing = Backends().Where(id => !ConformanceBackends.Harnesses.ContainsKey(id)).ToList();

        await Assert.That(missing).IsEmpty().Because("add one line for each to ConformanceBackends.Harnesses");
        // The test backend, and the manifest's backends besides it (src/SiteAgent/backends.props is imported).
        await Assert.That(Backends()).Contains("memory");
        await Assert.That(Backends().Count(id => id != "memory")).IsGreaterThan(0);
    }

    [Test]
    [MethodDataSource(nameof(Backends))]
    public async Task DeclaredCapabilities_AreExactlyTheImplementedOnes(string id)
    {
        var descriptor = BackendRegistry.Find(id)!;
        await using var harness = ConformanceBackends.Harnesses[id]();

        var backend = harness.Create(descriptor);

        await Assert.That(backend.GetType().FullName).IsEqualTo(descriptor.TypeName);
        await Assert.That(descriptor.Capabilities).IsNotEmpty();
        var unknown = descriptor.Capabilities.Where(c => !CapabilityInterfaces.ContainsKey(c)).ToList();
        await Assert.That(unknown).IsEmpty().Because("every declared capability names a [BackendCapability] interface");
        var implemented = CapabilityInterfaces.Where(c => c.Value.IsInstanceOfType(backend)).Select(c => c.Key).Order(StringComparer.Ordinal).ToList();
        await Assert.That(descriptor.Capabilities).IsEquivalentTo(implemented, CollectionOrdering.Matching);
    }
}
