using System.IO;
using SiteAgent.IntegrationTests.Infrastructure;
using SiteAgent.Testing;

namespace SiteAgent.IntegrationTests;

/// <summary>--dry-run changes nothing and prints the plan; SIGTERM stops the daemon cleanly.</summary>
public class DryRunAndShutdownTests
{
    [Test]
    public async Task DryRun_PrintsThePlanAndChangesNothing()
    {
        var scenario = new TestScenario();
        var order = scenario.AddCreateOrder("Planned", cpu: 3);
        await using var harness = await AgentHarness.StartAsync(scenario);

        var outcome = await harness.RunAgentOnceAsync("--dry-run");

        await Assert.That(outcome.ExitCode == 0).IsTrue().Because(outcome.ToString());
        await Assert.That(await harness.OrderStateAsync(order)).IsEqualTo("pending-provider");
        await Assert.That(await SlurmCluster.AccountsWithPrefixAsync(scenario.AccountPrefix)).IsEmpty();
        await Assert.That(harness.Emulator.Requests).DoesNotContain(r => r.Method is "POST" or "PUT" or "PATCH" or "DELETE");
        await Assert.That(outcome.Output).Contains($"[dry-run] waldur  POST /api/marketplace-orders/{order:N}/approve_by_provider/");
        await Assert.That(outcome.Output).Contains($"--immediate add account {scenario.CustomerAccount}");
        await Assert.That(outcome.Output).Contains($"add user");
        await Assert.That(outcome.Output).Contains("nothing was changed in the backend or in Waldur");
    }

    [Test]
    public async Task Sigterm_StopsTheDaemonGracefullyWithExitZero()
    {
        var scenario = new TestScenario();
        scenario.AddCreateOrder("Daemon", cpu: 1, state: "executing");
        await using var harness = await AgentHarness.StartAsync(scenario);
        var environment = harness.AgentEnvironment();
        environment["WALDUR_SITE_AGENT_ORDER_PROCESS_PERIOD_MINUTES"] = "0.05";
        using var agent = RunningProcess.Start(AgentBinary.Path, ["-m", "order_process", "-c", harness.ConfigPath, "--log-format", "plain"], environment);
        await Assert.That(await RunningProcess.WaitUntilAsync(() => Task.FromResult(agent.Output.Contains("Order cycle finished", StringComparison.Ordinal)), TimeSpan.FromSeconds(90))).IsTrue().Because("no cycle finished:\n" + agent.Output + agent.Error);

        agent.Signal(15);
        var outcome = await agent.WaitAsync(TimeSpan.FromSeconds(30));

        await Assert.That(outcome.ExitCode).IsEqualTo(0);
        await Assert.That(outcome.Output).Contains("Shutting down gracefully");
        await Assert.That(outcome.Output).Contains("Agent stopped");
        await Assert.That(File.Exists(environment["WALDUR_SITE_AGENT_HEARTBEAT_FILE"])).IsTrue();
    }
}
