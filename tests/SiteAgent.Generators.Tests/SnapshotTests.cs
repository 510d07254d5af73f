namespace SiteAgent.Generators.Tests;

/// <summary>The emitted source, compared with checked-in snapshots and compiled.</summary>
public sealed class SnapshotTests
{
    [Fact]
    public void Registry_TwoBackendsInHost_MatchesSnapshotAndCompiles()
    {
        var run = GeneratorHarness.Run(
            GeneratorHarness.Compile("Host", [TestSources.Slurm, TestSources.Base]), TestOptionsProvider.Host());

        Assert.Empty(run.Diagnostics);
        Snapshot.Match(run.Source(GeneratorHarness.RegistryFile)!, "BackendRegistry.TwoBackends.g.cs");
        Assert.Empty(run.CompilationErrors);
    }

    [Fact]
    public void Registry_NoBackends_MatchesSnapshotAndCompiles()
    {
        var run = GeneratorHarness.Run(
            GeneratorHarness.Compile("Host", ["namespace Host; public static class Program { }"]), TestOptionsProvider.Host());

        Assert.Empty(run.Diagnostics);
        Snapshot.Match(run.Source(GeneratorHarness.RegistryFile)!, "BackendRegistry.Empty.g.cs");
        Assert.Empty(run.CompilationErrors);
    }

    [Fact]
    public void Markers_LibraryWithTwoBackends_MatchesSnapshotAndCompiles()
    {
        var run = GeneratorHarness.Run(
            GeneratorHarness.Compile("Library", [TestSources.Slurm, TestSources.Base]), TestOptionsProvider.Library());

        Assert.Empty(run.Diagnostics);
        Assert.Null(run.Source(GeneratorHarness.RegistryFile));
        Snapshot.Match(run.Source(GeneratorHarness.MarkersFile)!, "BackendAssemblyMarkers.TwoBackends.g.cs");
        Assert.Empty(run.CompilationErrors);
    }

    [Fact]
    public void Markers_LibraryWithoutBackends_EmitsNothing()
    {
        var run = GeneratorHarness.Run(
            GeneratorHarness.Compile("Library", ["namespace Library; public sealed class Plain { }"]), TestOptionsProvider.Library());

        Assert.Empty(run.Result.GeneratedSources);
    }
}
