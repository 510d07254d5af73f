using System.Globalization;
using System.Text.Json.Nodes;
using SiteAgent.IntegrationTests.Infrastructure;
using SiteAgent.Testing;
using SiteAgent.Waldur.Emulator.Broker;

namespace SiteAgent.IntegrationTests;

/// <summary>
/// resource_periodic_limits end to end: the AOT binary in event_process mode consumes the policy command
/// from the real RabbitMQ, changes the account on the real SLURM cluster, and reports the verdict to the
/// policy in the emulator.
/// </summary>
[NotInParallel("rabbitmq-broker")]
public class PeriodicLimitsEventTests
{
    private static readonly TimeSpan Patience = EventAgent.Patience;

    [Test]
    public async Task PolicyCommand_ChangesFairshareAndGrpTresMins_AndTheSuccessIsReportedWithTheCommands()
    {
        var scenario = new TestScenario();
        var create = scenario.AddCreateOrder("Periodic", cpu: 1, state: "executing");
        using var broker = await TestBroker.RequireAsync();
        await using var harness = await StartHarnessAsync(scenario);
        var policy = SeedPolicy(harness);
        using var agent = await harness.StartEventAgentAsync();
        await Assert.That(await RunningProcess.WaitUntilAsync(async () => await harness.OrderStateAsync(create) == "done", Patience)).IsTrue().Because(Log(agent));
        var account = (await harness.ResourceAsync(await harness.OrderResourceAsync(create))).GetProperty("backend_id").GetString()!;
        var resource = await harness.OrderResourceAsync(create);

        await Assert.That(await PublishAsync(broker, harness, Command(resource, account, policy,
            """{"fairshare": 321, "limit_type": "GrpTRESMins", "grp_tres_mins": {"cpu": 7200, "billing": 9000}, "reset_raw_usage": true, "qos_threshold": {"normal": 1}}"""))).IsTrue();

        var report = await WaitForReportAsync(harness, policy, 1, agent);
        await Assert.That(report["success"]!.GetValue<bool>()).IsTrue().Because(report.ToJsonString());
        await Assert.That(report["resource_uuid"]!.GetValue<string>()).IsEqualTo(resource.ToString());
        await Assert.That(report["mode"]!.GetValue<string>()).IsEqualTo("production");
        await Assert.That(report["error_message"]!.GetValue<string>()).IsEqualTo("");
        var commands = report["commands_executed"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
        await Assert.That(commands).Contains(c => c.EndsWith($"modify account {account} cluster={SlurmCluster.Name} set fairshare=321", StringComparison.Ordinal));
        await Assert.That(commands).Contains(c => c.EndsWith("set GrpTRESMins=cpu=7200", StringComparison.Ordinal));
        await Assert.That(commands).Contains(c => c.EndsWith("set GrpTRESMins=billing=9000", StringComparison.Ordinal));
        await Assert.That(commands).Contains(c => c.EndsWith("set RawUsage=0", StringComparison.Ordinal));
        var row = (await AccountSettingsAsync(account)).Split('|');
        await Assert.That(row[0]).IsEqualTo("321");
        await Assert.That(row[1].Split(',').Order(StringComparer.Ordinal)).IsEquivalentTo(["billing=9000", "cpu=7200"], CollectionOrdering.Matching);

        // Waldur re-sends the same settings: nothing differs, so only the reset is written.
        await Assert.That(await PublishAsync(broker, harness, Command(resource, account, policy,
            """{"fairshare": 321, "grp_tres_mins": {"cpu": 7200, "billing": 9000}}"""))).IsTrue();
        var again = await WaitForReportAsync(harness, policy, 2, agent);
        await Assert.That(again["success"]!.GetValue<bool>()).IsTrue().Because(again.ToJsonString());
        await Assert.That(again["commands_executed"]!.AsArray().Select(c => c!.GetValue<string>())).DoesNotContain(c => c.Contains(" set ", StringComparison.Ordinal));
        await Assert.That(Log(agent)).Contains($"periodic limits applied to {account}");
        await StopAsync(agent);
    }

    [Test]
    public async Task InvalidAction_IsReportedAsAFailure_AndChangesNothing()
    {
        var scenario = new TestScenario();
        var create = scenario.AddCreateOrder("Periodic Invalid", cpu: 1, state: "executing");
        using var broker = await TestBroker.RequireAsync();
        await using var harness = await StartHarnessAsync(scenario);
        var policy = SeedPolicy(harness);
        using var agent = await harness.StartEventAgentAsync();
        await Assert.That(await RunningProcess.WaitUntilAsync(async () => await harness.OrderStateAsync(create) == "done", Patience)).IsTrue().Because(Log(agent));
        var resource = await harness.OrderResourceAsync(create);
        var account = (await harness.ResourceAsync(resource)).GetProperty("backend_id").GetString()!;
        var before = await AccountSettingsAsync(account);

        var command = Command(resource, account, policy, """{"fairshare": 77}""");
        command["action"] = "drop_all_limits";
        await Assert.That(await PublishAsync(broker, harness, command)).IsTrue();

        var report = await WaitForReportAsync(harness, policy, 1, agent);
        await Assert.That(report["success"]!.GetValue<bool>()).IsFalse();
        await Assert.That(report["error_message"]!.GetValue<string>()).IsEqualTo("Invalid periodic limits message: missing backend_id or invalid action");
        await Assert.That(report["commands_executed"]!.AsArray()).IsEmpty();
        await Assert.That(await AccountSettingsAsync(account)).IsEqualTo(before);
        await Assert.That(agent.HasExited).IsFalse();
        await StopAsync(agent);
    }

    private static async Task<AgentHarness> StartHarnessAsync(TestScenario scenario)
    {
        var harness = await AgentHarness.StartAsync(scenario, broker: TestBroker.Management);
        harness.WriteEventConfig(new Dictionary<string, string> { ["periodic_limits"] = "{enabled: true, limit_type: GrpTRESMins}" });
        return harness;
    }

    private static Guid SeedPolicy(AgentHarness harness)
    {
        var policy = Guid.NewGuid();
        harness.Emulator.Seed($"slurm_policies:\n  - uuid: {policy:N}\n    offering: {harness.Scenario.OfferingUuid:N}\n", yaml: true);
        return policy;
    }

    /// <summary>The command as Waldur publishes it: dashed uuids (unlike other events), settings as an object.</summary>
    private static JsonObject Command(Guid resource, string account, Guid policy, string settings) => new()
    {
        ["resource_uuid"] = resource.ToString(),
        ["backend_id"] = account,
        ["policy_uuid"] = policy.ToString(),
        ["action"] = "apply_periodic_settings",
        ["settings"] = JsonNode.Parse(settings),
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
    };

    private static async Task<bool> PublishAsync(RabbitMqManagement broker, AgentHarness harness, JsonObject command)
    {
        var (vhost, queue) = harness.Emulator.Read(s =>
        {
            var q = s.EventQueues.Single(q => q.ObjectType == "resource_periodic_limits");
            return (q.Subscription.User.Uuid, q.QueueName);
        });
        command["offering_uuid"] = harness.Scenario.OfferingUuid.ToString("N");
        return await broker.PublishAsync(vhost, queue, command.ToJsonString());
    }

    private static async Task<JsonObject> WaitForReportAsync(AgentHarness harness, Guid policy, int count, RunningProcess agent)
    {
        JsonObject[] Reports() => harness.Emulator.Read(s => s.SlurmPolicies.Single(p => p.Uuid == policy.ToString("N")).CommandResults.Select(r => (JsonObject)r.DeepClone()).ToArray());
        await Assert.That(await RunningProcess.WaitUntilAsync(() => Task.FromResult(Reports().Length >= count), Patience)).IsTrue().Because(Log(agent));
        return Reports()[count - 1];
    }

    /// <summary><c>Fairshare|GrpTRESMins</c> of the account-level association.</summary>
    private static async Task<string> AccountSettingsAsync(string account) =>
        (await SlurmCluster.SacctmgrAsync("show", "association", "where", $"account={account}", $"cluster={SlurmCluster.Name}", "format=User,Fairshare,GrpTRESMins"))
        .Split('\n', StringSplitOptions.RemoveEmptyEntries).Single(l => l.StartsWith('|'))[1..];

    private static Task StopAsync(RunningProcess agent) => EventAgent.StopAsync(agent);

    private static string Log(RunningProcess agent) => EventAgent.Log(agent);
}
