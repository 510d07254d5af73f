
namespace SiteAgent.Generators.Tests;

/// <summary>The SiteAgentBackends manifest chooses which found backends reach the registry.</summary>
public sealed class ManifestTests
{
    [Test]
    [Arguments("slurm;base", new[] { "base", "slurm" })]
    [Arguments("base", new[] { "base" })]
    [Arguments(" Slurm , BASE ", new[] { "base", "slurm" })]
    [Arguments("", new[] { "base", "slurm" })]
    public async Task Registry_Manifest_HoldsSelectedIdsInOrder(string manifest, string[] expected)
    {
        var run = GeneratorHarness.Run(
            GeneratorHarness.Compile("Host", [TestSources.Slurm, TestSources.Base]), TestOptionsProvider.Host(manifest));

        await Assert.That(run.Diagnostics).IsEmpty();
        await Assert.That(RegistryIds.Of(run.Source(GeneratorHarness.RegistryFile)!)).IsEquivalentTo(expected, CollectionOrdering.Matching);
        await Assert.That(run.CompilationErrors).IsEmpty();
    }

    [Test]
    public async Task Registry_TwoManifests_GiveDifferentRegistries()
    {
        var compilation = GeneratorHarness.Compile("Host", [TestSources.Slurm, TestSources.Base]);

        var full = GeneratorHarness.Run(compilation, TestOptionsProvider.Host("slurm;base")).Source(GeneratorHarness.RegistryFile)!;
        var trimmed = GeneratorHarness.Run(compilation, TestOptionsProvider.Host("base")).Source(GeneratorHarness.RegistryFile)!;

        await Assert.That(trimmed).IsNotEqualTo(full);
        await Assert.That(full).Contains("global::Sites.Slurm.SlurmBackend");
        await Assert.That(trimmed).DoesNotContain("global::Sites.Slurm.SlurmBackend");
    }
}
