using SiteAgent.Backends.Slurm.Tests.Support;

namespace SiteAgent.Backends.Slurm.Tests.Parsing;

public class SacctParserTests
{
    private static readonly HashSet<string> CpuMemGpu = ["cpu", "mem", "gres/gpu"];

    [Test]
    public async Task ParseUsage_TwoAccounts_ComputesTresMinutesPerLine()
    {
        var lines = SlurmParser.ParseUsage(Fixture.Text("sacct-usage-two-accounts.txt"), CpuMemGpu);

        await Assert.That(lines.Count).IsEqualTo(6);
        await Assert.That((lines[0].Account, lines[0].User)).IsEqualTo(("hpc_alloc-1", "root"));
        await Assert.That(lines[0].Usage.ToDictionary()).IsEquivalentTo(new Dictionary<string, double> { ["cpu"] = 0.5, ["gres/gpu"] = 0.5, ["mem"] = 500 });
        await Assert.That(lines[4].Usage.ToDictionary()["mem"]).IsEqualTo(966);
    }

    [Test]
    public async Task ParseUsage_WithoutAllocations_StepLinesAddNothing()
    {
        var lines = SlurmParser.ParseUsage(Fixture.Text("sacct-usage-two-accounts-without-allocations.txt"), CpuMemGpu);

        await Assert.That(lines.Count).IsEqualTo(6);
        foreach (var l in lines) { await Assert.That(l.User).IsNotEmpty(); }
    }

    [Test]
    public async Task ParseUsage_EmptyPeriod_NoLines() => await Assert.That(SlurmParser.ParseUsage(Fixture.Text("sacct-usage-empty-period.txt"), CpuMemGpu)).IsEmpty();

    [Test]
    public async Task ParseUsage_HeaderLine_IsSkippedAsUnreadable()
    {
        var skipped = new List<string>();
        var lines = SlurmParser.ParseUsage(Fixture.Text("sacct-usage-with-header-and-state.txt"), CpuMemGpu, skipped);

        await Assert.That(lines.Count(l => l.Account == "hpc_alloc-1")).IsEqualTo(5);
        await Assert.That(skipped).HasSingleItem();
    }

    [Test]
    public async Task ParseUsage_Passthrough_KeepsConfiguredTres()
    {
        var line = await Assert.That(SlurmParser.ParseUsage(Fixture.Text("tests-sacct-usage-line-passthrough.txt"), CpuMemGpu)).HasSingleItem();

        await Assert.That(line.Usage.ToDictionary()).IsEquivalentTo(new Dictionary<string, double> { ["cpu"] = 6000, ["mem"] = 0, ["gres/gpu"] = 240 });
    }

    [Test]
    public async Task ParseUsage_UnknownTres_IsDropped()
    {
        await Assert.That(SlurmParser.ParseUsage(Fixture.Text("tests-sacct-usage-line-unknown-tres.txt"), CpuMemGpu)[0].Usage.Select(p => p.Key)).IsEquivalentTo(["cpu"], CollectionOrdering.Matching);
        await Assert.That(SlurmParser.ParseUsage(Fixture.Text("tests-sacct-usage-line-no-known-tres.txt"), CpuMemGpu)[0].Usage).IsEmpty();
    }

    [Test]
    public async Task ParseUsage_MappingTargets_AreKept()
    {
        var line = await Assert.That(SlurmParser.ParseUsage(Fixture.Text("tests-sacct-usage-line-mapped-components.txt"), new HashSet<string> { "node_hours", "cpu", "gpu" })).HasSingleItem();

        await Assert.That(line.Usage.ToDictionary()).IsEquivalentTo(new Dictionary<string, double> { ["cpu"] = 38400, ["gpu"] = 4800 });
    }

    [Test]
    public async Task Pitfall_SacctWithoutNoconvert_WouldMisreadMemory()
    {
        // Why --noconvert is mandatory: 1536M prints as 1.50G without it; the exact parser still reads both the same.
        var converted = SlurmParser.ParseUsage(Fixture.Text("sacct-usage-two-accounts-without-noconvert.txt"), CpuMemGpu)[2];
        var exact = SlurmParser.ParseUsage(Fixture.Text("sacct-usage-two-accounts.txt"), CpuMemGpu)[2];
        await Assert.That(converted.Usage.ToDictionary()["mem"]).IsEqualTo(exact.Usage.ToDictionary()["mem"]);
    }

    [Test]
    [Arguments("sacct-list-jobs-running.txt", new[] { "1", "1.batch" })]
    [Arguments("sacct-list-jobs-mixed-states.txt", new[] { "2", "5", "5.batch" })]
    [Arguments("sacct-list-active-jobs-none.txt", new string[0])]
    public async Task ParseJobIds_FieldZero(string fixture, string[] ids) => await Assert.That(SlurmParser.ParseJobIds(Fixture.Text(fixture))).IsEquivalentTo(ids, CollectionOrdering.Matching);
}
