using SiteAgent.Backends.Slurm.Tests.Support;

namespace SiteAgent.Backends.Slurm.Tests.Parsing;

public class SacctParserTests
{
    private static readonly HashSet<string> CpuMemGpu = ["cpu", "mem", "gres/gpu"];

    [Fact]
    public void ParseUsage_TwoAccounts_ComputesTresMinutesPerLine()
    {
        var lines = SlurmParser.ParseUsage(Fixture.Text("sacct-usage-two-accounts.txt"), CpuMemGpu);

        Assert.Equal(6, lines.Count);
        Assert.Equal(("hpc_alloc-1", "root"), (lines[0].Account, lines[0].User));
        Assert.Equal(new Dictionary<string, decimal> { ["cpu"] = 0.5m, ["gres/gpu"] = 0.5m, ["mem"] = 500 }, lines[0].Usage.ToDictionary());
        Assert.Equal(966, lines[4].Usage.ToDictionary()["mem"]);
    }

    [Fact]
    public void ParseUsage_WithoutAllocations_StepLinesAddNothing()
    {
        var lines = SlurmParser.ParseUsage(Fixture.Text("sacct-usage-two-accounts-without-allocations.txt"), CpuMemGpu);

        Assert.Equal(6, lines.Count);
        Assert.All(lines, l => Assert.NotEmpty(l.User));
    }

    [Fact]
    public void ParseUsage_EmptyPeriod_NoLines() => Assert.Empty(SlurmParser.ParseUsage(Fixture.Text("sacct-usage-empty-period.txt"), CpuMemGpu));

    [Fact]
    public void ParseUsage_HeaderLine_IsSkippedAsUnreadable()
    {
        var skipped = new List<string>();
        var lines = SlurmParser.ParseUsage(Fixture.Text("sacct-usage-with-header-and-state.txt"), CpuMemGpu, skipped);

        Assert.Equal(5, lines.Count(l => l.Account == "hpc_alloc-1"));
        Assert.Single(skipped);
    }

    [Fact]
    public void ParseUsage_Passthrough_KeepsConfiguredTres()
    {
        var line = Assert.Single(SlurmParser.ParseUsage(Fixture.Text("tests-sacct-usage-line-passthrough.txt"), CpuMemGpu));

        Assert.Equal(new Dictionary<string, decimal> { ["cpu"] = 6000, ["mem"] = 0, ["gres/gpu"] = 240 }, line.Usage.ToDictionary());
    }

    [Fact]
    public void ParseUsage_UnknownTres_IsDropped()
    {
        Assert.Equal(["cpu"], SlurmParser.ParseUsage(Fixture.Text("tests-sacct-usage-line-unknown-tres.txt"), CpuMemGpu)[0].Usage.Select(p => p.Key));
        Assert.Empty(SlurmParser.ParseUsage(Fixture.Text("tests-sacct-usage-line-no-known-tres.txt"), CpuMemGpu)[0].Usage);
    }

    [Fact]
    public void ParseUsage_MappingTargets_AreKept()
    {
        var line = Assert.Single(SlurmParser.ParseUsage(Fixture.Text("tests-sacct-usage-line-mapped-components.txt"), new HashSet<string> { "node_hours", "cpu", "gpu" }));

        Assert.Equal(new Dictionary<string, decimal> { ["cpu"] = 38400, ["gpu"] = 4800 }, line.Usage.ToDictionary());
    }

    [Fact]
    public void Pitfall_SacctWithoutNoconvert_WouldMisreadMemory()
    {
        // Why --noconvert is mandatory: 1536M prints as 1.50G without it; the exact parser still reads both the same.
        var converted = SlurmParser.ParseUsage(Fixture.Text("sacct-usage-two-accounts-without-noconvert.txt"), CpuMemGpu)[2];
        var exact = SlurmParser.ParseUsage(Fixture.Text("sacct-usage-two-accounts.txt"), CpuMemGpu)[2];
        Assert.Equal(exact.Usage.ToDictionary()["mem"], converted.Usage.ToDictionary()["mem"]);
    }

    [Theory]
    [InlineData("sacct-list-jobs-running.txt", new[] { "1", "1.batch" })]
    [InlineData("sacct-list-jobs-mixed-states.txt", new[] { "2", "5", "5.batch" })]
    [InlineData("sacct-list-active-jobs-none.txt", new string[0])]
    public void ParseJobIds_FieldZero(string fixture, string[] ids) => Assert.Equal(ids, SlurmParser.ParseJobIds(Fixture.Text(fixture)));
}
