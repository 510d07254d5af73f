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
    [Test]
    public async Task Report_CaptureOfTwoAccounts_SubmitsTheExpectedTotalsAndPerUserUsage()
    {
        var slurm = Slurm();
        await using var world = await AgentWorld.StartAsync(Yaml(), AgentConfig(), slurm, November);

        var totals = await world.ReportAsync();

        using var expected = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Combine("tests", "SiteAgent.Backends.Slurm.Tests", "Fixtures", "expected-usage-report.two-accounts.json")));
        foreach (var (resource, account) in new[] { (Alloc1, "hpc_alloc-1"), (Alloc2, "hpc_alloc-2") })
        {
            var report = expected.RootElement.GetProperty("factors_1").GetProperty(account);
            await Assert.That(world.Totals(resource))
                .IsEquivalentTo(report.GetProperty("TOTAL_ACCOUNT_USAGE").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDecimal()));
            var users = world.UserUsages(resource);
            foreach (var user in report.EnumerateObject().Where(u => u.Name != "TOTAL_ACCOUNT_USAGE"))
            {
                foreach (var component in user.Value.EnumerateObject())
                {
                    await Assert.That(users[(component.Name, user.Name)].Usage).IsEqualTo(component.Value.GetDecimal());
                }
            }
        }

        // Per-user usage of a SLURM user without an offering user is stored by name only; nobody is linked.
        await Assert.That(world.UserUsages(Alloc1)[("cpu", "nobody")].OfferingUser).IsEqualTo("nobody");
        await Assert.That(world.UserUsages(Alloc1)[("cpu", "root")].OfferingUser).IsNull();
        await Assert.That((totals.Submitted, totals.Anomalies, totals.Failed)).IsEqualTo((2, 0, 0));
        // October printed nothing: an idle past month sends nothing.
        await Assert.That(world.Totals(Alloc1, month: 10)).IsEmpty();
        // One sacct per period for both accounts, and no existence read: both accounts had lines.
        await Assert.That(slurm.Count("sacct")).IsEqualTo(2);
        foreach (var sacct in slurm.Commands.Where(c => c.Program.EndsWith("sacct", StringComparison.Ordinal)))
        {
            await Assert.That(sacct.Arguments.Single(a => a.StartsWith("--accounts=", StringComparison.Ordinal))["--accounts=".Length..].Split(',').Order())
                .IsEquivalentTo(["hpc_alloc-1", "hpc_alloc-2"], CollectionOrdering.Matching);
        }

        await Assert.That(slurm.Commands.Count(c => c.Program.EndsWith("sacctmgr", StringComparison.Ordinal))).IsEqualTo(1);
        await world.AssertNoContractViolationsAsync();
    }

    [Test]
    public async Task SecondCycle_NothingChanged_SendsNoWrite()
    {
        await using var world = await AgentWorld.StartAsync(Yaml(), AgentConfig(), Slurm(), November);
        await world.ReportAsync();
        var before = world.Emulator.Requests.Count(r => r.Method == "POST");

        var again = await world.ReportAsync();

        await Assert.That(world.Emulator.Requests.Count(r => r.Method == "POST")).IsEqualTo(before);
        await Assert.That((again.Submitted, again.Unchanged, again.UserUsages)).IsEqualTo((0, 2, 0));
    }

    [Test]
    public async Task Decrease_IsAnAnomaly_TotalAndPerUserUsageHeldBack()
    {
        var held = """
            component_usages:
              - {resource: a1a1a1a1a1a14a1a8a1a1a1a1a1a1a01, type: cpu, billing_period: 2026-11-01, usage: 5.5}
            """;
        await using var world = await AgentWorld.StartAsync(Yaml(extraSections: held), AgentConfig(), Slurm(), November);

        var totals = await world.ReportAsync();

        await Assert.That(totals.Anomalies).IsEqualTo(1);
        await Assert.That(world.Totals(Alloc1)).IsEquivalentTo(new Dictionary<string, decimal> { ["cpu"] = 5.5m });
        await Assert.That(world.UserUsages(Alloc1)).IsEmpty();
        await Assert.That(world.Logs.Messages(LogEvents.UsageAnomaly).Any(m => m.Contains("would go down from 5.5 to 0.98", StringComparison.Ordinal))).IsTrue();
    }

    [Test]
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

        await Assert.That(world.Totals("a3a3a3a3a3a34a3a8a3a3a3a3a3a3a03")).IsEquivalentTo(new Dictionary<string, decimal> { ["cpu"] = 0, ["mem"] = 0, ["gres/gpu"] = 0 });
        await Assert.That(world.Totals("a4a4a4a4a4a44a4a8a4a4a4a4a4a4a04")).IsEmpty();
        await Assert.That(world.Logs.Messages(LogEvents.ReportResourceUnknown).Any(m => m.Contains("hpc_gone", StringComparison.Ordinal))).IsTrue();
        // Erred resources are not reported.
        await Assert.That(world.Totals("a5a5a5a5a5a54a5a8a5a5a5a5a5a5a05")).IsEmpty();
        // The idle and the missing account are told apart by one association read.
        await Assert.That(slurm.Commands.Where(c => c.Program.EndsWith("sacctmgr", StringComparison.Ordinal)
            && c.Arguments.Any(a => a is "account=hpc_idle,hpc_gone" or "account=hpc_gone,hpc_idle"))).HasSingleItem();
    }

    [Test]
    public async Task SacctFailsForThePastMonth_CauseIsLogged_CurrentMonthStillReported()
    {
        var slurm = Slurm();
        slurm.FailingMonths["2026-10"] = "sacct: error: Problem talking to the database: Connection refused\n";
        await using var world = await AgentWorld.StartAsync(Yaml(), AgentConfig(), slurm, November);

        var totals = await world.ReportAsync();

        await Assert.That(totals.Submitted).IsEqualTo(2);
        await Assert.That(world.Totals(Alloc1)).IsNotEmpty();
        // The batch failed, then the accounts one by one; the cause is in the log.
        await Assert.That(world.Logs.Messages(LogEvents.ReportResourceFailed)
            .Any(m => m.Contains("Connection refused", StringComparison.Ordinal) && m.Contains("2026-10", StringComparison.Ordinal))).IsTrue();
    }

    [Test]
    public async Task SacctFailsForOneAccount_TheOtherAccountStillReports()
    {
        var slurm = Slurm();
        slurm.FailingAccount = "hpc_alloc-2";
        await using var world = await AgentWorld.StartAsync(Yaml(), AgentConfig(periods: 1), slurm, November);

        var totals = await world.ReportAsync();

        await Assert.That((totals.Submitted, totals.Failed)).IsEqualTo((1, 1));
        await Assert.That(world.Totals(Alloc1)).IsNotEmpty();
        await Assert.That(world.Totals(Alloc2)).IsEmpty();
        await Assert.That(world.Logs.Messages(LogEvents.ReportResourceFailed)
            .Any(m => m.Contains("hpc_alloc-2", StringComparison.Ordinal) && m.Contains("Unspecified error", StringComparison.Ordinal))).IsTrue();
        // One batch, then one read per account.
        await Assert.That(slurm.Count("sacct")).IsEqualTo(3);
    }

    [Test]
    public async Task MonthEndsDuringTheRead_CurrentMonthWaits_PastMonthReported()
    {
        var slurm = Slurm();
        slurm.Usage["2026-10"] = SacctCapture.Replace("00:00:30", "00:01:30", StringComparison.Ordinal);
        await using var world = await AgentWorld.StartAsync(Yaml(), AgentConfig(), slurm, new DateTimeOffset(2026, 11, 30, 23, 59, 58, TimeSpan.Zero));
        slurm.OnSacct = month => world.Clock.Now = month == "2026-11" ? new DateTimeOffset(2026, 12, 1, 0, 0, 1, TimeSpan.Zero) : world.Clock.Now;

        await world.ReportAsync();

        await Assert.That(world.Totals(Alloc1, month: 11)).IsEmpty();
        await Assert.That(world.Totals(Alloc1, month: 10)["cpu"]).IsEqualTo(1.98m);
        await Assert.That(world.Logs.Messages(LogEvents.ReportMonthRolledOver)).HasSingleItem();
    }

    [Test]
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

        await Assert.That(world.Totals(Alloc1, month: 11)).IsNotEmpty();
        await Assert.That(world.Totals(Alloc1, month: 10)).IsEmpty();
        await Assert.That(world.Logs.Messages(LogEvents.PastPeriodClosed)).HasSingleItem();
        await Assert.That(world.Logs.Messages(LogEvents.PastPeriodRejected).Any(m => m.Contains("Billing period is closed", StringComparison.Ordinal))).IsTrue();
        await Assert.That((totals.Submitted, totals.Skipped, totals.Failed)).IsEqualTo((2, 1, 1));
    }

    [Test]
    [Arguments(503, false)]
    [Arguments(429, false)]
    [Arguments(0, true)]
    [Arguments(502, true)]
    public async Task WaldurFailsMidReport_RetriedFromAFreshRead_NoDuplicateNoPartialRecord(int status, bool applied)
    {
        await using var world = await AgentWorld.StartAsync(Yaml(), AgentConfig(periods: 1), Slurm(), November);
        // The second per-user submission fails: refused (applied = false) or taken but its answer lost (applied = true).
        world.Emulator.Faults.Add(new FaultRule { Path = "/api/marketplace-component-usages/*/set_user_usages/", Times = 1, Status = status == 0 ? null : status, Drop = status == 0, AfterHandling = applied });
        world.Emulator.Faults.Add(new FaultRule { Path = "/api/marketplace-component-usages/set_usage/", Times = 1, Drop = true, AfterHandling = true });

        var first = await world.ReportAsync();
        var second = await world.ReportAsync();

        await Assert.That(first.Failed).IsEqualTo(0);
        var records = world.Emulator.Read(s => s.ComponentUsages.GroupBy(u => (u.Resource.Uuid, u.Component.Type)).Select(g => g.Count()).ToList());
        await Assert.That(records.All(count => count == 1)).IsTrue().Because("a component usage record was duplicated");
        var userRecords = world.Emulator.Read(s => s.ComponentUserUsages.GroupBy(u => (u.ComponentUsage.Uuid, u.Username)).Select(g => g.Count()).ToList());
        await Assert.That(userRecords.All(count => count == 1)).IsTrue().Because("a per-user usage record was duplicated");
        await Assert.That(userRecords.Count).IsEqualTo(11);
        await Assert.That(world.Totals(Alloc1)["cpu"]).IsEqualTo(0.98m);
        await Assert.That((second.Submitted, second.UserUsages)).IsEqualTo((0, 0));
    }
}
