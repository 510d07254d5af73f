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

    private static RunningProcess StartAgent(AgentHarness harness) =>
        RunningProcess.Start(AgentBinary.Path, ["-m", "order_process", "-c", harness.ConfigPath, "--once", "--log-format", "plain"], harness.AgentEnvironment());
}
