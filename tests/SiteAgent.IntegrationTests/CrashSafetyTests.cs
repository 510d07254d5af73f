using SiteAgent.Backends.Slurm;
using SiteAgent.IntegrationTests.Infrastructure;
using SiteAgent.Testing;
using SiteAgent.Waldur.Emulator.Faults;

namespace SiteAgent.IntegrationTests;

/// <summary>An agent killed in the middle of an order and started again never creates a second account and never loses the order.</summary>
public class CrashSafetyTests
{
    [Test]
    public async Task KilledAfterAccountCreation_RestartCompletesTheSameAccount()
    {
        var scenario = new TestScenario();
        var order = scenario.AddCreateOrder("Crash After", cpu: 9, state: "executing");
        await using var harness = await AgentHarness.StartAsync(scenario);
        // Hold the agent right after the account exists: Waldur is slow to accept the limits.
        harness.Emulator.Faults.Add(new FaultRule { Path = "/api/marketplace-provider-resources/*/set_limits/", Method = "POST", Times = 1, DelayMs = 60_000 });

        using (var agent = StartAgent(harness))
        {
            await Assert.That(await RunningProcess.WaitUntilAsync(async () => (await SlurmCluster.AccountsWithPrefixAsync(scenario.AccountPrefix + "a_")).Count == 1, TimeSpan.FromSeconds(90))).IsTrue().Because("the account was never created:\n" + agent.Error);
            await Task.Delay(500, TestContext.Current!.Execution.CancellationToken);
            agent.Signal(9);
            await agent.WaitAsync(TimeSpan.FromSeconds(30));
        }

        await Assert.That(await harness.OrderStateAsync(order)).IsEqualTo("executing");
        harness.Emulator.Faults.Clear();

        var rerun = await harness.RunAgentOnceAsync();

        await Assert.That(rerun.ExitCode == 0).IsTrue().Because(rerun.ToString());
        await Assert.That(await harness.OrderStateAsync(order)).IsEqualTo("done");
        var accounts = await SlurmCluster.AccountsWithPrefixAsync(scenario.AccountPrefix + "a_");
        var account = await Assert.That(accounts).HasSingleItem();
        await Assert.That((await harness.ResourceAsync(await harness.OrderResourceAsync(order))).GetProperty("backend_id").GetString()).IsEqualTo(account);
        await Assert.That((await SlurmCluster.AccountAsync(account))!.GrpTresMins).IsEqualTo("cpu=540000");
        await Assert.That(harness.Requests("POST", "/set_backend_id/")).HasSingleItem();
    }

    [Test]
    public async Task KilledBeforeTheIdReachedWaldur_RestartCreatesExactlyOneAccount()
    {
        var scenario = new TestScenario();
        var order = scenario.AddCreateOrder("Crash Before", cpu: 2, state: "executing");
        await using var harness = await AgentHarness.StartAsync(scenario);
        harness.Emulator.Faults.Add(new FaultRule { Path = "/api/marketplace-provider-resources/*/set_backend_id/", Method = "POST", Times = 1, DelayMs = 60_000 });

        using (var agent = StartAgent(harness))
        {
            await Assert.That(await RunningProcess.WaitUntilAsync(() => Task.FromResult(harness.Emulator.Faults.Describe().Count == 0 || agent.HasExited), TimeSpan.FromSeconds(60))).IsTrue().Because("the agent never reached set_backend_id:\n" + agent.Error);
            agent.Signal(9);
            await agent.WaitAsync(TimeSpan.FromSeconds(30));
        }

        harness.Emulator.Faults.Clear();
        var rerun = await harness.RunAgentOnceAsync();

        await Assert.That(rerun.ExitCode == 0).IsTrue().Because(rerun.ToString());
        await Assert.That(await harness.OrderStateAsync(order)).IsEqualTo("done");
        await Assert.That(await SlurmCluster.AccountsWithPrefixAsync(scenario.AccountPrefix + "a_")).HasSingleItem();
    }

    [Test]
    public async Task KilledInTheMiddleOfASacctmgrWrite_NextAgentWaitsForTheOrphanedWrite()
    {
        // The kernel drops a SIGKILLed agent's flock at once, while the sacctmgr it started goes on writing.
        // The wrapper logs each sacctmgr's start and end and widens a write's window with a pause: 10 s for
        // the write the first agent dies in, so that the second reaches the lock before it ends. Everything
        // is asserted on those recorded times of the real processes, not on what the agents log.
        var scenario = new TestScenario();
        var order = scenario.AddCreateOrder("Killed Mid Write", cpu: 4, state: "executing");
        await using var harness = await AgentHarness.StartAsync(scenario);
        var timed = TimedSacctmgr.Create(harness.Directory, firstPause: TimeSpan.FromSeconds(10), pause: TimeSpan.FromSeconds(1));
        harness.WriteConfig(new Dictionary<string, string> { ["slurm_bin_path"] = $"\"{timed.BinPath}\"" });

        TimedCommand orphan;
        using (var agent = StartAgent(harness))
        {
            await Assert.That(await RunningProcess.WaitUntilAsync(() => Task.FromResult(timed.Writes().Count > 0 || agent.HasExited), TimeSpan.FromSeconds(60))).IsTrue().Because("the agent never started a write:\n" + agent.Error);
            orphan = await Assert.That(timed.Writes()).HasSingleItem();
            await Task.Delay(100, TestContext.Current!.Execution.CancellationToken);
            agent.Signal(9);
            await agent.WaitAsync(TimeSpan.FromSeconds(30));
        }

        // What the dead agent's lock file says now (checked below): its running sacctmgr, to be waited for.
        var lockFile = (await ProcessRunner.RunAsync("/bin/cat", [SlurmTestCluster.WriteLock.Path])).Output;
        var secondStarted = TimedSacctmgr.Now();
        var rerun = await harness.RunAgentOnceAsync();

        await Assert.That(rerun.ExitCode == 0).IsTrue().Because(rerun.ToString());
        await Assert.That(await harness.OrderStateAsync(order)).IsEqualTo("done");
        var writes = timed.Writes();
        var secondReads = timed.Reads().Where(r => r.Start > secondStarted).ToList();
        TestContext.Current!.Output.WriteLine(
            $"second agent started at {secondStarted}; writes:\n{string.Join("\n", writes)}\nits reads:\n{string.Join("\n", secondReads)}");
        var orphanEnd = writes.Single(w => w.Pid == orphan.Pid).End;
        await Assert.That(orphanEnd > secondStarted).IsTrue().Because($"the orphaned write had ended before the second agent started, so nothing was proven: {string.Join("; ", writes)}");
        await Assert.That(writes).All(w => w.End is not null);
        // The second agent was at work on the cluster (its unlocked reads) while the orphan still wrote,
        // and yet its first write started only after the orphan had ended: it waited for the orphan.
        await Assert.That(secondReads.Any(r => r.End < orphanEnd)).IsTrue()
            .Because($"the second agent ran no sacctmgr before the orphan ended (too slow a start to prove the wait): {string.Join("; ", secondReads)}");
        var secondFirstWrite = writes.FirstOrDefault(w => w.Start > secondStarted);
        await Assert.That(secondFirstWrite).IsNotNull().Because("the second agent made no write");
        await Assert.That(secondFirstWrite!.Start > orphanEnd).IsTrue()
            .Because($"the second agent's first write started while the orphan still ran: {secondFirstWrite}, orphan ended {orphanEnd}");
        for (var i = 1; i < writes.Count; i++)
        {
            await Assert.That(writes[i].Start > writes[i - 1].End).IsTrue().Because($"two sacctmgr writes overlapped:\n{writes[i - 1]}\n{writes[i]}\nall: {string.Join("\n", writes)}");
        }

        await Assert.That(SacctmgrWriterRecord.Parse(lockFile)?.Pid).IsEqualTo(orphan.Pid);
        // Usually the second agent is the next holder and says it waits; on a busy host another writer
        // (which waits the same way) may take the lock first, so this is reported, not asserted.
        var waited = (rerun.Output + rerun.Error).Contains($"sacctmgr (pid {orphan.Pid}) left running by a holder", StringComparison.Ordinal);
        TestContext.Current!.Output.WriteLine(waited ? "the second agent logged its wait for the orphan" : "the second agent logged no wait: another holder had the lock until the orphan ended");
    }

    private static RunningProcess StartAgent(AgentHarness harness) =>
        RunningProcess.Start(AgentBinary.Path, ["-m", "order_process", "-c", harness.ConfigPath, "--once", "--log-format", "plain"], harness.AgentEnvironment());
}
