using System.Text.Json;
using SiteAgent.IntegrationTests.Infrastructure;
using SiteAgent.Testing;

namespace SiteAgent.IntegrationTests.Operator;

/// <summary><c>sync-resource-limits</c>, <c>sync-offering-users</c> and <c>diagnose-account</c> with the AOT binary, the emulator and real SLURM.</summary>
public class SyncCommandTests
{
    [Test]
    public async Task SyncResourceLimits_TakesTheBackendLimitIntoWaldur_OnceOnly()
    {
        var scenario = new TestScenario();
        var order = scenario.AddCreateOrder("Limits", cpu: 5, state: "executing");
        await using var harness = await AgentHarness.StartAsync(scenario);
        await Assert.That((await harness.RunAgentOnceAsync()).ExitCode).IsEqualTo(0);
        var resource = await harness.OrderResourceAsync(order);
        var account = (await harness.ResourceAsync(resource)).GetProperty("backend_id").GetString()!;
        await SlurmCluster.WriteAsync("modify", "account", "where", $"name={account}", $"cluster={SlurmCluster.Name}", "set", "GrpTRESMins=cpu=600000");
        var limitWrites = harness.Requests("POST", "/set_limits/").Count;

        var dryRun = await RunAsync(harness, "sync-resource-limits", "--dry-run");
        await Assert.That(dryRun.ExitCode).IsEqualTo(0).Because(dryRun.ToString());
        await Assert.That(dryRun.Output).Contains($"[dry-run] waldur  POST /api/marketplace-provider-resources/{resource:N}/set_limits/");
        await Assert.That((await harness.ResourceAsync(resource)).GetProperty("limits").GetProperty("cpu").GetDecimal()).IsEqualTo(5m);

        var first = await RunAsync(harness, "sync-resource-limits");
        await Assert.That(first.ExitCode).IsEqualTo(0).Because(first.ToString());
        await Assert.That(first.Output.Split('\n')).Contains(l => l.Contains(account, StringComparison.Ordinal) && l.Contains("updated", StringComparison.Ordinal));
        await Assert.That((await harness.ResourceAsync(resource)).GetProperty("limits").GetProperty("cpu").GetDecimal()).IsEqualTo(10m);

        var second = await RunAsync(harness, "sync-resource-limits", "--json");
        await Assert.That(second.ExitCode).IsEqualTo(0).Because(second.ToString());
        using var json = JsonDocument.Parse(second.Output);
        await Assert.That(json.RootElement.EnumerateArray().Single().GetProperty("outcome").GetString()).IsEqualTo("unchanged");
        await Assert.That(harness.Requests("POST", "/set_limits/").Count).IsEqualTo(limitWrites + 1);
        harness.AssertNoContractViolations();
    }

    [Test]
    public async Task SyncOfferingUsers_MovesRequestedUsersOnce_AndListsThem()
    {
        var scenario = new TestScenario();
        var requested = scenario.AddOfferingUser("req", "Requested");
        await using var harness = await AgentHarness.StartAsync(scenario);

        var first = await RunAsync(harness, "sync-offering-users");

        await Assert.That(first.ExitCode).IsEqualTo(0).Because(first.ToString());
        await Assert.That(harness.Emulator.Read(s => s.OfferingUsers.Single(u => u.User.Username == requested).State)).IsEqualTo("Creating");
        await Assert.That(first.Output.Split('\n')).Contains(l => l.Contains(scenario.Usernames[0], StringComparison.Ordinal) && l.Contains("OK", StringComparison.Ordinal));
        var writes = harness.Emulator.Requests.Count(r => r.Method == "POST");
        var second = await RunAsync(harness, "sync-offering-users");
        await Assert.That(second.ExitCode).IsEqualTo(0).Because(second.ToString());
        await Assert.That(harness.Emulator.Requests.Count(r => r.Method == "POST")).IsEqualTo(writes);
    }

    [Test]
    public async Task DiagnoseAccount_ShowsBothSides_AndNamesTheDifference()
    {
        var scenario = new TestScenario();
        var order = scenario.AddCreateOrder("Diagnosed", cpu: 2, state: "executing");
        await using var harness = await AgentHarness.StartAsync(scenario);
        await Assert.That((await harness.RunAgentOnceAsync()).ExitCode).IsEqualTo(0);
        var account = (await harness.ResourceAsync(await harness.OrderResourceAsync(order))).GetProperty("backend_id").GetString()!;

        var agreed = await RunAsync(harness, "diagnose-account", account);
        await Assert.That(agreed.ExitCode).IsEqualTo(0).Because(agreed.ToString());
        await Assert.That(agreed.Output).Contains($"Waldur and the backend agree on {account}");
        await Assert.That(agreed.Output).Contains("cpu=2 (Waldur units)");
        await Assert.That(agreed.Output).Contains(string.Join(", ", scenario.Usernames.Order(StringComparer.Ordinal)));

        var intruder = "stranger" + scenario.Id;
        await SlurmCluster.WriteAsync("add", "user", intruder, $"account={account}", $"cluster={SlurmCluster.Name}");
        var differs = await RunAsync(harness, "diagnose-account", account, "--json");

        await Assert.That(differs.ExitCode).IsEqualTo(1).Because(differs.ToString());
        using var json = JsonDocument.Parse(differs.Output);
        var difference = json.RootElement.GetProperty("differences").EnumerateArray().Single();
        await Assert.That(difference.GetProperty("kind").GetString()).IsEqualTo("extra-user");
        await Assert.That(difference.GetProperty("subject").GetString()).IsEqualTo(intruder);
        await Assert.That(json.RootElement.GetProperty("facts").EnumerateArray()
            .Any(f => f.GetProperty("source").GetString() == "slurm" && f.GetProperty("field").GetString() == "users" && f.GetProperty("value").GetString()!.Contains(intruder, StringComparison.Ordinal))).IsTrue();

        var unknown = await RunAsync(harness, "diagnose-account", scenario.AllocationAccount("nothing"));
        await Assert.That(unknown.Output).Contains("no resource of this offering has this backend_id").And.Contains("does not exist");
    }

    private static Task<ProcessOutcome> RunAsync(AgentHarness harness, params string[] arguments) =>
        AgentBinary.RunAsync([.. arguments, "-c", harness.ConfigPath, "--log-format", "plain"], harness.AgentEnvironment());
}
