using SiteAgent.Testing;

namespace SiteAgent.IntegrationTests.Infrastructure;

/// <summary>The AOT binary in event_process mode against the emulator and the test broker: start, stop, wait.</summary>
internal static class EventAgent
{
    /// <summary>How long a test waits for the agent to react.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    /// <summary>An emulator that publishes to the test broker, and the agent's config with event processing on.</summary>
    public static async Task<AgentHarness> StartHarnessAsync(TestScenario scenario)
    {
        (await TestBroker.RequireAsync()).Dispose();
        var harness = await AgentHarness.StartAsync(scenario, broker: TestBroker.Management);
        harness.WriteEventConfig();
        return harness;
    }

    /// <summary>Starts the agent and waits until event processing runs; fails the test with the log when it does not.</summary>
    public static Task<RunningProcess> StartAsync(AgentHarness harness, string reconciliationMinutes = "60") =>
        harness.StartEventAgentAsync(reconciliationMinutes);

    /// <summary>SIGTERM; the agent must unsubscribe and exit 0.</summary>
    public static async Task StopAsync(RunningProcess agent)
    {
        agent.Signal(15);
        var outcome = await agent.WaitAsync(TimeSpan.FromSeconds(60));
        await Assert.That(outcome.ExitCode).IsEqualTo(0).Because(Log(agent));
        await Assert.That(Log(agent)).Contains("Event processing stopped after unsubscribing");
    }

    /// <summary>Waits until the account's users are exactly <paramref name="expected"/>.</summary>
    public static Task<bool> WaitForUsersAsync(string account, string[] expected) =>
        RunningProcess.WaitUntilAsync(async () => (await SlurmCluster.UsersAsync(account)).Order().SequenceEqual(expected.Order()), Patience);

    /// <summary>Everything the agent printed.</summary>
    public static string Log(RunningProcess agent) => agent.Output + agent.Error;
}
