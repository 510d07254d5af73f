namespace SiteAgent.Generators.Tests;

/// <summary>The SiteAgentBackends manifest chooses which found backends reach the registry.</summary>
public sealed class ManifestTests
{
    [Theory]
    [InlineData("slurm;base", new[] { "base", "slurm" })]
    [InlineData("base", new[] { "base" })]
    [InlineData(" Slurm , BASE ", new[] { "base", "slurm" })]
    [InlineData("", new[] { "base", "slurm" })]
    public void Registry_Manifest_HoldsSelectedIdsInOrder(string manifest, string[] expected)
    {
        var run = GeneratorHarness.Run(
            GeneratorHarness.Compile("Host", [TestSources.Slurm, TestSources.Base]), TestOptionsProvider.Host(manifest));

        Assert.Empty(run.Diagnostics);
        Assert.Equal(expected, RegistryIds.Of(run.Source(GeneratorHarness.RegistryFile)!));
        Assert.Empty(run.CompilationErrors);
    }

    [Fact]
    public void Registry_TwoManifests_GiveDifferentRegistries()
    {
        var compilation = GeneratorHarness.Compile("Host", [TestSources.Slurm, TestSources.Base]);

        var full = GeneratorHarness.Run(compilation, TestOptionsProvider.Host("slurm;base")).Source(GeneratorHarness.RegistryFile)!;
        var trimmed = GeneratorHarness.Run(compilation, TestOptionsProvider.Host("base")).Source(GeneratorHarness.RegistryFile)!;

        Assert.NotEqual(full, trimmed);
        Assert.Contains("global::Sites.Slurm.SlurmBackend", full, StringComparison.Ordinal);
        Assert.DoesNotContain("global::Sites.Slurm.SlurmBackend", trimmed, StringComparison.Ordinal);
    }
}
