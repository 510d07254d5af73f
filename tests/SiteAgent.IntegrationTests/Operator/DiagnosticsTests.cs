using System.Text.Json;
using SiteAgent.IntegrationTests.Infrastructure;
using SiteAgent.Testing;

namespace SiteAgent.IntegrationTests.Operator;

/// <summary><c>diagnostics</c> with the AOT binary against the emulator and the real SLURM cluster.</summary>
public class DiagnosticsTests
{
    [Test]
    public async Task HealthySite_EveryCheckPassesAndExitIsZero()
    {
        var scenario = new TestScenario();
        scenario.AddCreateOrder("Waiting", cpu: 1);
        await using var harness = await AgentHarness.StartAsync(scenario);
        File.SetUnixFileMode(harness.ConfigPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var outcome = await RunAsync(harness);

        await Assert.That(outcome.ExitCode).IsEqualTo(0).Because(outcome.ToString());
        var lines = outcome.Output.Split('\n');
        await Assert.That(lines[0]).StartsWith("STATUS  SCOPE");
        foreach (var check in new[] { "config permissions", "Waldur token", "offering", "pending orders", "cluster name", "SLURM binaries", "slurmdbd answering", "cluster known", "association tree", "owned accounts", "default account" })
        {
            await Assert.That(lines).Contains(l => l.StartsWith("OK ", StringComparison.Ordinal) && l.Contains("  " + check + "  ", StringComparison.Ordinal)).Because(outcome.Output);
        }

        await Assert.That(outcome.Output).Contains("1 pending-provider, 0 executing");
        await Assert.That(outcome.Output).Contains($"{SlurmCluster.Name} matches the offering's backend_id");
        await Assert.That(outcome.Output).Contains("every parent present");
        await Assert.That(outcome.Output).DoesNotContain("FAIL ");
        await Assert.That(outcome.Output).DoesNotContain(scenario.Token);
        await Assert.That(harness.Emulator.Requests).DoesNotContain(r => r.Method is "POST" or "PUT" or "PATCH" or "DELETE");
    }

    [Test]
    public async Task Json_ListsEveryCheckWithItsStatus_AndAReadableConfigWarns()
    {
        var scenario = new TestScenario();
        await using var harness = await AgentHarness.StartAsync(scenario);
        File.SetUnixFileMode(harness.ConfigPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var outcome = await RunAsync(harness, "--json");

        await Assert.That(outcome.ExitCode).IsEqualTo(0).Because(outcome.ToString());
        using var json = JsonDocument.Parse(outcome.Output);
        await Assert.That(json.RootElement.GetProperty("passed").GetBoolean()).IsTrue();
        await Assert.That(json.RootElement.GetProperty("failed").GetInt32()).IsEqualTo(0);
        var checks = json.RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("check").GetString()!, c => (Status: c.GetProperty("status").GetString(), Reason: c.GetProperty("reason").GetString()!));
        await Assert.That(checks["config permissions"].Status).IsEqualTo("WARN");
        await Assert.That(checks["config permissions"].Reason).Contains("mode 0644").And.Contains("chmod 600");
        await Assert.That(checks["slurmdbd answering"].Status).IsEqualTo("OK");
        await Assert.That(checks["association tree"].Status).IsEqualTo("OK");
        await Assert.That(checks["owned accounts"].Reason).Contains($"with the agent's prefixes ({scenario.AccountPrefix}c_");
    }

    [Test]
    public async Task RejectedToken_FailsThatOfferingWithoutPrintingTheToken_ExitOne()
    {
        var scenario = new TestScenario();
        await using var harness = await AgentHarness.StartAsync(scenario);
        const string wrongToken = "wrong-token-0123456789abcdef0123";
        File.WriteAllText(harness.ConfigPath, File.ReadAllText(harness.ConfigPath).Replace(scenario.Token, wrongToken, StringComparison.Ordinal));

        var outcome = await RunAsync(harness);

        await Assert.That(outcome.ExitCode).IsEqualTo(1).Because(outcome.ToString());
        await Assert.That(outcome.Output).Contains("Waldur refused the token (HTTP 401)");
        await Assert.That(outcome.Output.Split('\n')).Contains(l => l.StartsWith("FAIL", StringComparison.Ordinal) && l.Contains("Waldur token", StringComparison.Ordinal));
        await Assert.That(outcome.Output + outcome.Error).DoesNotContain(wrongToken);
        await Assert.That(outcome.Output).Contains("failed");
    }

    [Test]
    public async Task ReferenceName_RunsDiagnosticsWithTheConfigInTheWorkingDirectory()
    {
        var scenario = new TestScenario();
        await using var harness = await AgentHarness.StartAsync(scenario);
        File.Copy(harness.ConfigPath, Path.Combine(harness.Directory, "waldur-site-agent-config.yaml"));
        var link = Path.Combine(harness.Directory, "waldur_site_diagnostics");
        File.CreateSymbolicLink(link, AgentBinary.Path);

        var outcome = await ProcessRunner.RunAsync(link, [], harness.AgentEnvironment(), harness.Directory);

        await Assert.That(outcome.ExitCode).IsEqualTo(0).Because(outcome.ToString());
        await Assert.That(outcome.Output).Contains("waldur-site-agent-config.yaml: 1 offering(s)");
    }

    [Test]
    // The event tests stop and restart the shared broker; this check needs it up, so it waits for them.
    [NotInParallel("rabbitmq-broker")]
    public async Task StompOffering_BrokerIsConnectedToThenLeft_AndAClosedPortFails()
    {
        var scenario = new TestScenario();
        await using var harness = await AgentHarness.StartAsync(scenario);
        var config = File.ReadAllText(harness.ConfigPath);
        string WithBroker(int port) => config.Replace("    reporting_backend: \"slurm\"\n",
            $"    reporting_backend: \"slurm\"\n    stomp_enabled: true\n    stomp_ws_host: \"127.0.0.1\"\n    stomp_ws_port: {port}\n    stomp_ws_path: \"/ws\"\n    websocket_use_tls: false\n",
            StringComparison.Ordinal);

        File.WriteAllText(harness.ConfigPath, WithBroker(15674));
        var reachable = await RunAsync(harness, "--json");
        File.WriteAllText(harness.ConfigPath, WithBroker(1));
        var closed = await RunAsync(harness, "--json");

        var broker = Check(reachable.Output, "STOMP broker");
        await Assert.That(broker.Status is "OK" or "WARN").IsTrue().Because(reachable.ToString());
        await Assert.That(broker.Reason).Contains("ws://127.0.0.1:15674/ws");
        await Assert.That(broker.Reason).Contains(broker.Status == "OK" ? "accepted a connection (then disconnected)" : "answers but refused");
        await Assert.That(closed.ExitCode).IsEqualTo(1).Because(closed.ToString());
        await Assert.That(Check(closed.Output, "STOMP broker").Status).IsEqualTo("FAIL");
    }

    private static (string Status, string Reason) Check(string json, string name)
    {
        using var document = JsonDocument.Parse(json);
        var check = document.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("check").GetString() == name);
        return (check.GetProperty("status").GetString()!, check.GetProperty("reason").GetString()!);
    }

    internal static Task<ProcessOutcome> RunAsync(AgentHarness harness, params string[] extra) =>
        AgentBinary.RunAsync(["diagnostics", "-c", harness.ConfigPath, "--log-format", "plain", .. extra], harness.AgentEnvironment());
}
