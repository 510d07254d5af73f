using SiteAgent.IntegrationTests.Infrastructure;
using SiteAgent.Waldur.Emulator.Faults;

namespace SiteAgent.IntegrationTests;

/// <summary>
/// Usage reporting end to end: real jobs on accounts the agent created, the AOT agent in report mode,
/// the emulator receiving usage equal to sacct's own records converted by hand.
/// </summary>
[Collection(JobsCollection.Name)]
public class ReportTests
{
    [Fact]
    public async Task RealJobs_UsageEqualsSacctByHand_FailuresMidReportLeaveNoDuplicate_SecondRunSendsNothing()
    {
        var scenario = new TestScenario(siteUsernames: ["nobody", "daemon"], usageInMinutes: true);
        var first = scenario.AddCreateOrder("Usage One", cpu: 1, state: "executing");
        var second = scenario.AddCreateOrder("Usage Two", cpu: 1, state: "executing");
        await using var harness = await AgentHarness.StartAsync(scenario);
        var recorder = SacctmgrRecorder.Create(harness.Directory);
        harness.WriteConfig(new Dictionary<string, string> { ["slurm_bin_path"] = $"\"{recorder.BinPath}\"" });
        var created = await harness.RunAgentOnceAsync();
        Assert.True(created.ExitCode == 0, created.ToString());
        var resources = new[] { await harness.OrderResourceAsync(first), await harness.OrderResourceAsync(second) };
        var accounts = new List<string>();
        foreach (var resource in resources)
        {
            accounts.Add((await harness.ResourceAsync(resource)).GetProperty("backend_id").GetString()!);
        }

        Assert.Equal(["daemon", "nobody"], await SlurmCluster.UsersAsync(accounts[0]));
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

        Assert.True(report.ExitCode == 0, report.ToString());
        var sacct = recorder.Invocations().Skip(invocations).Where(i => i.Contains("/sacct ", StringComparison.Ordinal)).ToList();
        // One sacct per billing period (current and previous month) for both accounts together.
        Assert.Equal(2, sacct.Count);
        Assert.All(sacct, call => Assert.Equal(accounts.Order(),
            call.Split(' ').Single(a => a.StartsWith("--accounts=", StringComparison.Ordinal))["--accounts=".Length..].Split(',').Order()));
        for (var i = 0; i < resources.Length; i++)
        {
            var mine = records.Where(r => r.Account == accounts[i]).ToList();
            var received = Received(harness, resources[i]);
            Assert.Equal(Round(mine.Sum(r => r.Cpus * r.ElapsedSeconds / 60m)), received.Totals["cpu"]);
            Assert.Equal(Round(mine.Sum(r => Math.Floor(r.MemoryMb * r.ElapsedSeconds / 60m))), received.Totals["mem"]);
            foreach (var user in mine.GroupBy(r => r.User))
            {
                Assert.Equal(Round(user.Sum(r => r.Cpus * r.ElapsedSeconds / 60m)), received.Users[("cpu", user.Key)].Usage);
                Assert.Equal(Round(user.Sum(r => Math.Floor(r.MemoryMb * r.ElapsedSeconds / 60m))), received.Users[("mem", user.Key)].Usage);
                Assert.Equal(user.Key, received.Users[("cpu", user.Key)].OfferingUser);
            }
        }

        // No duplicate record anywhere although two writes were answered with failures.
        Assert.All(harness.Emulator.Read(s => s.ComponentUsages.GroupBy(u => (u.Resource.Uuid, u.Component.Type, u.BillingPeriod)).Select(g => g.Count()).ToList()), n => Assert.Equal(1, n));
        Assert.All(harness.Emulator.Read(s => s.ComponentUserUsages.GroupBy(u => (u.ComponentUsage.Uuid, u.Username)).Select(g => g.Count()).ToList()), n => Assert.Equal(1, n));

        var before = UsageWrites(harness);
        var again = await harness.RunModeOnceAsync("report");

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(before, UsageWrites(harness));
        harness.AssertNoContractViolations();
    }

    [Fact]
    public async Task TickLoop_SecondCycleWithNothingNew_WritesNothing()
    {
        var scenario = new TestScenario(usageInMinutes: true);
        scenario.AddCreateOrder("Idle", cpu: 1, state: "executing");
        await using var harness = await AgentHarness.StartAsync(scenario);
        Assert.Equal(0, (await harness.RunAgentOnceAsync()).ExitCode);

        var since = harness.Emulator.Requests.Count;
        using var agent = harness.StartDaemon("report", "0.03");
        Assert.True(await Testing.RunningProcess.WaitUntilAsync(() => Task.FromResult(Cycles(agent) >= 2), TimeSpan.FromSeconds(120)), agent.Output + agent.Error);
        agent.Signal(15);
        var outcome = await agent.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, outcome.ExitCode);
        // The idle account's zero usage was submitted once, by the first cycle; the second wrote nothing.
        Assert.Single(harness.CycleRequests(0, since), r => r.Method == "POST" && r.Path.EndsWith("/set_usage/", StringComparison.Ordinal));
        var second = harness.CycleRequests(1, since);
        Assert.Contains(second, r => r.Path.StartsWith("/api/marketplace-component-usages/", StringComparison.Ordinal));
        Assert.DoesNotContain(second, r => r.Method is "POST" or "PUT" or "PATCH" or "DELETE");
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
