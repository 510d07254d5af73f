using SiteAgent.IntegrationTests.Infrastructure;
using SiteAgent.Testing;

namespace SiteAgent.IntegrationTests;

/// <summary>
/// Membership sync end to end: team changes in the emulator become associations in sacctmgr, Waldur's
/// pause becomes the paused QoS that refuses jobs, offering users move through their states.
/// </summary>
[Collection(JobsCollection.Name)]
public class MembershipTests
{
    [Fact]
    public async Task TeamChanges_LeaverRemoved_JoinersAddedInOneCommand_WithinOneCycle()
    {
        var scenario = new TestScenario();
        var carol = scenario.AddOfferingUser("carol", "OK", "carol" + scenario.Id);
        var dave = scenario.AddOfferingUser("dave", "OK", "dave" + scenario.Id);
        var create = scenario.AddCreateOrder("Team", cpu: 1, state: "executing");
        await using var harness = await AgentHarness.StartAsync(scenario);
        var recorder = SacctmgrRecorder.Create(harness.Directory);
        harness.WriteConfig(new Dictionary<string, string> { ["slurm_bin_path"] = $"\"{recorder.BinPath}\"" });
        Assert.Equal(0, (await harness.RunAgentOnceAsync()).ExitCode);
        var account = (await harness.ResourceAsync(await harness.OrderResourceAsync(create))).GetProperty("backend_id").GetString()!;
        Assert.Equal(scenario.Usernames.Order(), await SlurmCluster.UsersAsync(account));

        await harness.RemoveTeamMemberAsync($"bob{scenario.Id}@example.org");
        await harness.AddTeamMemberAsync(carol);
        await harness.AddTeamMemberAsync(dave);
        var before = recorder.Invocations().Count;
        var outcome = await harness.RunModeOnceAsync("membership_sync");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal(new[] { "alice" + scenario.Id, "carol" + scenario.Id, "dave" + scenario.Id }.Order(), await SlurmCluster.UsersAsync(account));
        var commands = recorder.Invocations().Skip(before).ToList();
        Assert.Single(commands, c => c.Contains($" add user carol{scenario.Id},dave{scenario.Id} account={account} ", StringComparison.Ordinal));
        Assert.Single(commands, c => c.Contains($" remove user where name=bob{scenario.Id} and account={account} ", StringComparison.Ordinal));
        // One association read serves every resource of the offering.
        Assert.Single(commands, c => c.Contains(" show association where account=", StringComparison.Ordinal) && c.Contains("GrpSubmitJobs", StringComparison.Ordinal));
        harness.AssertNoContractViolations();
    }

    [Fact]
    public async Task PausedResource_GetsThePausedQosAndRefusesJobs_RestoreBringsItBack()
    {
        var scenario = new TestScenario(siteUsernames: ["nobody", "daemon"]);
        var paused = scenario.AccountPrefix + "paused";
        var create = scenario.AddCreateOrder("Pausable", cpu: 10, state: "executing");
        await SlurmCluster.WriteAsync("add", "qos", paused);
        try
        {
            await SlurmCluster.WriteAsync("modify", "qos", paused, "set", "GrpSubmitJobs=0");
            await using var harness = await AgentHarness.StartAsync(scenario, new Dictionary<string, string> { ["qos_paused"] = paused });
            Assert.Equal(0, (await harness.RunAgentOnceAsync()).ExitCode);
            var resource = await harness.OrderResourceAsync(create);
            var account = (await harness.ResourceAsync(resource)).GetProperty("backend_id").GetString()!;

            await harness.PatchResourceAsync(resource, new { paused = true });
            Assert.Equal(0, (await harness.RunModeOnceAsync("membership_sync")).ExitCode);

            Assert.Equal(paused, await SlurmCluster.QosAsync(account));
            var refused = await TestJobs.TrySubmitAsync(account, "nobody", cpus: 1, memoryMb: 50, seconds: 1);
            Assert.True(refused.ExitCode != 0, "a job was accepted on a paused account: " + refused);
            Assert.Contains("QOS", refused.Output + refused.Error, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(paused, (await harness.ResourceAsync(resource)).GetProperty("backend_metadata").GetProperty("qos").GetString());

            await harness.PatchResourceAsync(resource, new { paused = false });
            Assert.Equal(0, (await harness.RunModeOnceAsync("membership_sync")).ExitCode);

            Assert.Equal("normal", await SlurmCluster.QosAsync(account));
            var accepted = await TestJobs.TrySubmitAsync(account, "nobody", cpus: 1, memoryMb: 50, seconds: 1);
            Assert.True(accepted.ExitCode == 0, "a restored account refused a job: " + accepted);
            await TestJobs.CancelAsync(account);
            Assert.Equal("normal", (await harness.ResourceAsync(resource)).GetProperty("backend_metadata").GetProperty("qos").GetString());
        }
        finally
        {
            await SlurmCluster.RemoveAccountsAsync(scenario.AccountPrefix);
            await SlurmCluster.WriteAsync("remove", "qos", "where", $"name={paused}");
        }
    }

    [Fact]
    public async Task OfferingUsers_BaseBackend_MovedOnceEach_SecondRunMovesNothing()
    {
        var scenario = new TestScenario();
        var requested = scenario.AddOfferingUser("req", "Requested");
        var failed = scenario.AddOfferingUser("err", "Error creating");
        var linking = scenario.AddOfferingUser("link", "Pending account linking");
        await using var harness = await AgentHarness.StartAsync(scenario);

        Assert.Equal(0, (await harness.RunModeOnceAsync("membership_sync")).ExitCode);
        var transitions = OfferingUserWrites(harness);
        Assert.Equal(0, (await harness.RunModeOnceAsync("membership_sync")).ExitCode);

        var states = harness.Emulator.Read(s => s.OfferingUsers.ToDictionary(u => u.User.Username, u => u.State));
        Assert.Equal(("Creating", "Creating", "Pending account linking"), (states[requested], states[failed], states[linking]));
        Assert.Equal(2, transitions.Count);
        Assert.All(transitions, t => Assert.EndsWith("/begin_creating/", t, StringComparison.Ordinal));
        Assert.Equal(transitions, OfferingUserWrites(harness));
    }

    [Fact]
    public async Task TickLoop_SecondCycleWithNothingChanged_NoWriteInSlurmOrWaldur()
    {
        var scenario = new TestScenario();
        scenario.AddCreateOrder("Quiet", cpu: 2, state: "executing");
        await using var harness = await AgentHarness.StartAsync(scenario);
        var recorder = SacctmgrRecorder.Create(harness.Directory);
        harness.WriteConfig(new Dictionary<string, string> { ["slurm_bin_path"] = $"\"{recorder.BinPath}\"" });
        Assert.Equal(0, (await harness.RunAgentOnceAsync()).ExitCode);

        var commands = recorder.Invocations().Count;
        var since = harness.Emulator.Requests.Count;
        using var agent = harness.StartDaemon("membership_sync", "0.03");
        Assert.True(await RunningProcess.WaitUntilAsync(() => Task.FromResult(Cycles(agent) >= 2), TimeSpan.FromSeconds(120)), agent.Output + agent.Error);
        agent.Signal(15);
        Assert.Equal(0, (await agent.WaitAsync(TimeSpan.FromSeconds(30))).ExitCode);

        // SLURM: the association listing once per cycle, and nothing else: no add, modify or remove in any cycle.
        var daemon = recorder.Invocations().Skip(commands).ToList();
        Assert.True(daemon.Count >= 2, string.Join('\n', daemon));
        Assert.All(daemon, c => Assert.Contains(" show association where account=", c, StringComparison.Ordinal));
        // Waldur: the second cycle's only POST is refresh_last_sync, the stamp that records that the sync ran.
        var second = harness.CycleRequests(1, since);
        var posts = second.Where(r => r.Method is "POST" or "PUT" or "PATCH" or "DELETE").ToList();
        Assert.Single(posts);
        Assert.EndsWith("/refresh_last_sync/", posts[0].Path, StringComparison.Ordinal);
        Assert.Contains(second, r => r.Method == "GET" && r.Path.EndsWith("/team/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RestrictedResource_TeamLosesAccess()
    {
        var scenario = new TestScenario();
        var create = scenario.AddCreateOrder("Restricted", cpu: 1, state: "executing");
        await using var harness = await AgentHarness.StartAsync(scenario);
        Assert.Equal(0, (await harness.RunAgentOnceAsync()).ExitCode);
        var resource = await harness.OrderResourceAsync(create);
        var account = (await harness.ResourceAsync(resource)).GetProperty("backend_id").GetString()!;
        Assert.Equal(2, (await SlurmCluster.UsersAsync(account)).Count);

        await harness.PatchResourceAsync(resource, new { restrict_member_access = true });
        Assert.Equal(0, (await harness.RunModeOnceAsync("membership_sync")).ExitCode);

        Assert.Empty(await SlurmCluster.UsersAsync(account));
    }

    private static int Cycles(RunningProcess agent) =>
        agent.Output.Split('\n').Count(l => l.Contains("Membership cycle finished", StringComparison.Ordinal));

    private static List<string> OfferingUserWrites(AgentHarness harness) => harness.Emulator.Requests
        .Where(r => r.Method is "POST" or "PATCH" && r.Path.StartsWith("/api/marketplace-offering-users/", StringComparison.Ordinal))
        .Select(r => r.Path).ToList();
}
