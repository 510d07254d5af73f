using SiteAgent.IntegrationTests.Infrastructure;
using SiteAgent.Testing;

namespace SiteAgent.IntegrationTests.Operator;

/// <summary>The API token never reaches any operator command's output, --json included, even when it is planted in every free-text config field.</summary>
public class SecretsInOutputTests
{
    public static IEnumerable<string> Commands() =>
    [
        "diagnostics", "diagnostics --json",
        "load-components", "load-components --json", "load-components --dry-run",
        "drift", "drift --json", "drift --apply --dry-run",
        "diagnose-account ACCOUNT", "diagnose-account ACCOUNT --json",
        "sync-offering-users", "sync-offering-users --json",
        "sync-resource-limits", "sync-resource-limits --json",
        "create-homedirs --dry-run",
        "healthz",
        "test-order --template create/basic.json", "test-order --template create/slurm-full.json --json-output --verbose",
        "test-order --template terminate/basic.json --use-real-backend --verbose", "test-order --order-file ORDER_FILE",
    ];

    [Test]
    [MethodDataSource(nameof(Commands))]
    public async Task PlantedToken_NeverPrinted(string commandLine)
    {
        var command = commandLine.Split(' ');
        var scenario = new TestScenario();
        var order = scenario.AddCreateOrder("Secret", cpu: 1, state: "executing");
        await using var harness = await AgentHarness.StartAsync(scenario);
        await Assert.That((await harness.RunAgentOnceAsync()).ExitCode).IsEqualTo(0);
        var account = (await harness.ResourceAsync(await harness.OrderResourceAsync(order))).GetProperty("backend_id").GetString()!;
        var token = scenario.Token;
        File.WriteAllText(harness.ConfigPath, SlurmAgentConfig.Yaml($"Cluster {token}", harness.Emulator.ApiUrl, token, scenario.OfferingUuid,
            scenario.AccountPrefix, SlurmCluster.Name,
            new Dictionary<string, string> { ["qos_paused"] = $"\"{token}\"", ["qos_downscaled"] = $"\"{token}\"" },
            components:
            [
                $$"""cpu: {measured_unit: "{{token}}", unit_factor: 60000, accounting_type: "limit", label: "{{token}}", description: "{{token}}", article_code: "{{token}}"}""",
                $$"""mem: {measured_unit: "gb-Hours", unit_factor: 61440, accounting_type: "usage", label: "RAM {{token}}"}""",
            ]));
        var environment = harness.AgentEnvironment();
        File.WriteAllText(environment["WALDUR_SITE_AGENT_HEARTBEAT_FILE"]!, "0");
        var orderFile = Path.Combine(Path.GetDirectoryName(harness.ConfigPath)!, "order.json");
        File.WriteAllText(orderFile, $$"""{"type": "Create", "resource_name": "r", "offering_uuid": "{{scenario.OfferingUuid:N}}"}""");
        var arguments = command.Select(a => a switch { "ACCOUNT" => account, "ORDER_FILE" => orderFile, _ => a }).ToList();

        var outcome = await AgentBinary.RunAsync([.. arguments, "-c", harness.ConfigPath, "--log-format", "plain"], environment);

        await Assert.That(outcome.Output + outcome.Error).DoesNotContain(token).Because(outcome.ToString());
        await Assert.That(outcome.Output + outcome.Error).DoesNotContain("0123456789abcdef");
        await Assert.That(outcome.ExitCode is 0 or 1).IsTrue().Because(outcome.ToString());
    }
}
