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
    [Arguments(2.675, 2.67)]
    [Arguments(12.135, 12.13)]
    [Arguments(12.145, 12.14)]
    [Arguments(0.3475, 0.35)]
    [Arguments(0.125, 0.12)]
    [Arguments(0.375, 0.38)]
    [Arguments(0.9833333333333334, 0.98)]
    [Arguments(-1.005, -1.0)]
    [Arguments(0.0, 0.0)]
    public async Task RoundLikePython_ExactBinaryValueHalfEven(double value, double expected) =>
        await Assert.That(UsageReportBuilder.RoundLikePython(value, 2)).IsEqualTo((decimal)expected);
}
