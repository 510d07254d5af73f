using System.Text.Json;
using SiteAgent.IntegrationTests.Infrastructure;
using SiteAgent.Testing;

namespace SiteAgent.IntegrationTests.Operator;

/// <summary><c>drift</c> with the AOT binary on the real SLURM cluster: hand-made changes are named exactly, and --apply repairs them.</summary>
public class DriftTests
{
    [Test]
    public async Task HandMadeChanges_AreNamedExactly_AndApplyRepairsThem()
    {
        var scenario = new TestScenario();
        var first = scenario.AddCreateOrder("Drift one", cpu: 5, state: "executing");
        var second = scenario.AddCreateOrder("Drift two", cpu: 3, state: "executing");
        await using var harness = await AgentHarness.StartAsync(scenario);
        await Assert.That((await harness.RunAgentOnceAsync()).ExitCode).IsEqualTo(0);
        var removed = await AccountAsync(harness, first);
        var changed = await AccountAsync(harness, second);
        var clean = await RunAsync(harness, "--json");
        await Assert.That(clean.ExitCode).IsEqualTo(0).Because(clean.ToString());

        var intruder = "intruder" + scenario.Id;
        await SlurmCluster.WriteAsync("remove", "account", "where", $"name={removed}", $"cluster={SlurmCluster.Name}");
        await SlurmCluster.WriteAsync("modify", "account", "where", $"name={changed}", $"cluster={SlurmCluster.Name}", "set", "GrpTRESMins=cpu=123456");
        await SlurmCluster.WriteAsync("add", "user", intruder, $"account={changed}", $"cluster={SlurmCluster.Name}");
        var before = harness.Emulator.Requests.Count;

        var drift = await RunAsync(harness, "--json");

        await Assert.That(drift.ExitCode).IsEqualTo(1).Because(drift.ToString());
        var found = Findings(drift.Output, "differences");
        await Assert.That(found).IsEquivalentTo(new[]
        {
            $"missing-account {removed} ",
            $"limit-mismatch {changed} cpu",
            $"extra-user {changed} {intruder}",
        });
        await Assert.That(harness.Emulator.Requests.Skip(before)).DoesNotContain(r => r.Method is "POST" or "PUT" or "PATCH" or "DELETE");

        var ignored = await RunAsync(harness, "--json", "--ignore-account", removed, "--ignore-user", "intruder*");
        await Assert.That(Findings(ignored.Output, "differences")).IsEquivalentTo(new[] { $"limit-mismatch {changed} cpu" });

        var repair = await RunAsync(harness, "--apply");

        await Assert.That(repair.ExitCode).IsEqualTo(0).Because(repair.ToString());
        await Assert.That(repair.Output).Contains("3 difference(s) found, 0 left after the repair");
        await Assert.That(await SlurmCluster.UsersAsync(removed)).IsEquivalentTo(scenario.Usernames.Order(), CollectionOrdering.Matching);
        await Assert.That(await SlurmCluster.UsersAsync(changed)).IsEquivalentTo(scenario.Usernames.Order(), CollectionOrdering.Matching);
        var limits = await SlurmCluster.SacctmgrAsync("show", "association", "where", $"account={changed}", $"cluster={SlurmCluster.Name}", "format=Account,User,GrpTRESMins");
        await Assert.That(limits).Contains($"{changed}||cpu=180000");
        var resource = await harness.ResourceAsync(await harness.OrderResourceAsync(second));
        await Assert.That(resource.GetProperty("limits").GetProperty("cpu").GetDecimal()).IsEqualTo(3m).Because("Waldur's limit is what the account gets back, never the other way round");
        var after = await RunAsync(harness);
        await Assert.That(after.ExitCode).IsEqualTo(0).Because(after.ToString());
        await Assert.That(after.Output).Contains("0 difference(s) found");
    }

    [Test]
    public async Task UnownedAccount_UnderTheAllocationPrefix_IsReportedAndLeftAlone()
    {
        var scenario = new TestScenario();
        await using var harness = await AgentHarness.StartAsync(scenario);
        var stray = scenario.AllocationAccount("stray");
        await SlurmCluster.WriteAsync("add", "account", stray, $"cluster={SlurmCluster.Name}");

        var drift = await RunAsync(harness, "--json", "--apply");

        await Assert.That(drift.ExitCode).IsEqualTo(1).Because(drift.ToString());
        await Assert.That(Findings(drift.Output, "remaining")).IsEquivalentTo(new[] { $"unowned-account {stray} " });
        await Assert.That(drift.Output).Contains("left alone");
        await Assert.That(await SlurmCluster.AccountAsync(stray)).IsNotNull();
    }

    internal static Task<ProcessOutcome> RunAsync(AgentHarness harness, params string[] extra) =>
        AgentBinary.RunAsync(["drift", "-c", harness.ConfigPath, "--log-format", "plain", .. extra], harness.AgentEnvironment());

    private static async Task<string> AccountAsync(AgentHarness harness, Guid order) =>
        (await harness.ResourceAsync(await harness.OrderResourceAsync(order))).GetProperty("backend_id").GetString()!;

    private static List<string> Findings(string json, string list)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty(list).EnumerateArray()
            .Select(f => $"{f.GetProperty("kind").GetString()} {f.GetProperty("account").GetString()} {f.GetProperty("subject").GetString()}").ToList();
    }
}
