using SiteAgent.IntegrationTests.Infrastructure;
using SiteAgent.Testing;
using SiteAgent.Waldur.Emulator.Faults;

namespace SiteAgent.IntegrationTests;

/// <summary>
/// event_process end to end: the AOT binary consumes the real RabbitMQ that the emulator publishes
/// Waldur's events to, and changes the real SLURM cluster. Polling is off (the reconciliation period
/// is an hour unless a test is about reconciliation), so what happens within a test is the events'
/// doing. The tests restart the shared test broker, so they never run alongside each other.
/// </summary>
[NotInParallel("rabbitmq-broker")]
public class EventProcessTests
{
    private static readonly TimeSpan Patience = EventAgent.Patience;

    /// <summary>order plus the six membership types (no key rotation: SLURM does not rotate keys).</summary>
    private const int ConsumersPerOffering = 7;

    [Test]
    public async Task OrderCreatedInWaldur_ReachesDoneThroughItsEvent()
    {
        var scenario = new TestScenario();
        await using var harness = await StartHarnessAsync(scenario);
        using var agent = await StartAgentAsync(harness);

        var order = Guid.NewGuid();
        harness.Emulator.Seed(scenario.OrdersSection(order, "Evented", cpu: 3), yaml: true);

        await Assert.That(await WaitForOrderAsync(harness, order, "done")).IsTrue().Because(Log(agent));
        var account = (await harness.ResourceAsync(await harness.OrderResourceAsync(order))).GetProperty("backend_id").GetString()!;
        await Assert.That((await SlurmCluster.AccountAsync(account))!.GrpTresMins).IsEqualTo("cpu=180000");
        // The team is added right after the order is marked done.
        await Assert.That(await WaitForUsersAsync(account, scenario.Usernames)).IsTrue().Because(Log(agent));
        await Assert.That(await WaitForLogAsync(agent, $"order {order} processed from its event: Done")).IsTrue().Because(Log(agent));
        await StopAsync(agent);
        harness.AssertNoContractViolations();
    }

    [Test]
    public async Task RoleGrantAndRevoke_ChangeTheAssociations()
    {
        var scenario = new TestScenario();
        var carol = scenario.AddOfferingUser("carol", "OK", "carol" + scenario.Id);
        var create = scenario.AddCreateOrder("Team", cpu: 1, state: "executing");
        await using var harness = await StartHarnessAsync(scenario);
        using var agent = await StartAgentAsync(harness);
        // The start-up pass completed the executing order with alice and bob.
        await Assert.That(await WaitForOrderAsync(harness, create, "done")).IsTrue().Because(Log(agent));
        var account = (await harness.ResourceAsync(await harness.OrderResourceAsync(create))).GetProperty("backend_id").GetString()!;

        await harness.AddTeamMemberAsync(carol);
        await Assert.That(await WaitForUsersAsync(account, [scenario.Usernames[0], scenario.Usernames[1], "carol" + scenario.Id])).IsTrue().Because(Log(agent));
        await harness.RemoveTeamMemberAsync($"bob{scenario.Id}@example.org");
        await Assert.That(await WaitForUsersAsync(account, [scenario.Usernames[0], "carol" + scenario.Id])).IsTrue().Because(Log(agent));

        await Assert.That(Log(agent)).Contains("event_process-user_role: membership synced");
        await StopAsync(agent);
    }

    [Test]
    public async Task PoisonMessage_IsAcknowledged_AndTheNextMessageIsProcessed()
    {
        var scenario = new TestScenario();
        using var broker = await TestBroker.RequireAsync();
        await using var harness = await StartHarnessAsync(scenario);
        using var agent = await StartAgentAsync(harness);
        var (vhost, queue) = OrderQueue(harness);

        await Assert.That(await broker.PublishAsync(vhost, queue, "{not json")).IsTrue();
        await Assert.That(await broker.PublishAsync(vhost, queue, """{"order_uuid": "not-a-uuid", "order_state": "pending-provider"}""")).IsTrue();
        var order = Guid.NewGuid();
        harness.Emulator.Seed(scenario.OrdersSection(order, "After Poison", cpu: 1), yaml: true);

        await Assert.That(await WaitForOrderAsync(harness, order, "done")).IsTrue().Because(Log(agent));
        await Assert.That(await RunningProcess.WaitUntilAsync(async () => await broker.QueueDepthAsync(vhost, queue) == 0, Patience)).IsTrue();
        var dropped = Log(agent).Split('\n').Where(l => l.Contains("cannot be handled and is dropped", StringComparison.Ordinal)).ToList();
        await Assert.That(dropped.Count).IsEqualTo(2);
        // The reason is in words with its position, not .NET's resource key (the binary carries no messages).
        await Assert.That(dropped[0]).Contains(" at line 1, byte ").Because(dropped[0]);
        await Assert.That(dropped.Any(l => l.Contains("BytePositionInLine", StringComparison.Ordinal))).IsFalse();
        await Assert.That(agent.HasExited).IsFalse();
        await StopAsync(agent);
    }

    [Test]
    public async Task BrokerRestartedMidStream_AgentReconnects_AndProcessesWhatWasPublishedMeanwhile()
    {
        var scenario = new TestScenario();
        await using var harness = await StartHarnessAsync(scenario);
        using var agent = await StartAgentAsync(harness);
        var first = Guid.NewGuid();
        harness.Emulator.Seed(scenario.OrdersSection(first, "Before Restart", cpu: 1), yaml: true);
        await Assert.That(await WaitForOrderAsync(harness, first, "done")).IsTrue().Because(Log(agent));

        await TestBroker.CtlAsync("stop_app");
        try
        {
            // Let the agent notice and fail a few reconnects, so its back-off outlasts the restart.
            await Task.Delay(TimeSpan.FromSeconds(6));
        }
        finally
        {
            await TestBroker.CtlAsync("start_app");
            await TestBroker.CtlAsync("await_startup");
        }

        var second = Guid.NewGuid();
        harness.Emulator.Seed(scenario.OrdersSection(second, "During Outage", cpu: 1), yaml: true);

        await Assert.That(await WaitForOrderAsync(harness, second, "done")).IsTrue().Because(Log(agent));
        await Assert.That(await WaitForLogAsync(agent, $"order {second} processed from its event: Done")).IsTrue().Because(Log(agent));
        // Every consumer connected once at start and again after the restart (on a loaded machine the
        // broker restarts slowly and the last consumers' back-off ends well after the first processed the order).
        var connects = 0;
        await RunningProcess.WaitUntilAsync(() => Task.FromResult(
            (connects = Log(agent).Split('\n').Count(l => l.Contains("Connected to ws://", StringComparison.Ordinal))) >= 2 * ConsumersPerOffering), Patience);
        await Assert.That(connects).IsGreaterThanOrEqualTo(2 * ConsumersPerOffering).Because(Log(agent));
        await StopAsync(agent);
    }

    [Test]
    public async Task AgentKilledMidHandler_RestartCompletesTheOrderExactlyOnce()
    {
        var scenario = new TestScenario();
        await using var harness = await StartHarnessAsync(scenario);
        var order = Guid.NewGuid();
        using (var agent = await StartAgentAsync(harness))
        {
            // Waldur is slow to accept the limits: the handler is held right after the account exists.
            harness.Emulator.Faults.Add(new FaultRule { Path = "/api/marketplace-provider-resources/*/set_limits/", Method = "POST", Times = 1, DelayMs = 60_000 });
            harness.Emulator.Seed(scenario.OrdersSection(order, "Killed", cpu: 4), yaml: true);
            await Assert.That(await RunningProcess.WaitUntilAsync(async () => (await SlurmCluster.AccountsWithPrefixAsync(scenario.AccountPrefix + "a_")).Count == 1, Patience)).IsTrue().Because(Log(agent));
            agent.Signal(9);
            await agent.WaitAsync(TimeSpan.FromSeconds(30));
        }

        harness.Emulator.Faults.Clear();
        await Assert.That(await harness.OrderStateAsync(order)).IsEqualTo("executing");

        using var restarted = await StartAgentAsync(harness);
        await Assert.That(await WaitForOrderAsync(harness, order, "done")).IsTrue().Because(Log(restarted));
        var account = await Assert.That(await SlurmCluster.AccountsWithPrefixAsync(scenario.AccountPrefix + "a_")).HasSingleItem();
        await Assert.That((await SlurmCluster.AccountAsync(account!))!.GrpTresMins).IsEqualTo("cpu=240000");
        await Assert.That(harness.Requests("POST", "/set_backend_id/")).HasSingleItem();
        await Assert.That(harness.Requests("POST", "/set_state_done/")).HasSingleItem();
        await StopAsync(restarted);
    }

    [Test]
    public async Task EventLostOnPurpose_IsRepairedByReconciliation()
    {
        var scenario = new TestScenario();
        await using var harness = await StartHarnessAsync(scenario);
        using var agent = await StartAgentAsync(harness, reconciliationMinutes: "0.1");

        var order = Guid.NewGuid();
        await TestBroker.CtlAsync("stop_app");
        try
        {
            // Waldur cannot publish while the broker is down: the order's event is lost for good.
            harness.Emulator.Seed(scenario.OrdersSection(order, "Lost Event", cpu: 2), yaml: true);
        }
        finally
        {
            await TestBroker.CtlAsync("start_app");
            await TestBroker.CtlAsync("await_startup");
        }

        await Assert.That(await WaitForOrderAsync(harness, order, "done")).IsTrue().Because(Log(agent));
        await Assert.That(Log(agent)).DoesNotContain($"order {order} processed from its event");
        // The reconnect may repair the order first; the periodic reconciliation still runs every 6 s.
        await Assert.That(await WaitForLogAsync(agent, "event_process-reconciliation finished")).IsTrue().Because(Log(agent));
        await Assert.That(await SlurmCluster.AccountsWithPrefixAsync(scenario.AccountPrefix + "a_")).HasSingleItem();
        await StopAsync(agent);
    }

    [Test]
    public async Task EventLostDuringOutage_IsRepairedRightAfterTheReconnect_AndReadinessFailsMeanwhile()
    {
        var scenario = new TestScenario();
        await using var harness = await StartHarnessAsync(scenario);
        // The periodic reconciliation is far beyond the test: only the reconnect can repair the order.
        using var agent = await StartAgentAsync(harness, reconciliationMinutes: "600");
        await Assert.That(await WaitForReadinessAsync(harness, ready: true)).IsTrue().Because(Log(agent));

        var order = Guid.NewGuid();
        await TestBroker.CtlAsync("stop_app");
        try
        {
            await Assert.That(await WaitForReadinessAsync(harness, ready: false)).IsTrue().Because(Log(agent));
            var probe = await Healthz(harness);
            await Assert.That(probe.ExitCode).IsEqualTo(1).Because(probe.ToString());
            await Assert.That(probe.Output + probe.Error).Contains("Event consumers are not connected to the broker");
            // Waldur cannot publish while the broker is down: the order's event is lost for good.
            harness.Emulator.Seed(scenario.OrdersSection(order, "Lost In Outage", cpu: 2), yaml: true);
        }
        finally
        {
            await TestBroker.CtlAsync("start_app");
            await TestBroker.CtlAsync("await_startup");
        }

        await Assert.That(await WaitForOrderAsync(harness, order, "done")).IsTrue().Because(Log(agent));
        await Assert.That(Log(agent)).Contains("order consumer reconnected; events may have been lost meanwhile, reconciling now");
        // The pass that repaired the order ends after the order is done.
        await Assert.That(await RunningProcess.WaitUntilAsync(() => Task.FromResult(Log(agent).Split('\n')
            .Any(l => l.Contains("reconciliation after reconnect finished (Orders", StringComparison.Ordinal))), Patience)).IsTrue().Because(Log(agent));
        // Approving the order publishes an event, which finds the order already done by the pass.
        await Assert.That(Log(agent)).DoesNotContain($"order {order} processed from its event: Done");
        await Assert.That(Log(agent)).DoesNotContain("event_process-reconciliation finished");
        await Assert.That(await SlurmCluster.AccountsWithPrefixAsync(scenario.AccountPrefix + "a_")).HasSingleItem();
        await Assert.That(await WaitForReadinessAsync(harness, ready: true)).IsTrue().Because(Log(agent));
        await StopAsync(agent);
        await Assert.That(File.Exists(Path.Combine(harness.Directory, "heartbeat.consumers"))).IsFalse();
    }

    [Test]
    public async Task QueueDeletedOnTheBroker_IsCreatedAgainThroughWaldur_AndEventsFlowAgain()
    {
        var scenario = new TestScenario();
        using var broker = await TestBroker.RequireAsync();
        await using var harness = await StartHarnessAsync(scenario);
        using var agent = await StartAgentAsync(harness);
        var (vhost, queue) = OrderQueue(harness);

        // What the broker's orphan cleanup does to a queue; the next SUBSCRIBE is answered with not_found.
        await broker.DeleteQueueAsync(vhost, queue);
        foreach (var connection in await broker.ConnectionsAsync(vhost))
        {
            await broker.CloseConnectionAsync(connection);
        }

        await Assert.That(await WaitForLogAsync(agent, $"the broker has no order queue {queue}")).IsTrue().Because(Log(agent));
        await Assert.That(await RunningProcess.WaitUntilAsync(async () => await broker.QueueDepthAsync(vhost, queue) is not null, Patience)).IsTrue().Because(Log(agent));
        var order = Guid.NewGuid();
        harness.Emulator.Seed(scenario.OrdersSection(order, "After Queue Loss", cpu: 1), yaml: true);
        await Assert.That(await WaitForLogAsync(agent, $"order {order} processed from its event: Done")).IsTrue().Because(Log(agent));
        await Assert.That(harness.Requests("POST", "/create_queue/").Count).IsGreaterThan(ConsumersPerOffering).Because(Log(agent));
        await StopAsync(agent);
    }

    [Test]
    public async Task BrokerRefusesTheLogin_SubscriptionIsRecreated_AndEventsFlowAgain()
    {
        var scenario = new TestScenario();
        using var broker = await TestBroker.RequireAsync();
        await using var harness = await StartHarnessAsync(scenario);
        using var agent = await StartAgentAsync(harness);
        var (vhost, queue) = OrderQueue(harness);
        var login = queue.Split('_')[1];

        // What an API-token rotation looks like to the broker: the subscription's password no longer matches.
        await broker.CreateUserAsync(login, "password-from-before-the-rotation");
        IReadOnlyList<string> connections = [];
        await Assert.That(await RunningProcess.WaitUntilAsync(async () => (connections = await broker.ConnectionsAsync(vhost)).Count > 0, Patience)).IsTrue();
        foreach (var connection in connections)
        {
            await broker.CloseConnectionAsync(connection);
        }

        await Assert.That(await WaitForLogAsync(agent, "order subscription re-created because the broker refused its login")).IsTrue().Because(Log(agent));
        var (_, fresh) = OrderQueue(harness);
        await Assert.That(fresh).IsNotEqualTo(queue);
        var order = Guid.NewGuid();
        harness.Emulator.Seed(scenario.OrdersSection(order, "After Rotation", cpu: 1), yaml: true);
        await Assert.That(await WaitForLogAsync(agent, $"order {order} processed from its event: Done")).IsTrue().Because(Log(agent));
        await StopAsync(agent);
    }

    private static Task<AgentHarness> StartHarnessAsync(TestScenario scenario) => EventAgent.StartHarnessAsync(scenario);

    private static Task<RunningProcess> StartAgentAsync(AgentHarness harness, string reconciliationMinutes = "60") => EventAgent.StartAsync(harness, reconciliationMinutes);

    private static Task StopAsync(RunningProcess agent) => EventAgent.StopAsync(agent);

    private static (string Vhost, string Queue) OrderQueue(AgentHarness harness) => harness.Emulator.Read(s =>
    {
        var queue = s.EventQueues.Single(q => q.ObjectType == "order");
        return (queue.Subscription.User.Uuid, queue.QueueName);
    });

    private static Task<ProcessOutcome> Healthz(AgentHarness harness) =>
        AgentBinary.RunAsync(["healthz", "-c", harness.ConfigPath, "--heartbeat-file", Path.Combine(harness.Directory, "heartbeat"), "--log-format", "plain"], harness.AgentEnvironment());

    private static Task<bool> WaitForReadinessAsync(AgentHarness harness, bool ready) =>
        RunningProcess.WaitUntilAsync(async () => (await Healthz(harness)).ExitCode == (ready ? 0 : 1), Patience);

    private static Task<bool> WaitForOrderAsync(AgentHarness harness, Guid order, string state) =>
        RunningProcess.WaitUntilAsync(async () => await harness.OrderStateAsync(order) == state, Patience);

    private static Task<bool> WaitForUsersAsync(string account, string[] expected) => EventAgent.WaitForUsersAsync(account, expected);

    private static Task<bool> WaitForLogAsync(RunningProcess agent, string text) =>
        RunningProcess.WaitUntilAsync(() => Task.FromResult(Log(agent).Contains(text, StringComparison.Ordinal)), Patience);

    private static string Log(RunningProcess agent) => EventAgent.Log(agent);
}
