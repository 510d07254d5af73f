using System.Text.Json;
using SiteAgent.Backends.Model;
using SiteAgent.Backends.Slurm.Tests.Support;
using static SiteAgent.Backends.Slurm.Tests.Backend.LimitsTests;

namespace SiteAgent.Backends.Slurm.Tests.Backend;

public class UsageReportTests
{
    public static IEnumerable<(string, double, double, double)> FactorSets =>
    [
        ("factors_1", 1, 1, 1),
        ("factors_60_1024_60", 60, 1024, 60),
    ];

    [Test]
    [MethodDataSource(nameof(FactorSets))]
    public async Task Build_TwoAccounts_MatchesTheExpectedReport(string set, double cpu, double mem, double gpu)
    {
        ComponentDefinition[] components =
        [
            Component("cpu", AccountingType.Usage, (decimal)cpu),
            Component("mem", AccountingType.Usage, (decimal)mem),
            Component("gres/gpu", AccountingType.Usage, (decimal)gpu),
        ];
        var mapper = new ComponentMapper(components);
        var lines = SlurmParser.ParseUsage(Fixture.Text("sacct-usage-two-accounts.txt"), UsageReportBuilder.TresKeys(components, mapper));

        var report = UsageReportBuilder.Build(lines, ["hpc_alloc-1", "hpc_alloc-2"], components, mapper);

        using var expected = JsonDocument.Parse(Fixture.Text("expected-usage-report.two-accounts.json"));
        var accounts = expected.RootElement.GetProperty(set);
        await Assert.That(report.Resources.Keys.Order()).IsEquivalentTo(accounts.EnumerateObject().Select(a => a.Name).Order(), CollectionOrdering.Matching);
        foreach (var account in accounts.EnumerateObject())
        {
            var usage = report.Resources[account.Name];
            foreach (var user in account.Value.EnumerateObject())
            {
                var actual = user.Name == UsageReportBuilder.TotalKey ? usage.Total : usage.PerUser[user.Name];
                await Assert.That(actual.Keys.Order()).IsEquivalentTo(user.Value.EnumerateObject().Select(p => p.Name).Order(), CollectionOrdering.Matching);
                foreach (var component in user.Value.EnumerateObject())
                {
                    await Assert.That(actual[component.Name]).IsEqualTo(component.Value.GetDecimal());
                }
            }
        }
    }

    [Test]
    public async Task Build_TotalIsTheRoundedRawSum_NotTheSumOfRoundedUsers()
    {
        ComponentDefinition[] components = [Component("cpu", AccountingType.Usage, 60)];
        var mapper = new ComponentMapper(components);
        var lines = SlurmParser.ParseUsage(Fixture.Text("sacct-usage-two-accounts.txt"), UsageReportBuilder.TresKeys(components, mapper));

        var usage = UsageReportBuilder.Build(lines, ["hpc_alloc-1"], components, mapper).Resources["hpc_alloc-1"];

        await Assert.That(usage.PerUser["root"]["cpu"]).IsEqualTo(0.01m);
        await Assert.That(usage.PerUser["nobody"]["cpu"]).IsEqualTo(0.01m);
        await Assert.That(usage.Total["cpu"]).IsEqualTo(0.02m);
    }

    [Test]
    public async Task Build_MappingMode_RoundsToIntegers()
    {
        ComponentDefinition[] components = [Component("node_hours", AccountingType.Usage, 1, null, new TargetComponent("cpu", 64), new TargetComponent("gpu", 8))];
        var mapper = new ComponentMapper(components);
        var lines = SlurmParser.ParseUsage(Fixture.Text("tests-sacct-usage-line-mapped-components.txt"), UsageReportBuilder.TresKeys(components, mapper));

        var usage = UsageReportBuilder.Build(lines, ["account1"], components, mapper).Resources["account1"];

        await Assert.That(usage.Total["node_hours"]).IsEqualTo(1200m);
        await Assert.That(usage.PerUser["user1"]["node_hours"]).IsEqualTo(1200m);
    }

    [Test]
    public async Task Build_KeysAreTheRequestedIdsEvenWhenSlurmFoldedThem()
    {
        ComponentDefinition[] components = [Component("cpu", AccountingType.Usage)];
        var mapper = new ComponentMapper(components);
        var lines = SlurmParser.ParseUsage(Fixture.Text("sacct-usage-two-accounts.txt"), UsageReportBuilder.TresKeys(components, mapper));

        var report = UsageReportBuilder.Build(lines, ["HPC_Alloc-2"], components, mapper);

        await Assert.That(report.Resources.Keys).IsEquivalentTo(["HPC_Alloc-2"], CollectionOrdering.Matching);
    }

    [Test]
    [Arguments("00:00:18", "0.00")]
    [Arguments("00:00:54", "0.02")]
    [Arguments("00:01:30", "0.02")]
    [Arguments("00:00:30", "0.01")]
    public async Task Build_HalfCentTotals_RoundHalfEvenOnTheExactDecimal(string elapsed, string expected)
    {
        // 1 CPU for 18 s is exactly 0.005 CPU-hours: decimal arithmetic sees the tie and rounds it to the
        // even 0.00. The reference rounds binary doubles, which are not exactly on the half cent and may
        // land on either side of it.
        ComponentDefinition[] components = [Component("cpu", AccountingType.Usage, 60)];
        var mapper = new ComponentMapper(components);
        var lines = SlurmParser.ParseUsage($"acct|billing=1,cpu=1,node=1|{elapsed}|alice\n", UsageReportBuilder.TresKeys(components, mapper));

        var usage = UsageReportBuilder.Build(lines, ["acct"], components, mapper).Resources["acct"];

        await Assert.That(usage.Total["cpu"]).IsEqualTo(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Test]
    public async Task Build_ValuesAreExactDecimals_NoBinaryArtefacts()
    {
        // 3 jobs of 0.1 CPU-hour each: 0.30000000000000004 in doubles, 0.3 here.
        ComponentDefinition[] components = [Component("cpu", AccountingType.Usage, 60)];
        var mapper = new ComponentMapper(components);
        var lines = SlurmParser.ParseUsage("acct|cpu=1|00:06:00|a\nacct|cpu=1|00:06:00|a\nacct|cpu=1|00:06:00|a\n", UsageReportBuilder.TresKeys(components, mapper));

        var usage = UsageReportBuilder.Build(lines, ["acct"], components, mapper).Resources["acct"];

        await Assert.That(usage.Total["cpu"]).IsEqualTo(0.3m);
        await Assert.That(usage.PerUser["a"]["cpu"]).IsEqualTo(0.3m);
    }
}
