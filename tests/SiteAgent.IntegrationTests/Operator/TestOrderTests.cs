using System.Text.Json;
using SiteAgent.IntegrationTests.Infrastructure;
using SiteAgent.Testing;

namespace SiteAgent.IntegrationTests.Operator;

/// <summary><c>test-order</c> with the AOT binary: every flow and exit status; Waldur is never contacted and SLURM never written.</summary>
public sealed class TestOrderTests : IDisposable
{
    private const string OfferingUuid = "d629d5e4-5567-425d-a9cd-bdc1af67b32c";
    private readonly string _directory = Directory.CreateTempSubdirectory("test-order-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Test]
    public async Task ListTemplates_ShowsTheBuiltInSetOrAnotherDirectory()
    {
        var builtIn = await AgentBinary.RunAsync("test-order", "--list-templates");
        var missing = Path.Combine(_directory, "new", "templates");
        var empty = await AgentBinary.RunAsync("test-order", "--list-templates", "--template-dir", missing);
        Directory.CreateDirectory(Path.Combine(missing, "site"));
        File.WriteAllText(Path.Combine(missing, "site", "mine.json"), "{}");
        var own = await AgentBinary.RunAsync("test-order", "--list-templates", "--template-dir", missing);

        await Assert.That(builtIn.ExitCode).IsEqualTo(0).Because(builtIn.ToString());
        await Assert.That(builtIn.Output).IsEqualTo(
            "Available templates:\n  - create/basic.json\n  - create/slurm-full.json\n  - create/with-limits.json\n" +
            "  - terminate/basic.json\n  - update/attributes-and-limits.json\n  - update/limits-only.json\n");
        await Assert.That(empty.Output).IsEqualTo("No templates found\n");
        await Assert.That(empty.ExitCode).IsEqualTo(0);
        await Assert.That(own.Output).IsEqualTo("Available templates:\n  - site/mine.json\n");
    }

    [Test]
    public async Task ValidateOnly_NeedsNoConfigAndReportsUndefinedVariables()
    {
        var valid = await AgentBinary.RunAsync("test-order", "--template", "create/basic.json", "--validate-only", "--var", "offering_uuid=" + OfferingUuid);
        var undefined = await AgentBinary.RunAsync("test-order", "--template", "create/basic.json", "--validate-only");
        var json = await AgentBinary.RunAsync("test-order", "--template", "update/attributes-and-limits.json", "--validate-only", "--json-output",
            "--var", "marketplace_resource_uuid=not-a-uuid");

        await Assert.That(valid.ExitCode).IsEqualTo(0).Because(valid.ToString());
        await Assert.That(valid.Output).StartsWith("Test Result: SUCCESS\nOrder UUID: ").And.Contains("\nOrder Type: Create\nResource Name: test-allocation\n");
        await Assert.That(valid.Output).DoesNotContain("Execution Time");
        await Assert.That(undefined.ExitCode).IsEqualTo(1);
        await Assert.That(undefined.Output).Contains("Test Result: FAILED\n").And.Contains(
            "\nErrors:\n  - Failed to render template: create/basic.json line 14: variable 'offering_uuid' is undefined");
        await Assert.That(json.ExitCode).IsEqualTo(1);
        var result = JsonDocument.Parse(json.Output).RootElement;
        await Assert.That(result.GetProperty("success").GetBoolean()).IsFalse();
        await Assert.That(result.GetProperty("errors")[0].GetString()).IsEqualTo("Invalid UUID format for field 'marketplace_resource_uuid': not-a-uuid");
        await Assert.That(result.GetProperty("execution_time_seconds").ValueKind).IsEqualTo(JsonValueKind.Null);
    }

    [Test]
    public async Task GenerateOnly_PrintsOrWritesTwoSpaceJson()
    {
        var output = Path.Combine(_directory, "order.json");
        var printed = await AgentBinary.RunAsync("test-order", "--template", "create/with-limits.json", "--generate-only",
            "--var", "offering_uuid=" + OfferingUuid, "--var", "cpu_limit=2000", "--var", "attributes={\"x\": 1}");
        var written = await AgentBinary.RunAsync("test-order", "--template", "update/limits-only.json", "--generate-only",
            "--var", "new_cpu_limit=1", "--var", "new_mem_limit=2", "-o", output);
        var broken = await AgentBinary.RunAsync("test-order", "--template", "update/limits-only.json", "--generate-only");

        await Assert.That(printed.ExitCode).IsEqualTo(0).Because(printed.ToString());
        await Assert.That(printed.Output).StartsWith("{\n  \"uuid\": \"");
        var order = JsonDocument.Parse(printed.Output).RootElement;
        await Assert.That(order.GetProperty("limits").GetProperty("cpu").GetInt32()).IsEqualTo(2000);
        await Assert.That(order.GetProperty("offering_uuid").GetString()).IsEqualTo(OfferingUuid);
        await Assert.That(written.ExitCode).IsEqualTo(0).Because(written.ToString());
        await Assert.That(written.Output).IsEqualTo($"Generated order saved to: {output}\n");
        await Assert.That(JsonDocument.Parse(File.ReadAllText(output)).RootElement.GetProperty("limits").GetRawText()).Contains("\"mem\": 2");
        await Assert.That(broken.ExitCode).IsEqualTo(1);
        await Assert.That(broken.Error).Matches(@"^Error: Failed to generate order from template: Failed to render template: update/limits-only\.json line \d+: variable 'new_cpu_limit' is undefined");
        await Assert.That(broken.Output).IsEqualTo(string.Empty);
    }

    [Test]
    public async Task OwnTemplate_ErrorsNameFileLineAndVariable()
    {
        File.WriteAllText(Path.Combine(_directory, "mine.json"), "{\n  \"type\": \"Create\",\n  \"resource_name\": \"{{ name }}\"\n}\n");

        var outcome = await AgentBinary.RunAsync("test-order", "--template-dir", _directory, "--template", "mine.json", "--validate-only");

        await Assert.That(outcome.ExitCode).IsEqualTo(1);
        await Assert.That(outcome.Output).Contains("mine.json line 3: variable 'name' is undefined");
    }

    [Test]
    [Arguments(new[] { "--var", "novalue" }, 1, "Error: Invalid variable format 'novalue'. Expected format: key=value")]
    [Arguments(new[] { "--template", "create/basic.json", "--order-file", "o.json" }, 2, "--template and --order-file cannot be used together")]
    [Arguments(new[] { "--template", "create/basic.json" }, 1, "Error: Configuration file is required (use -c/--config)")]
    [Arguments(new[] { "--order-file", "o.json", "-c", "/nonexistent/agent.yaml" }, 1, "Error: Configuration file not found: /nonexistent/agent.yaml")]
    public async Task WrongUse_SaysWhatIsWrongWithItsExitStatus(string[] arguments, int exitCode, string message)
    {
        var outcome = await AgentBinary.RunAsync(["test-order", .. arguments]);

        await Assert.That(outcome.ExitCode).IsEqualTo(exitCode).Because(outcome.ToString());
        await Assert.That(outcome.Error).Contains(message);
    }

    [Test]
    public async Task InvalidConfig_FailsToInitializeTheHarness()
    {
        var config = Path.Combine(_directory, "agent.yaml");
        File.WriteAllText(config, "offerings: 12\n");

        var outcome = await AgentBinary.RunAsync("test-order", "-c", config, "--template", "create/basic.json");

        await Assert.That(outcome.ExitCode).IsEqualTo(1);
        await Assert.That(outcome.Error).StartsWith("Error: Failed to initialize test harness: ");
    }

    [Test]
    public async Task Help_ExplainsTheFlowsAndOptions()
    {
        var outcome = await AgentBinary.RunAsync("test-order", "--help");

        await Assert.That(outcome.ExitCode).IsEqualTo(0);
        foreach (var text in new[] { "--template-dir", "--order-file", "--var", "--offering-uuid", "--validate-only", "--generate-only", "--use-real-backend",
                     "--output", "--verbose", "--json-output", "--list-templates", "uuid4", "Nothing is ever written", "Exit status" })
        {
            await Assert.That(outcome.Output).Contains(text);
        }
    }

    [Test]
    public async Task ReferenceName_RunsTestOrder()
    {
        var link = Path.Combine(_directory, "waldur_site_test_order");
        File.CreateSymbolicLink(link, AgentBinary.Path);

        var outcome = await ProcessRunner.RunAsync(link, ["--list-templates"]);

        await Assert.That(outcome.ExitCode).IsEqualTo(0).Because(outcome.ToString());
        await Assert.That(outcome.Output).Contains("  - create/basic.json\n");
    }

    [Test]
    public async Task Template_WithConfig_UsesTheOfferingAndTheMockWithoutContactingWaldur()
    {
        var scenario = new TestScenario();
        await using var harness = await AgentHarness.StartAsync(scenario);

        var text = await AgentBinary.RunAsync(["test-order", "-c", harness.ConfigPath, "--template", "create/basic.json", "--verbose", "--dry-run"], harness.AgentEnvironment());
        var json = await AgentBinary.RunAsync(["test-order", "-c", harness.ConfigPath, "--template", "create/slurm-full.json", "--json-output",
            "--offering-uuid", scenario.OfferingUuid.ToString("D"), "--var", "resource_name=alloc-x"], harness.AgentEnvironment());

        await Assert.That(text.ExitCode).IsEqualTo(0).Because(text.ToString());
        await Assert.That(text.Output).Matches(@"^Test Result: SUCCESS\nOrder UUID: [0-9a-f-]{36}\nOrder Type: Create\nResource Name: test-allocation\nExecution Time: \d+\.\d\ds\n\nBackend Operations:\n  1\. ping \(mock backend\): answered\n$");
        await Assert.That(text.Error).Contains($"Rendered template create/basic.json").And.Contains(scenario.OfferingUuid.ToString("N"));
        await Assert.That(json.ExitCode).IsEqualTo(0).Because(json.ToString());
        var result = JsonDocument.Parse(json.Output).RootElement;
        await Assert.That(result.GetProperty("success").GetBoolean()).IsTrue();
        await Assert.That(result.GetProperty("order_type").GetString()).IsEqualTo("Create");
        await Assert.That(result.GetProperty("resource_name").GetString()).IsEqualTo("alloc-x");
        await Assert.That(result.GetProperty("backend_operations")[0].GetProperty("operation").GetString()).IsEqualTo("ping");
        await Assert.That(result.GetProperty("execution_time_seconds").GetDouble()).IsGreaterThanOrEqualTo(0);
        await Assert.That(harness.Emulator.Requests).IsEmpty().Because("test-order never contacts Waldur");
    }

    [Test]
    public async Task OrderFile_StructureCheckAndOrderCheck()
    {
        var scenario = new TestScenario();
        await using var harness = await AgentHarness.StartAsync(scenario);
        var update = Path.Combine(_directory, "update.json");
        File.WriteAllText(update, """{"type": "Update", "resource_name": "r", "limits": {"cpu": 5}}""");
        var create = Path.Combine(_directory, "create.json");
        File.WriteAllText(create, """{"uuid": "d629d5e4-5567-425d-a9cd-bdc1af67b32c", "type": "Create"}""");
        var notJson = Path.Combine(_directory, "broken.json");
        File.WriteAllText(notJson, "{ nope");
        var trailingComma = Path.Combine(_directory, "trailing-comma.json");
        File.WriteAllText(trailingComma, """{"type": "Create",}""");
        string[] Run(string file, params string[] extra) => ["test-order", "-c", harness.ConfigPath, "--order-file", file, .. extra];

        var structure = await AgentBinary.RunAsync(Run(update, "--validate-only"), harness.AgentEnvironment());
        var executed = await AgentBinary.RunAsync(Run(update), harness.AgentEnvironment());
        var created = await AgentBinary.RunAsync(Run(create), harness.AgentEnvironment());
        var broken = await AgentBinary.RunAsync(Run(notJson, "--validate-only"), harness.AgentEnvironment());
        var absent = await AgentBinary.RunAsync(Run(Path.Combine(_directory, "absent.json")), harness.AgentEnvironment());
        var comma = await AgentBinary.RunAsync(Run(trailingComma, "--validate-only"), harness.AgentEnvironment());
        var otherOffering = await AgentBinary.RunAsync(Run(create, "--offering-uuid", Guid.NewGuid().ToString("N")), harness.AgentEnvironment());

        await Assert.That(structure.ExitCode).IsEqualTo(1);
        await Assert.That(structure.Output).Contains("\nWarnings:\n  - Order UUID not specified - will be auto-generated\n")
            .And.Contains("\nErrors:\n  - Marketplace resource UUID required for UPDATE order\n");
        await Assert.That(executed.ExitCode).IsEqualTo(1);
        await Assert.That(executed.Output).Matches(@"Order UUID: [0-9a-f-]{36}\n");
        await Assert.That(executed.Output).Contains("Marketplace resource UUID required for UPDATE order");
        await Assert.That(created.ExitCode).IsEqualTo(0).Because(created.ToString());
        await Assert.That(created.Output).Contains("Order UUID: d629d5e4-5567-425d-a9cd-bdc1af67b32c\n")
            .And.Contains("  - No resource name specified for CREATE order\n  - No marketplace resource UUID specified for CREATE order\n");
        await Assert.That(broken.ExitCode).IsEqualTo(1);
        await Assert.That(broken.Error).Contains("Error: Failed to load order file: ").And.Contains(" at line 1, byte ");
        // The binary carries .NET's resource keys, not its messages; the error is rebuilt in words.
        await Assert.That(broken.Error).DoesNotContain("BytePositionInLine");
        await Assert.That(comma.ExitCode).IsEqualTo(1);
        await Assert.That(comma.Error).Contains("Error: Failed to load order file: a trailing comma is not allowed before '}' at line 1, byte ");
        await Assert.That(absent.ExitCode).IsEqualTo(1);
        await Assert.That(absent.Output).Contains("Order file not found: ");
        await Assert.That(otherOffering.ExitCode).IsEqualTo(1);
        await Assert.That(otherOffering.Output).Contains("not found in configuration");
        await Assert.That(harness.Emulator.Requests).IsEmpty();
    }

    [Test]
    public async Task UseRealBackend_PingsTheRealClusterAndWritesNothing()
    {
        var scenario = new TestScenario();
        await using var harness = await AgentHarness.StartAsync(scenario);
        var real = await AgentBinary.RunAsync(["test-order", "-c", harness.ConfigPath, "--template", "create/slurm-full.json", "--use-real-backend",
            "--verbose", "--json-output", "--var", "resource_name=" + scenario.AllocationAccount("real")], harness.AgentEnvironment());
        var unreachable = harness.AgentEnvironment();
        unreachable["SLURM_CONF"] = Path.Combine(_directory, "no-such-slurm.conf");
        var down = await AgentBinary.RunAsync(["test-order", "-c", harness.ConfigPath, "--template", "terminate/basic.json", "--use-real-backend", "--verbose"], unreachable);

        await Assert.That(real.ExitCode).IsEqualTo(0).Because(real.ToString());
        var operation = JsonDocument.Parse(real.Output).RootElement.GetProperty("backend_operations")[0];
        await Assert.That(operation.GetProperty("backend").GetString()).IsEqualTo("slurm");
        await Assert.That(operation.GetProperty("outcome").GetString()).IsEqualTo("answered");
        await Assert.That(real.Error).Contains("sacctmgr --parsable2 --noheader --immediate list account").Because("--verbose logs the read the ping made: " + real);
        await Assert.That(real.Error).DoesNotContain("refused");
        await Assert.That(await SlurmCluster.AccountsWithPrefixAsync(scenario.AccountPrefix)).IsEmpty();
        await Assert.That(down.ExitCode).IsEqualTo(1).Because(down.ToString());
        await Assert.That(down.Output).Contains("  1. ping (slurm backend): did not answer\n").And.Contains("Backend slurm did not answer the ping");
        await Assert.That(harness.Emulator.Requests).IsEmpty();
    }
}
