using Microsoft.CodeAnalysis;

namespace SiteAgent.Generators.Tests;

/// <summary>Edits that change no backend must be served from the incremental cache.</summary>
public sealed class IncrementalCacheTests
{
    private static readonly IncrementalStepRunReason[] Reused = [IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged];

    [Test]
    public async Task Registry_UnchangedCompilation_IsCached()
    {
        var compilation = GeneratorHarness.Compile("Host", [TestSources.Slurm, TestSources.Base]);
        var first = GeneratorHarness.Run(compilation, TestOptionsProvider.Host());

        var second = GeneratorHarness.Run(first.Driver, compilation);

        await AssertReused(second.Result);
    }

    [Test]
    public async Task Registry_UnrelatedFileAdded_IsCachedOrUnchanged()
    {
        var compilation = GeneratorHarness.Compile("Host", [TestSources.Slurm, TestSources.Base]);
        var first = GeneratorHarness.Run(compilation, TestOptionsProvider.Host());

        var edited = compilation.AddSyntaxTrees(
            GeneratorHarness.Parse("namespace Host; public static class Unrelated { public static int Answer => 42; }", "Unrelated.cs"));
        var second = GeneratorHarness.Run(first.Driver, edited);

        await AssertReused(second.Result);
        await Assert.That(second.Source(GeneratorHarness.RegistryFile)).IsEqualTo(first.Source(GeneratorHarness.RegistryFile));
    }

    [Test]
    public async Task Registry_BackendVersionChanged_IsModified()
    {
        var compilation = GeneratorHarness.Compile("Host", [TestSources.Slurm, TestSources.Base]);
        var first = GeneratorHarness.Run(compilation, TestOptionsProvider.Host());

        var oldTree = compilation.SyntaxTrees.First();
        var newTree = GeneratorHarness.Parse(TestSources.Slurm.Replace("23.11.0", "24.05.0", StringComparison.Ordinal), oldTree.FilePath);
        var second = GeneratorHarness.Run(first.Driver, compilation.ReplaceSyntaxTree(oldTree, newTree));

        var registry = await Assert.That(second.Result.TrackedSteps[BackendRegistryGenerator.TrackingNames.Registry]).HasSingleItem();
        await Assert.That((await Assert.That(registry.Outputs).HasSingleItem()).Reason).IsEqualTo(IncrementalStepRunReason.Modified);
        await Assert.That(second.Source(GeneratorHarness.RegistryFile)).Contains("24.05.0");
    }

    private static async Task AssertReused(GeneratorRunResult result)
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
            await Assert.That(result.TrackedSteps.ContainsKey(name)).IsTrue().Because($"step {name} was not tracked");
            foreach (var (_, reason) in result.TrackedSteps[name].SelectMany(step => step.Outputs))
            {
                await Assert.That(Reused.Contains(reason)).IsTrue().Because($"step {name} ran with reason {reason}");
            }
        }

        await Assert.That(result.TrackedOutputSteps).IsNotEmpty();
        foreach (var (_, reason) in result.TrackedOutputSteps.SelectMany(pair => pair.Value).SelectMany(step => step.Outputs))
        {
            await Assert.That(Reused.Contains(reason)).IsTrue().Because($"an output step ran with reason {reason}");
        }
    }
}
