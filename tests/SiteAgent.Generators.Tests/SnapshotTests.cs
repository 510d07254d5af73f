
namespace SiteAgent.Generators.Tests;

/// <summary>The emitted source, compared with checked-in snapshots and compiled.</summary>
public sealed class SnapshotTests
{
    [Test]
    public async Task Registry_TwoBackendsInHost_MatchesSnapshotAndCompiles()
    {
        var run = GeneratorHarness.Run(
            GeneratorHarness.Compile("Host", [TestSources.Slurm, TestSources.Base]), TestOptionsProvider.Host());

        await Assert.That(run.Diagnostics).IsEmpty();
        Snapshot.Match(run.Source(GeneratorHarness.RegistryFile)!, "BackendRegistry.TwoBackends.g.cs");
        await Assert.That(run.CompilationErrors).IsEmpty();
    }

    [Test]
    public async Task Registry_NoBackends_MatchesSnapshotAndCompiles()
    {
        var run = GeneratorHarness.Run(
            GeneratorHarness.Compile("Host", ["namespace Host; public static class Program { }"]), TestOptionsProvider.Host());

        await Assert.That(run.Diagnostics).IsEmpty();
        Snapshot.Match(run.Source(GeneratorHarness.RegistryFile)!, "BackendRegistry.Empty.g.cs");
        await Assert.That(run.CompilationErrors).IsEmpty();
    }

    [Test]
    public async Task Markers_LibraryWithTwoBackends_MatchesSnapshotAndCompiles()
    {
        var run = GeneratorHarness.Run(
            GeneratorHarness.Compile("Library", [TestSources.Slurm, TestSources.Base]), TestOptionsProvider.Library());

        await Assert.That(run.Diagnostics).IsEmpty();
        await Assert.That(run.Source(GeneratorHarness.RegistryFile)).IsNull();
        Snapshot.Match(run.Source(GeneratorHarness.MarkersFile)!, "BackendAssemblyMarkers.TwoBackends.g.cs");
        await Assert.That(run.CompilationErrors).IsEmpty();
    }

    [Test]
    public async Task Markers_LibraryWithoutBackends_EmitsNothing()
    {
        var run = GeneratorHarness.Run(
            GeneratorHarness.Compile("Library", ["namespace Library; public sealed class Plain { }"]), TestOptionsProvider.Library());

        await Assert.That(run.Result.GeneratedSources).IsEmpty();
    }
}
