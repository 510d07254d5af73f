using Microsoft.CodeAnalysis;

namespace SiteAgent.Generators.Tests;

/// <summary>Edits that change no backend must be served from the incremental cache.</summary>
public sealed class IncrementalCacheTests
{
    private static readonly IncrementalStepRunReason[] Reused = [IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged];

    [Fact]
    public void Registry_UnchangedCompilation_IsCached()
    {
        var compilation = GeneratorHarness.Compile("Host", [TestSources.Slurm, TestSources.Base]);
        var first = GeneratorHarness.Run(compilation, TestOptionsProvider.Host());

        var second = GeneratorHarness.Run(first.Driver, compilation);

        AssertReused(second.Result);
    }

    [Fact]
    public void Registry_UnrelatedFileAdded_IsCachedOrUnchanged()
    {
        var compilation = GeneratorHarness.Compile("Host", [TestSources.Slurm, TestSources.Base]);
        var first = GeneratorHarness.Run(compilation, TestOptionsProvider.Host());

        var edited = compilation.AddSyntaxTrees(
            GeneratorHarness.Parse("namespace Host; public static class Unrelated { public static int Answer => 42; }", "Unrelated.cs"));
        var second = GeneratorHarness.Run(first.Driver, edited);

        AssertReused(second.Result);
        Assert.Equal(first.Source(GeneratorHarness.RegistryFile), second.Source(GeneratorHarness.RegistryFile));
    }

    [Fact]
    public void Registry_BackendVersionChanged_IsModified()
    {
        var compilation = GeneratorHarness.Compile("Host", [TestSources.Slurm, TestSources.Base]);
        var first = GeneratorHarness.Run(compilation, TestOptionsProvider.Host());

        var oldTree = compilation.SyntaxTrees.First();
        var newTree = GeneratorHarness.Parse(TestSources.Slurm.Replace("23.11.0", "24.05.0", StringComparison.Ordinal), oldTree.FilePath);
        var second = GeneratorHarness.Run(first.Driver, compilation.ReplaceSyntaxTree(oldTree, newTree));

        var registry = Assert.Single(second.Result.TrackedSteps[BackendRegistryGenerator.TrackingNames.Registry]);
        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(registry.Outputs).Reason);
        Assert.Contains("24.05.0", second.Source(GeneratorHarness.RegistryFile), StringComparison.Ordinal);
    }

    private static void AssertReused(GeneratorRunResult result)
    {
        string[] steps =
        [
            BackendRegistryGenerator.TrackingNames.DeclaredModels,
            BackendRegistryGenerator.TrackingNames.HostOptions,
            BackendRegistryGenerator.TrackingNames.ReferencedBackends,
            BackendRegistryGenerator.TrackingNames.Registry,
        ];
        foreach (var name in steps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(name), $"step {name} was not tracked");
            foreach (var (_, reason) in result.TrackedSteps[name].SelectMany(step => step.Outputs))
            {
                Assert.True(Reused.Contains(reason), $"step {name} ran with reason {reason}");
            }
        }

        Assert.NotEmpty(result.TrackedOutputSteps);
        foreach (var (_, reason) in result.TrackedOutputSteps.SelectMany(pair => pair.Value).SelectMany(step => step.Outputs))
        {
            Assert.True(Reused.Contains(reason), $"an output step ran with reason {reason}");
        }
    }
}
