using System.IO;
using System.Text.Json;
using SiteAgent.Testing;

namespace SiteAgent.Tests.Logging;

/// <summary>Log format and level selection, observed on the real binary's output.</summary>
public class LogOutputTests
{
    private static string Example => RepositoryPaths.Combine("examples", "waldur-site-agent-config.yaml");

    [Test]
    public async Task JsonFormat_WritesOneJsonObjectPerLineWithEventId()
    {
        var outcome = await AgentBinary.RunAsync(["config", "validate", "-c", Example, "--log-format", "json"], null);

        var entry = JsonLines(outcome.Error).Single(e => e.GetProperty("EventId").GetInt32() == 1001);
        await Assert.That(entry.GetProperty("LogLevel").GetString()).IsEqualTo("Information");
        await Assert.That(entry.GetProperty("Message").GetString()).IsEqualTo($"Using {Example} as a config source");
    }

    [Test]
    public async Task SystemdFormat_PrefixesSyslogPriority()
    {
        var outcome = await AgentBinary.RunAsync(["config", "validate", "-c", Example], new Dictionary<string, string?> { ["WALDUR_SITE_AGENT_LOG_FORMAT"] = "systemd" });

        await Assert.That(outcome.Error).Contains($"<6>SiteAgent.Config[1001] Using {Example} as a config source");
        await Assert.That(outcome.Error).Contains("<4>SiteAgent.Config[1101] Config: sentry_dsn: sentry_dsn is accepted for compatibility");
    }

    [Test]
    public async Task AutoFormat_JournalStreamOfAnotherSocket_FallsBackToPlain()
    {
        // stderr here is a pipe, so a JOURNAL_STREAM inherited from a parent service must not switch formats.
        var outcome = await AgentBinary.RunAsync(["config", "validate", "-c", Example], new Dictionary<string, string?> { ["JOURNAL_STREAM"] = "8:1" });

        await Assert.That(outcome.Error).Matches(@"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z info: SiteAgent.Config\[1001\] Using ");
        await Assert.That(outcome.Error).DoesNotContain("<6>");
    }

    [Test]
    public async Task LevelFromEnvironment_OverridesConfigFile()
    {
        var outcome = await AgentBinary.RunAsync(["config", "validate", "-c", Example], new Dictionary<string, string?> { ["WALDUR_SITE_AGENT_LOG_LEVEL"] = "error" });

        await Assert.That(outcome.ExitCode).IsEqualTo(0);
        await Assert.That(outcome.Error).IsEqualTo(string.Empty);
    }

    [Test]
    public async Task SecretInAStructuredValue_IsMaskedInJsonLogs()
    {
        const string token = "4b9f0e1c2d3a4f5e6a7b8c9d0e1f2a3b4c5d6e7f";
        var directory = Directory.CreateTempSubdirectory("agent-redact-").FullName;
        try
        {
            // The config path itself contains the token, so the "config source" entry carries it as a value.
            var path = Path.Combine(directory, token + ".yaml");
            File.Copy(Example, path);

            var outcome = await AgentBinary.RunAsync(["config", "validate", "-c", path, "--log-format", "json"], null);

            await Assert.That(outcome.ExitCode).IsEqualTo(0);
            await Assert.That(outcome.Error).DoesNotContain(token);
            var entry = JsonLines(outcome.Error).Single(e => e.GetProperty("EventId").GetInt32() == 1001);
            await Assert.That(entry.GetProperty("State").GetProperty("Path").GetString()).IsEqualTo(Path.Combine(directory, "********.yaml"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static List<JsonElement> JsonLines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();
}
