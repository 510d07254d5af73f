using System.Text.Json;
using SiteAgent.Core.Observability;
using SiteAgent.Core.Tests.Support;
using SiteAgent.Testing;
using SiteAgent.Waldur.Emulator.Faults;
using static SiteAgent.Core.Tests.Reporting.ReportScenario;

namespace SiteAgent.Core.Tests.Reporting;

/// <summary>The report cycle with the real SLURM backend over captured sacct output, against the emulator.</summary>
public sealed class UsageReportCycleTests
{
    [Fact]
    public async Task Report_CaptureOfTwoAccounts_SubmitsTheExpectedTotalsAndPerUserUsage()
    {
        var slurm = Slurm();
        await using var world = await AgentWorld.StartAsync(Yaml(), AgentConfig(), slurm, November);

        var totals = await world.ReportAsync();

        using var expected = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Combine("tests", "SiteAgent.Backends.Slurm.Tests", "Fixtures", "expected-usage-report.two-accounts.json")));
        foreach (var (resource, account) in new[] { (Alloc1, "hpc_alloc-1"), (Alloc2, "hpc_alloc-2") })
        {
            var report = expected.RootElement.GetProperty("factors_1").GetProperty(account);
            Assert.Equal(
                report.GetProperty("TOTAL_ACCOUNT_USAGE").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDecimal()),
                world.Totals(resource));
            var users = world.UserUsages(resource);
            foreach (var user in report.EnumerateObject().Where(u => u.Name != "TOTAL_ACCOUNT_USAGE"))
            {
                foreach (var component in user.Value.EnumerateObject())
                {
                    Assert.Equal(component.Value.GetDecimal(), users[(component.Name, user.Name)].Usage);
                }
            }
        }

        // Per-user usage of a SLURM user without an offering user is stored by name only; nobody is linked.
        Assert.Equal("nobody", world.UserUsages(Alloc1)[("cpu", "nobody")].OfferingUser);
        Assert.Null(world.UserUsages(Alloc1)[("cpu", "root")].OfferingUser);
        Assert.Equal((2, 0, 0), (totals.Submitted, totals.Anomalies, totals.Failed));
        // October printed nothing: an idle past month sends nothing.
        Assert.Empty(world.Totals(Alloc1, month: 10));
        // One sacct per period for both accounts, and no existence read: both accounts had lines.
        Assert.Equal(2, slurm.Count("sacct"));
        Assert.All(slurm.Commands.Where(c => c.Program.EndsWith("sacct", StringComparison.Ordinal)),
            c => Assert.Equal(["hpc_alloc-1", "hpc_alloc-2"], c.Arguments.Single(a => a.StartsWith("--accounts=", StringComparison.Ordinal))["--accounts=".Length..].Split(',').Order()));
        Assert.Equal(1, slurm.Commands.Count(c => c.Program.EndsWith("sacctmgr", StringComparison.Ordinal)));
        world.AssertNoContractViolations();
    }

    [Fact]
    public async Task SecondCycle_NothingChanged_SendsNoWrite()
    {
        await using var world = await AgentWorld.StartAsync(Yaml(), AgentConfig(), Slurm(), November);
        await world.ReportAsync();
        var before = world.Emulator.Requests.Count(r => r.Method == "POST");

        var again = await world.ReportAsync();

        Assert.Equal(before, world.Emulator.Requests.Count(r => r.Method == "POST"));
        Assert.Equal((0, 2, 0), (again.Submitted, again.Unchanged, again.UserUsages));
    }

    [Fact]
    public async Task Decrease_IsAnAnomaly_TotalAndPerUserUsageHeldBack()
    {
        var held = """
            component_usages:
              - {resource: a1a1a1a1a1a14a1a8a1a1a1a1a1a1a01, type: cpu, billing_period: 2026-11-01, usage: 5.5}
            """;
        await using var world = await AgentWorld.StartAsync(Yaml(extraSections: held), AgentConfig(), Slurm(), November);

        var totals = await world.ReportAsync();

        Assert.Equal(1, totals.Anomalies);
        Assert.Equal(new Dictionary<string, decimal> { ["cpu"] = 5.5m }, world.Totals(Alloc1));
        Assert.Empty(world.UserUsages(Alloc1));
        Assert.Contains(world.Logs.Messages(LogEvents.UsageAnomaly), m => m.Contains("would go down from 5.5 to 0.98", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnknownAndIdleAccounts_UnknownIsALogLine_IdleReportsZero()
    {
        var slurm = Slurm();
        slurm.Accounts.Add("hpc_idle");
        var extra = """
              - {uuid: a3a3a3a3a3a34a3a8a3a3a3a3a3a3a03, name: Idle, offering: cluster, project: proj, plan: Default, state: Terminating, backend_id: hpc_idle}
              - {uuid: a4a4a4a4a4a44a4a8a4a4a4a4a4a4a04, name: Gone, offering: cluster, project: proj, plan: Default, state: OK, backend_id: hpc_gone}
              - {uuid: a5a5a5a5a5a54a5a8a5a5a5a5a5a5a05, name: Erred, offering: cluster, project: proj, plan: Default, state: Erred, backend_id: hpc_alloc-1}
            """;
        await using var world = await AgentWorld.StartAsync(Yaml(extra), AgentConfig(periods: 1), slurm, November);

        await world.ReportAsync();

        Assert.Equal(new Dictionary<string, decimal> { ["cpu"] = 0, ["mem"] = 0, ["gres/gpu"] = 0 }, world.Totals("a3a3a3a3a3a34a3a8a3a3a3a3a3a3a03"));
        Assert.Empty(world.Totals("a4a4a4a4a4a44a4a8a4a4a4a4a4a4a04"));
        Assert.Contains(world.Logs.Messages(LogEvents.ReportResourceUnknown), m => m.Contains("hpc_gone", StringComparison.Ordinal));
        // Erred resources are not reported.
        Assert.Empty(world.Totals("a5a5a5a5a5a54a5a8a5a5a5a5a5a5a05"));
        // The idle and the missing account are told apart by one association read.
        Assert.Single(slurm.Commands, c => c.Program.EndsWith("sacctmgr", StringComparison.Ordinal)
            && c.Arguments.Any(a => a is "account=hpc_idle,hpc_gone" or "account=hpc_gone,hpc_idle"));
    }

    [Fact]
    public async Task SacctFailsForThePastMonth_CauseIsLogged_CurrentMonthStillReported()
    {
        var slurm = Slurm();
        slurm.FailingMonths["2026-10"] = "sacct: error: Problem talking to the database: Connection refused\n";
        await using var world = await AgentWorld.StartAsync(Yaml(), AgentConfig(), slurm, November);

        var totals = await world.ReportAsync();

        Assert.Equal(2, totals.Submitted);
        Assert.NotEmpty(world.Totals(Alloc1));
        // The batch failed, then the accounts one by one; the cause is in the log.
        Assert.Contains(world.Logs.Messages(LogEvents.ReportResourceFailed), m => m.Contains("Connection refused", StringComparison.Ordinal) && m.Contains("2026-10", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SacctFailsForOneAccount_TheOtherAccountStillReports()
    {
        var slurm = Slurm();
        slurm.FailingAccount = "hpc_alloc-2";
        await using var world = await AgentWorld.StartAsync(Yaml(), AgentConfig(periods: 1), slurm, November);

        var totals = await world.ReportAsync();

        Assert.Equal((1, 1), (totals.Submitted, totals.Failed));
        Assert.NotEmpty(world.Totals(Alloc1));
        Assert.Empty(world.Totals(Alloc2));
        Assert.Contains(world.Logs.Messages(LogEvents.ReportResourceFailed), m => m.Contains("hpc_alloc-2", StringComparison.Ordinal) && m.Contains("Unspecified error", StringComparison.Ordinal));
        // One batch, then one read per account.
        Assert.Equal(3, slurm.Count("sacct"));
    }

    [Fact]
    public async Task MonthEndsDuringTheRead_CurrentMonthWaits_PastMonthReported()
    {
        var slurm = Slurm();
        slurm.Usage["2026-10"] = SacctCapture.Replace("00:00:30", "00:01:30", StringComparison.Ordinal);
        await using var world = await AgentWorld.StartAsync(Yaml(), AgentConfig(), slurm, new DateTimeOffset(2026, 11, 30, 23, 59, 58, TimeSpan.Zero));
        slurm.OnSacct = month => world.Clock.Now = month == "2026-11" ? new DateTimeOffset(2026, 12, 1, 0, 0, 1, TimeSpan.Zero) : world.Clock.Now;

        await world.ReportAsync();

        Assert.Empty(world.Totals(Alloc1, month: 11));
        Assert.Equal(1.98m, world.Totals(Alloc1, month: 10)["cpu"]);
        Assert.Single(world.Logs.Messages(LogEvents.ReportMonthRolledOver));
    }

    [Fact]
    public async Task PastMonthClosed_IsBenign_OtherRejectionIsAWarning_CurrentMonthReported()
    {
        var slurm = Slurm();
        slurm.Usage["2026-10"] = SacctCapture;
        await using var world = await AgentWorld.StartAsync(Yaml(), AgentConfig(), slurm, November);
        slurm.OnSacct = month =>
        {
            if (month == "2026-10")
            {
                world.Emulator.Faults.Add(new FaultRule { Path = "/api/marketplace-component-usages/set_usage/", Times = 1, Status = 400,
                    Body = JsonSerializer.SerializeToNode(new { non_field_errors = new[] { "Usage reporting for backfilling past billing periods is disabled." } }) });
                world.Emulator.Faults.Add(new FaultRule { Path = "/api/marketplace-component-usages/set_usage/", Times = 1, Status = 400,
                    Body = JsonSerializer.SerializeToNode(new { date = new[] { "Billing period is closed." } }) });
            }
        };

        var totals = await world.ReportAsync();

        Assert.NotEmpty(world.Totals(Alloc1, month: 11));
        Assert.Empty(world.Totals(Alloc1, month: 10));
        Assert.Single(world.Logs.Messages(LogEvents.PastPeriodClosed));
        Assert.Contains(world.Logs.Messages(LogEvents.PastPeriodRejected), m => m.Contains("Billing period is closed", StringComparison.Ordinal));
        Assert.Equal((2, 1, 1), (totals.Submitted, totals.Skipped, totals.Failed));
    }

    [Theory]
    [InlineData(503, false)]
    [InlineData(429, false)]
    [InlineData(0, true)]
    [InlineData(502, true)]
    public async Task WaldurFailsMidReport_RetriedFromAFreshRead_NoDuplicateNoPartialRecord(int status, bool applied)
    {
        await using var world = await AgentWorld.StartAsync(Yaml(), AgentConfig(periods: 1), Slurm(), November);
        // The second per-user submission fails: refused (applied = false) or taken but its answer lost (applied = true).
        world.Emulator.Faults.Add(new FaultRule { Path = "/api/marketplace-component-usages/*/set_user_usages/", Times = 1, Status = status == 0 ? null : status, Drop = status == 0, AfterHandling = applied });
        world.Emulator.Faults.Add(new FaultRule { Path = "/api/marketplace-component-usages/set_usage/", Times = 1, Drop = true, AfterHandling = true });

        var first = await world.ReportAsync();
        var second = await world.ReportAsync();

        Assert.Equal(0, first.Failed);
        var records = world.Emulator.Read(s => s.ComponentUsages.GroupBy(u => (u.Resource.Uuid, u.Component.Type)).Select(g => g.Count()).ToList());
        Assert.All(records, count => Assert.Equal(1, count));
        var userRecords = world.Emulator.Read(s => s.ComponentUserUsages.GroupBy(u => (u.ComponentUsage.Uuid, u.Username)).Select(g => g.Count()).ToList());
        Assert.All(userRecords, count => Assert.Equal(1, count));
        Assert.Equal(11, userRecords.Count);
        Assert.Equal(0.98m, world.Totals(Alloc1)["cpu"]);
        Assert.Equal((0, 0), (second.Submitted, second.UserUsages));
    }
}
