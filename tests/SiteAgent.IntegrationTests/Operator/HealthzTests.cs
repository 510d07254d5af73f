using SiteAgent.IntegrationTests.Infrastructure;
using SiteAgent.Testing;

namespace SiteAgent.IntegrationTests.Operator;

/// <summary><c>healthz</c> with the AOT binary: liveness from the heartbeat file's age, readiness from the emulator.</summary>
public class HealthzTests
{
    [Test]
    public async Task Liveness_FollowsTheHeartbeatAgeAndMaxAge()
    {
        var directory = Directory.CreateTempSubdirectory("healthz-").FullName;
        try
        {
            var heartbeat = Path.Combine(directory, "heartbeat");
            var missing = await AgentBinary.RunAsync("healthz", "--liveness-only", "--heartbeat-file", heartbeat, "--log-format", "plain");
            await Assert.That(missing.ExitCode).IsEqualTo(1).Because(missing.ToString());
            await Assert.That(missing.Output).Contains("Heartbeat stale or missing").And.Contains("missing");

            File.WriteAllText(heartbeat, "0");
            var fresh = await AgentBinary.RunAsync("healthz", "--liveness-only", "--heartbeat-file", heartbeat);
            await Assert.That(fresh.ExitCode).IsEqualTo(0).Because(fresh.ToString());

            File.SetLastWriteTimeUtc(heartbeat, DateTime.UtcNow.AddMinutes(-10));
            var stale = await AgentBinary.RunAsync("healthz", "--liveness-only", "--heartbeat-file", heartbeat, "--log-format", "plain");
            await Assert.That(stale.ExitCode).IsEqualTo(1).Because(stale.ToString());
            await Assert.That(stale.Output).Contains("(limit 300 s)");

            var patient = await AgentBinary.RunAsync("healthz", "--liveness-only", "--heartbeat-file", heartbeat, "--max-age", "900");
            await Assert.That(patient.ExitCode).IsEqualTo(0).Because(patient.ToString());

            var fromEnvironment = await AgentBinary.RunAsync(["healthz", "--liveness-only"], new Dictionary<string, string?> { ["WALDUR_SITE_AGENT_HEARTBEAT_FILE"] = heartbeat });
            await Assert.That(fromEnvironment.ExitCode).IsEqualTo(1).Because("the variable names the stale file: " + fromEnvironment);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public async Task Readiness_NeedsWaldurToAnswer()
    {
        var scenario = new TestScenario();
        await using var harness = await AgentHarness.StartAsync(scenario);
        var environment = harness.AgentEnvironment();
        File.WriteAllText(environment["WALDUR_SITE_AGENT_HEARTBEAT_FILE"]!, "0");

        var ready = await AgentBinary.RunAsync(["healthz", "-c", harness.ConfigPath], environment);
        await Assert.That(ready.ExitCode).IsEqualTo(0).Because(ready.ToString());
        await Assert.That(harness.Requests("GET", "/api/users/me/")).Count().IsEqualTo(1);

        File.WriteAllText(harness.ConfigPath, File.ReadAllText(harness.ConfigPath).Replace(scenario.Token, "refused-token-0123456789abcdef", StringComparison.Ordinal));
        var refused = await AgentBinary.RunAsync(["healthz", "-c", harness.ConfigPath, "--log-format", "plain"], environment);
        await Assert.That(refused.ExitCode).IsEqualTo(1).Because(refused.ToString());
        await Assert.That(refused.Output).Contains("Cannot reach Waldur API");
        await Assert.That(refused.Output + refused.Error).DoesNotContain("refused-token-0123456789abcdef");
    }

    [Test]
    public async Task ReferenceName_ReadsTheReferenceDefaultConfig()
    {
        var directory = Directory.CreateTempSubdirectory("healthz-").FullName;
        try
        {
            var heartbeat = Path.Combine(directory, "heartbeat");
            File.WriteAllText(heartbeat, "0");
            var link = Path.Combine(directory, "waldur_site_healthz");
            File.CreateSymbolicLink(link, AgentBinary.Path);

            var outcome = await ProcessRunner.RunAsync(link, [], new Dictionary<string, string?> { ["WALDUR_SITE_AGENT_HEARTBEAT_FILE"] = heartbeat }, directory);

            // Alive, but /etc/waldur-site-agent/config.yaml does not exist here: not ready.
            await Assert.That(outcome.ExitCode).IsEqualTo(1).Because(outcome.ToString());
            await Assert.That(outcome.Output + outcome.Error).Contains("/etc/waldur-site-agent/config.yaml");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
