using SiteAgent.IntegrationTests.Infrastructure;
using SiteAgent.Waldur.Emulator.Faults;

namespace SiteAgent.IntegrationTests;

/// <summary>
/// Usage reporting end to end: real jobs on accounts the agent created, the AOT agent in report mode,
/// the emulator receiving usage equal to sacct's own records converted by hand.
/// </summary>
[NotInParallel(JobsGroup.Key)]
public class ReportTests
{
    [Test]
    public async Task RealJobs_UsageEqualsSacctByHand_FailuresMidReportLeaveNoDuplicate_SecondRunSendsNothing()
    {
        var scenario = new TestScenario(siteUsernames: ["nobody", "daemon"], usageInMinutes: true);
        var first = scenario.AddCreateOrder("Usage One", cpu: 1, state: "executing");
        var second = scenario.AddCreateOrder("Usage Two", cpu: 1, state: "executing");
        await using var harness = await AgentHarness.StartAsync(scenario);
        var recorder = SacctmgrRecorder.Create(harness.Directory);
        harness.WriteConfig(new Dictionary<string, string> { ["slurm_bin_path"] = $"\"{recorder.BinPath}\"" });
        var created = await harness.RunAgentOnceAsync();
        await Assert.That(created.ExitCode).IsEqualTo(0).Because(created.ToString());
        var resources = new[] { await harness.OrderResourceAsync(first), await harness.OrderResourceAsync(second) };
        var accounts = new List<string>();
        foreach (var resource in resources)
        {
            accounts.Add((await harness.ResourceAsync(resource)).GetProperty("backend_id").GetString()!);
        }

        await Assert.That(await SlurmCluster.UsersAsync(accounts[0])).IsEquivalentTo(["daemon", "nobody"], CollectionOrdering.Matching);
        var jobs = new[]
        {
            await TestJobs.SubmitAsync(accounts[0], "nobody", cpus: 2, memoryMb: 200, seconds: 5),
            await TestJobs.SubmitAsync(accounts[0], "daemon", cpus: 1, memoryMb: 100, seconds: 3),
            await TestJobs.SubmitAsync(accounts[1], "nobody", cpus: 1, memoryMb: 150, seconds: 4),
        };
        var records = await TestJobs.WaitForRecordsAsync(jobs, accounts);

        // Waldur fails in the middle: a per-user submission is applied but answered 503, a total is applied but its answer lost.
        harness.Emulator.Faults.Add(new FaultRule { Path = "/api/marketplace-component-usages/*/set_user_usages/", Times = 1, Status = 503, AfterHandling = true });
        harness.Emulator.Faults.Add(new FaultRule { Path = "/api/marketplace-component-usages/set_usage/", Times = 1, Drop = true, AfterHandling = true });
        var invocations = recorder.Invocations().Count;
        var report = await harness.RunModeOnceAsync("report");

        await Assert.That(report.ExitCode).IsEqualTo(0).Because(report.ToString());
        var sacct = recorder.Invocations().Skip(invocations).Where(i => i.Contains("/sacct ", StringComparison.Ordinal)).ToList();
        // One sacct per billing period (current and previous month) for both accounts together.
        await Assert.That(sacct.Count).IsEqualTo(2);
        foreach (var call in sacct)
        {
            var queried = call.Split(' ').Single(a => a.StartsWith("--accounts=", StringComparison.Ordinal))["--accounts=".Length..].Split(',');
            await Assert.That(queried.Order()).IsEquivalentTo(accounts.Order(), CollectionOrdering.Matching).Because(call);
        }
        for (var i = 0; i < resources.Length; i++)
        {
            var mine = records.Where(r => r.Account == accounts[i]).ToList();
            var received = Received(harness, resources[i]);
            await Assert.That(received.Totals["cpu"]).IsEqualTo(Round(mine.Sum(r => r.Cpus * r.ElapsedSeconds / 60m)));
            await Assert.That(received.Totals["mem"]).IsEqualTo(Round(mine.Sum(r => Math.Floor(r.MemoryMb * r.ElapsedSeconds / 60m))));
            foreach (var user in mine.GroupBy(r => r.User))
            {
                await Assert.That(received.Users[("cpu", user.Key)].Usage).IsEqualTo(Round(user.Sum(r => r.Cpus * r.ElapsedSeconds / 60m)));
                await Assert.That(received.Users[("mem", user.Key)].Usage).IsEqualTo(Round(user.Sum(r => Math.Floor(r.MemoryMb * r.ElapsedSeconds / 60m))));
                await Assert.That(received.Users[("cpu", user.Key)].OfferingUser).IsEqualTo(user.Key);
            }
        }

        // No duplicate record anywhere although two writes were answered with failures.
        await Assert.That(harness.Emulator.Read(s => s.ComponentUsages.GroupBy(u => (u.Resource.Uuid, u.Component.Type, u.BillingPeriod)).Max(g => g.Count()))).IsEqualTo(1);
        await Assert.That(harness.Emulator.Read(s => s.ComponentUserUsages.GroupBy(u => (u.ComponentUsage.Uuid, u.Username)).Max(g => g.Count()))).IsEqualTo(1);

        var before = UsageWrites(harness);
        var again = await harness.RunModeOnceAsync("report");

        await Assert.That(again.ExitCode).IsEqualTo(0).Because(again.ToString());
        await Assert.That(UsageWrites(harness)).IsEqualTo(before);
        harness.AssertNoContractViolations();
    }

    [Test]
    public async Task TickLoop_SecondCycleWithNothingNew_WritesNothing()
    {
        var scenario = new TestScenario(usageInMinutes: true);
        scenario.AddCreateOrder("Idle", cpu: 1, state: "executing");
        await using var harness = await AgentHarness.StartAsync(scenario);
        await Assert.That((await harness.RunAgentOnceAsync()).ExitCode).IsEqualTo(0);

        var since = harness.Emulator.Requests.Count;
        using var agent = harness.StartDaemon("report", "0.03");
        await Assert.That(await Testing.RunningProcess.WaitUntilAsync(() => Task.FromResult(Cycles(agent) >= 2), TimeSpan.FromSeconds(120))).IsTrue().Because(agent.Output + agent.Error);
        agent.Signal(15);
        var outcome = await agent.WaitAsync(TimeSpan.FromSeconds(30));

        await Assert.That(outcome.ExitCode).IsEqualTo(0);
        // The idle account's zero usage was submitted once, by the first cycle; the second wrote nothing.
        await Assert.That(harness.CycleRequests(0, since).Count(r => r.Method == "POST" && r.Path.EndsWith("/set_usage/", StringComparison.Ordinal))).IsEqualTo(1);
        var second = harness.CycleRequests(1, since);
        await Assert.That(second.Any(r => r.Path.StartsWith("/api/marketplace-component-usages/", StringComparison.Ordinal))).IsTrue();
        await Assert.That(second.Where(r => r.Method is "POST" or "PUT" or "PATCH" or "DELETE")).IsEmpty();
    }

    private static int Cycles(Testing.RunningProcess agent) =>
        agent.Output.Split('\n').Count(l => l.Contains("Report cycle finished", StringComparison.Ordinal));

    private static decimal Round(decimal value) => decimal.Round(value, 2, MidpointRounding.ToEven);

    private static int UsageWrites(AgentHarness harness) => harness.Emulator.Requests.Count(r => r.Method == "POST" && r.Path.Contains("/marketplace-component-usages/", StringComparison.Ordinal));

    private static (Dictionary<string, decimal> Totals, Dictionary<(string Type, string User), (decimal Usage, string? OfferingUser)> Users) Received(AgentHarness harness, Guid resource)
    {
        var uuid = resource.ToString("N");
        var month = new DateOnly(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1);
        return harness.Emulator.Read(s => (
            s.ComponentUsages.Where(u => u.Resource.Uuid == uuid && u.BillingPeriod == month).ToDictionary(u => u.Component.Type, u => u.Usage),
            s.ComponentUserUsages.Where(u => u.ComponentUsage.Resource.Uuid == uuid && u.ComponentUsage.BillingPeriod == month)
                .ToDictionary(u => (u.ComponentUsage.Component.Type, u.Username), u => (u.Usage, u.OfferingUser?.Username))));
    }
}
