using System.Text.Json;
using SiteAgent.Backends.Model;
using SiteAgent.Backends.Slurm.Tests.Support;
using static SiteAgent.Backends.Slurm.Tests.Backend.LimitsTests;

namespace SiteAgent.Backends.Slurm.Tests.Backend;

public class UsageReportTests
{
    public static TheoryData<string, double, double, double> FactorSets => new()
    {
        { "factors_1", 1, 1, 1 },
        { "factors_60_1024_60", 60, 1024, 60 },
    };

    [Theory]
    [MemberData(nameof(FactorSets))]
    public void Build_TwoAccounts_MatchesTheExpectedReport(string set, double cpu, double mem, double gpu)
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
        Assert.Equal(accounts.EnumerateObject().Select(a => a.Name).Order(), report.Resources.Keys.Order());
        foreach (var account in accounts.EnumerateObject())
        {
            var usage = report.Resources[account.Name];
            foreach (var user in account.Value.EnumerateObject())
            {
                var actual = user.Name == UsageReportBuilder.TotalKey ? usage.Total : usage.PerUser[user.Name];
                Assert.Equal(user.Value.EnumerateObject().Select(p => p.Name).Order(), actual.Keys.Order());
                foreach (var component in user.Value.EnumerateObject())
                {
                    Assert.Equal(component.Value.GetDecimal(), actual[component.Name]);
                }
            }
        }
    }

    [Fact]
    public void Build_TotalIsTheRoundedRawSum_NotTheSumOfRoundedUsers()
    {
        ComponentDefinition[] components = [Component("cpu", AccountingType.Usage, 60)];
        var mapper = new ComponentMapper(components);
        var lines = SlurmParser.ParseUsage(Fixture.Text("sacct-usage-two-accounts.txt"), UsageReportBuilder.TresKeys(components, mapper));

        var usage = UsageReportBuilder.Build(lines, ["hpc_alloc-1"], components, mapper).Resources["hpc_alloc-1"];

        Assert.Equal(0.01m, usage.PerUser["root"]["cpu"]);
        Assert.Equal(0.01m, usage.PerUser["nobody"]["cpu"]);
        Assert.Equal(0.02m, usage.Total["cpu"]);
    }

    [Fact]
    public void Build_MappingMode_RoundsToIntegers()
    {
        ComponentDefinition[] components = [Component("node_hours", AccountingType.Usage, 1, null, new TargetComponent("cpu", 64), new TargetComponent("gpu", 8))];
        var mapper = new ComponentMapper(components);
        var lines = SlurmParser.ParseUsage(Fixture.Text("tests-sacct-usage-line-mapped-components.txt"), UsageReportBuilder.TresKeys(components, mapper));

        var usage = UsageReportBuilder.Build(lines, ["account1"], components, mapper).Resources["account1"];

        Assert.Equal(1200m, usage.Total["node_hours"]);
        Assert.Equal(1200m, usage.PerUser["user1"]["node_hours"]);
    }

    [Fact]
    public void Build_KeysAreTheRequestedIdsEvenWhenSlurmFoldedThem()
    {
        ComponentDefinition[] components = [Component("cpu", AccountingType.Usage)];
        var mapper = new ComponentMapper(components);
        var lines = SlurmParser.ParseUsage(Fixture.Text("sacct-usage-two-accounts.txt"), UsageReportBuilder.TresKeys(components, mapper));

        var report = UsageReportBuilder.Build(lines, ["HPC_Alloc-2"], components, mapper);

        Assert.Equal(["HPC_Alloc-2"], report.Resources.Keys);
    }

    [Theory]
    [InlineData(2.675, 2.67)]
    [InlineData(12.135, 12.13)]
    [InlineData(12.145, 12.14)]
    [InlineData(0.3475, 0.35)]
    [InlineData(0.125, 0.12)]
    [InlineData(0.375, 0.38)]
    [InlineData(0.9833333333333334, 0.98)]
    [InlineData(-1.005, -1.0)]
    [InlineData(0.0, 0.0)]
    public void RoundLikePython_ExactBinaryValueHalfEven(double value, double expected) =>
        Assert.Equal((decimal)expected, UsageReportBuilder.RoundLikePython(value, 2));
}
