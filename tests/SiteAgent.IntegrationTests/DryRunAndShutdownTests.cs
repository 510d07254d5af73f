using SiteAgent.IntegrationTests.Infrastructure;
using SiteAgent.Testing;

namespace SiteAgent.IntegrationTests;

/// <summary>--dry-run changes nothing and prints the plan; SIGTERM stops the daemon cleanly.</summary>
public class DryRunAndShutdownTests
{
    [Fact]
    public async Task DryRun_PrintsThePlanAndChangesNothing()
    {
        var scenario = new TestScenario();
        var order = scenario.AddCreateOrder("Planned", cpu: 3);
        await using var harness = await AgentHarness.StartAsync(scenario);

        var outcome = await harness.RunAgentOnceAsync("--dry-run");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal("pending-provider", await harness.OrderStateAsync(order));
        Assert.Empty(await SlurmCluster.AccountsWithPrefixAsync(scenario.AccountPrefix));
        Assert.DoesNotContain(harness.Emulator.Requests, r => r.Method is "POST" or "PUT" or "PATCH" or "DELETE");
        Assert.Contains($"[dry-run] waldur  POST /api/marketplace-orders/{order:N}/approve_by_provider/", outcome.Output, StringComparison.Ordinal);
        Assert.Contains($"--immediate add account {scenario.CustomerAccount}", outcome.Output, StringComparison.Ordinal);
        Assert.Contains($"add user", outcome.Output, StringComparison.Ordinal);
        Assert.Contains("nothing was changed in the backend or in Waldur", outcome.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sigterm_StopsTheDaemonGracefullyWithExitZero()
    {
        var scenario = new TestScenario();
        scenario.AddCreateOrder("Daemon", cpu: 1, state: "executing");
        await using var harness = await AgentHarness.StartAsync(scenario);
        var environment = harness.AgentEnvironment();
        environment["WALDUR_SITE_AGENT_ORDER_PROCESS_PERIOD_MINUTES"] = "0.05";
        using var agent = RunningProcess.Start(AgentBinary.Path, ["-m", "order_process", "-c", harness.ConfigPath, "--log-format", "plain"], environment);
        Assert.True(await RunningProcess.WaitUntilAsync(() => Task.FromResult(agent.Output.Contains("Order cycle finished", StringComparison.Ordinal)), TimeSpan.FromSeconds(90)),
            "no cycle finished:\n" + agent.Output + agent.Error);

        agent.Signal(15);
        var outcome = await agent.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("Shutting down gracefully", outcome.Output, StringComparison.Ordinal);
        Assert.Contains("Agent stopped", outcome.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(environment["WALDUR_SITE_AGENT_HEARTBEAT_FILE"]));
    }
}
