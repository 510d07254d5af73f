using SiteAgent.IntegrationTests.Infrastructure;
using SiteAgent.Testing;

namespace SiteAgent.IntegrationTests;

/// <summary>
/// Membership sync end to end: team changes in the emulator become associations in sacctmgr, Waldur's
/// pause becomes the paused QoS that refuses jobs, offering users move through their states.
/// </summary>
[NotInParallel(JobsGroup.Key)]
public class MembershipTests
{
    [Test]
    public async Task TeamChanges_LeaverRemoved_JoinersAddedInOneCommand_WithinOneCycle()
    {
        var scenario = new TestScenario();
        var carol = scenario.AddOfferingUser("carol", "OK", "carol" + scenario.Id);
        var dave = scenario.AddOfferingUser("dave", "OK", "dave" + scenario.Id);
        var create = scenario.AddCreateOrder("Team", cpu: 1, state: "executing");
        await using var harness = await AgentHarness.StartAsync(scenario);
        var recorder = SacctmgrRecorder.Create(harness.Directory);
        harness.WriteConfig(new Dictionary<string, string> { ["slurm_bin_path"] = $"\"{recorder.BinPath}\"" });
        await Assert.That((await harness.RunAgentOnceAsync()).ExitCode).IsEqualTo(0);
        var account = (await harness.ResourceAsync(await harness.OrderResourceAsync(create))).GetProperty("backend_id").GetString()!;
        await Assert.That(await SlurmCluster.UsersAsync(account)).IsEquivalentTo(scenario.Usernames.Order(), CollectionOrdering.Matching);

        await harness.RemoveTeamMemberAsync($"bob{scenario.Id}@example.org");
        await harness.AddTeamMemberAsync(carol);
        await harness.AddTeamMemberAsync(dave);
        var before = recorder.Invocations().Count;
        var outcome = await harness.RunModeOnceAsync("membership_sync");

        await Assert.That(outcome.ExitCode).IsEqualTo(0).Because(outcome.ToString());
        await Assert.That(await SlurmCluster.UsersAsync(account)).IsEquivalentTo(new[] { "alice" + scenario.Id, "carol" + scenario.Id, "dave" + scenario.Id }.Order(), CollectionOrdering.Matching);
        var commands = recorder.Invocations().Skip(before).ToList();
        await Assert.That(commands.Count(c => c.Contains($" add user carol{scenario.Id},dave{scenario.Id} account={account} ", StringComparison.Ordinal))).IsEqualTo(1);
        await Assert.That(commands.Count(c => c.Contains($" remove user where name=bob{scenario.Id} and account={account} ", StringComparison.Ordinal))).IsEqualTo(1);
        // One association read serves every resource of the offering.
        await Assert.That(commands.Count(c => c.Contains(" show association where account=", StringComparison.Ordinal) && c.Contains("GrpSubmitJobs", StringComparison.Ordinal))).IsEqualTo(1);
        harness.AssertNoContractViolations();
    }

    [Test]
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
            await Assert.That((await harness.RunAgentOnceAsync()).ExitCode).IsEqualTo(0);
            var resource = await harness.OrderResourceAsync(create);
            var account = (await harness.ResourceAsync(resource)).GetProperty("backend_id").GetString()!;

            await harness.PatchResourceAsync(resource, new { paused = true });
            await Assert.That((await harness.RunModeOnceAsync("membership_sync")).ExitCode).IsEqualTo(0);

            await Assert.That(await SlurmCluster.QosAsync(account)).IsEqualTo(paused);
            var refused = await TestJobs.TrySubmitAsync(account, "nobody", cpus: 1, memoryMb: 50, seconds: 1);
            await Assert.That(refused.ExitCode).IsNotEqualTo(0).Because("a job was accepted on a paused account: " + refused);
            await Assert.That((refused.Output + refused.Error).Contains("QOS", StringComparison.OrdinalIgnoreCase)).IsTrue().Because(refused.ToString());
            await Assert.That((await harness.ResourceAsync(resource)).GetProperty("backend_metadata").GetProperty("qos").GetString()).IsEqualTo(paused);

            await harness.PatchResourceAsync(resource, new { paused = false });
            await Assert.That((await harness.RunModeOnceAsync("membership_sync")).ExitCode).IsEqualTo(0);

            await Assert.That(await SlurmCluster.QosAsync(account)).IsEqualTo("normal");
            var accepted = await TestJobs.TrySubmitAsync(account, "nobody", cpus: 1, memoryMb: 50, seconds: 1);
            await Assert.That(accepted.ExitCode).IsEqualTo(0).Because("a restored account refused a job: " + accepted);
            await TestJobs.CancelAsync(account);
            await Assert.That((await harness.ResourceAsync(resource)).GetProperty("backend_metadata").GetProperty("qos").GetString()).IsEqualTo("normal");
        }
        finally
        {
            await SlurmCluster.RemoveAccountsAsync(scenario.AccountPrefix);
            await SlurmCluster.WriteAsync("remove", "qos", "where", $"name={paused}");
        }
    }

    [Test]
    public async Task OfferingUsers_BaseBackend_MovedOnceEach_SecondRunMovesNothing()
    {
        var scenario = new TestScenario();
        var requested = scenario.AddOfferingUser("req", "Requested");
        var failed = scenario.AddOfferingUser("err", "Error creating");
        var linking = scenario.AddOfferingUser("link", "Pending account linking");
        await using var harness = await AgentHarness.StartAsync(scenario);

        await Assert.That((await harness.RunModeOnceAsync("membership_sync")).ExitCode).IsEqualTo(0);
        var transitions = OfferingUserWrites(harness);
        await Assert.That((await harness.RunModeOnceAsync("membership_sync")).ExitCode).IsEqualTo(0);

        var states = harness.Emulator.Read(s => s.OfferingUsers.ToDictionary(u => u.User.Username, u => u.State));
        await Assert.That((states[requested], states[failed], states[linking])).IsEqualTo(("Creating", "Creating", "Pending account linking"));
        await Assert.That(transitions.Count).IsEqualTo(2);
        await Assert.That(transitions.All(t => t.EndsWith("/begin_creating/", StringComparison.Ordinal))).IsTrue().Because(string.Join('\n', transitions));
        await Assert.That(OfferingUserWrites(harness)).IsEquivalentTo(transitions, CollectionOrdering.Matching);
    }

    [Test]
    public async Task TickLoop_SecondCycleWithNothingChanged_NoWriteInSlurmOrWaldur()
    {
        var scenario = new TestScenario();
        scenario.AddCreateOrder("Quiet", cpu: 2, state: "executing");
        await using var harness = await AgentHarness.StartAsync(scenario);
        var recorder = SacctmgrRecorder.Create(harness.Directory);
        harness.WriteConfig(new Dictionary<string, string> { ["slurm_bin_path"] = $"\"{recorder.BinPath}\"" });
        await Assert.That((await harness.RunAgentOnceAsync()).ExitCode).IsEqualTo(0);

        var commands = recorder.Invocations().Count;
        var since = harness.Emulator.Requests.Count;
        using var agent = harness.StartDaemon("membership_sync", "0.03");
        await Assert.That(await RunningProcess.WaitUntilAsync(() => Task.FromResult(Cycles(agent) >= 2), TimeSpan.FromSeconds(120))).IsTrue().Because(agent.Output + agent.Error);
        agent.Signal(15);
        await Assert.That((await agent.WaitAsync(TimeSpan.FromSeconds(30))).ExitCode).IsEqualTo(0);

        // SLURM: the association listing once per cycle, and nothing else: no add, modify or remove in any cycle.
        var daemon = recorder.Invocations().Skip(commands).ToList();
        await Assert.That(daemon.Count).IsGreaterThanOrEqualTo(2).Because(string.Join('\n', daemon));
        await Assert.That(daemon.All(c => c.Contains(" show association where account=", StringComparison.Ordinal))).IsTrue().Because(string.Join('\n', daemon));
        // Waldur: the second cycle's only POST is refresh_last_sync, the stamp that records that the sync ran.
        var second = harness.CycleRequests(1, since);
        var posts = second.Where(r => r.Method is "POST" or "PUT" or "PATCH" or "DELETE").ToList();
        var post = await Assert.That(posts).HasSingleItem();
        await Assert.That(post!.Path).EndsWith("/refresh_last_sync/");
        await Assert.That(second.Any(r => r.Method == "GET" && r.Path.EndsWith("/team/", StringComparison.Ordinal))).IsTrue();
    }

    [Test]
    public async Task RestrictedResource_TeamLosesAccess()
    {
        var scenario = new TestScenario();
        var create = scenario.AddCreateOrder("Restricted", cpu: 1, state: "executing");
        await using var harness = await AgentHarness.StartAsync(scenario);
        await Assert.That((await harness.RunAgentOnceAsync()).ExitCode).IsEqualTo(0);
        var resource = await harness.OrderResourceAsync(create);
        var account = (await harness.ResourceAsync(resource)).GetProperty("backend_id").GetString()!;
        await Assert.That((await SlurmCluster.UsersAsync(account)).Count).IsEqualTo(2);

        await harness.PatchResourceAsync(resource, new { restrict_member_access = true });
        await Assert.That((await harness.RunModeOnceAsync("membership_sync")).ExitCode).IsEqualTo(0);

        await Assert.That(await SlurmCluster.UsersAsync(account)).IsEmpty();
    }

    private static int Cycles(RunningProcess agent) =>
        agent.Output.Split('\n').Count(l => l.Contains("Membership cycle finished", StringComparison.Ordinal));

    private static List<string> OfferingUserWrites(AgentHarness harness) => harness.Emulator.Requests
        .Where(r => r.Method is "POST" or "PATCH" && r.Path.StartsWith("/api/marketplace-offering-users/", StringComparison.Ordinal))
        .Select(r => r.Path).ToList();
}
