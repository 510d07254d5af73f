using System.Text.Json;
using SiteAgent.IntegrationTests.Infrastructure;
using SiteAgent.Testing;

namespace SiteAgent.IntegrationTests.Operator;

/// <summary><c>load-components</c> with the AOT binary against the emulator.</summary>
public class LoadComponentsTests
{
    private static readonly string[] Components =
    [
        """cpu: {measured_unit: "k-Hours", unit_factor: 60000, accounting_type: "limit", label: "CPU cores", limit: 500}""",
        """mem: {measured_unit: "gb-Hours", unit_factor: 61440, accounting_type: "usage", label: "RAM"}""",
        """gpu: {measured_unit: "GPU-Hours", unit_factor: 60, accounting_type: "one", label: "GPU", description: "A100 hours"}""",
    ];

    [Test]
    public async Task CreatesNewUpdatesChangedAndLeavesTheRest_SecondRunChangesNothing()
    {
        var scenario = new TestScenario();
        await using var harness = await AgentHarness.StartAsync(scenario);
        WriteConfig(harness, scenario);

        var first = await RunAsync(harness);

        await Assert.That(first.ExitCode).IsEqualTo(0).Because(first.ToString());
        var rows = first.Output.Split('\n');
        await Assert.That(rows).Contains(l => l.Contains("  cpu ", StringComparison.Ordinal) && l.Contains("updated", StringComparison.Ordinal)
                                             && l.Contains("name CPU → CPU cores", StringComparison.Ordinal) && l.Contains("limit_amount (none) → 500", StringComparison.Ordinal)).Because(first.Output);
        await Assert.That(rows).Contains(l => l.Contains("  gpu ", StringComparison.Ordinal) && l.Contains("created", StringComparison.Ordinal)).Because(first.Output);
        await Assert.That(rows).Contains(l => l.Contains("  mem ", StringComparison.Ordinal) && l.Contains("unchanged", StringComparison.Ordinal)).Because(first.Output);
        var components = await ComponentsAsync(harness, scenario);
        await Assert.That(components["cpu"].GetProperty("name").GetString()).IsEqualTo("CPU cores");
        await Assert.That(components["cpu"].GetProperty("limit_amount").GetInt64()).IsEqualTo(500);
        await Assert.That(components["gpu"].GetProperty("billing_type").GetString()).IsEqualTo("one");
        await Assert.That(components["gpu"].GetProperty("is_prepaid").GetBoolean()).IsTrue();
        await Assert.That(components["gpu"].GetProperty("description").GetString()).IsEqualTo("A100 hours");
        harness.AssertNoContractViolations();

        var writes = harness.Emulator.Requests.Count(r => r.Method == "POST");
        var second = await RunAsync(harness, "--json");
        await Assert.That(second.ExitCode).IsEqualTo(0).Because(second.ToString());
        using var json = JsonDocument.Parse(second.Output);
        await Assert.That(json.RootElement.EnumerateArray().Select(c => c.GetProperty("action").GetString()!).Distinct().ToList()).IsEquivalentTo(new[] { "unchanged" });
        await Assert.That(harness.Emulator.Requests.Count(r => r.Method == "POST")).IsEqualTo(writes);
    }

    [Test]
    public async Task DryRun_PrintsTheWritesAndMakesNone()
    {
        var scenario = new TestScenario();
        await using var harness = await AgentHarness.StartAsync(scenario);
        WriteConfig(harness, scenario);

        var outcome = await RunAsync(harness, "--dry-run");

        await Assert.That(outcome.ExitCode).IsEqualTo(0).Because(outcome.ToString());
        await Assert.That(outcome.Output).Contains($"[dry-run] waldur  POST /api/marketplace-provider-offerings/{scenario.OfferingUuid:N}/create_offering_component/");
        await Assert.That(outcome.Output).Contains("update_offering_component");
        await Assert.That(harness.Emulator.Requests).DoesNotContain(r => r.Method is "POST" or "PUT" or "PATCH" or "DELETE");
        await Assert.That((await ComponentsAsync(harness, scenario)).ContainsKey("gpu")).IsFalse();
    }

    private static void WriteConfig(AgentHarness harness, TestScenario scenario) =>
        File.WriteAllText(harness.ConfigPath, SlurmAgentConfig.Yaml("Cluster " + scenario.Id, harness.Emulator.ApiUrl, scenario.Token, scenario.OfferingUuid,
            scenario.AccountPrefix, SlurmCluster.Name, components: Components));

    private static async Task<Dictionary<string, JsonElement>> ComponentsAsync(AgentHarness harness, TestScenario scenario)
    {
        var offering = await harness.GetAsync($"marketplace-provider-offerings/{scenario.OfferingUuid:N}/?field=components");
        return offering.GetProperty("components").EnumerateArray().ToDictionary(c => c.GetProperty("type").GetString()!, c => c.Clone());
    }

    private static Task<ProcessOutcome> RunAsync(AgentHarness harness, params string[] extra) =>
        AgentBinary.RunAsync(["load-components", "-c", harness.ConfigPath, "--log-format", "plain", .. extra], harness.AgentEnvironment());
}
