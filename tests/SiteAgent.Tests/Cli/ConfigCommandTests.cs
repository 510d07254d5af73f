using System.IO;
using SiteAgent.Testing;

namespace SiteAgent.Tests.Cli;

public class ConfigCommandTests
{
    private const string Token = "4b9f0e1c2d3a4f5e6a7b8c9d0e1f2a3b4c5d6e7f";

    private static string Example => RepositoryPaths.Combine("examples", "waldur-site-agent-config.yaml");

    [Test]
    public async Task Validate_ReferenceExampleConfig_IsAccepted()
    {
        // -c before the subcommand, as the issue and the reference's habits have it.
        var outcome = await AgentBinary.RunAsync("-c", Example, "config", "validate");

        await Assert.That(outcome.ExitCode == 0).IsTrue().Because(outcome.ToString());
        await Assert.That(outcome.Output).Contains("is valid: 2 offerings");
        await Assert.That(outcome.Output).Contains("\"Rocket GPU partition\"");
        await Assert.That(outcome.Output + outcome.Error).DoesNotContain(Token);
    }

    [Test]
    public async Task Validate_BrokenConfig_NamesFileLineColumnAndKey()
    {
        using var file = await TempConfig.FromExample(text => text.Replace("unit_factor: 60000            # 60 min", "unit_factor: \"abc\"            # 60 min", StringComparison.Ordinal));

        var outcome = await AgentBinary.RunAsync("config", "validate", "-c", file.Path);

        await Assert.That(outcome.ExitCode).IsEqualTo(1);
        await Assert.That(outcome.Error).Contains($"Configuration validation failed: 1 problem in {file.Path}");
        await Assert.That(outcome.Error).Contains("offerings[0].backend_components.cpu.unit_factor: expected a number, got \"abc\" (line 43, column 22)");
    }

    [Test]
    public async Task Validate_SecretInAnErrorMessage_IsMasked()
    {
        // A token pasted into the wrong key: the error quotes the value, the output must not.
        using var file = await TempConfig.FromExample(text => text.Replace("log_level: INFO", $"log_level: \"{Token}\"", StringComparison.Ordinal));

        var outcome = await AgentBinary.RunAsync("config", "validate", "-c", file.Path);

        await Assert.That(outcome.ExitCode).IsEqualTo(1);
        await Assert.That(outcome.Error).Contains("log_level: expected one of DEBUG, INFO, WARNING, ERROR, CRITICAL, got \"********\"");
        await Assert.That(outcome.Error).DoesNotContain(Token);
    }

    [Test]
    public async Task Validate_MissingFile_ExitsOneWithThePath()
    {
        var outcome = await AgentBinary.RunAsync("config", "validate", "-c", "/nonexistent/agent.yaml");

        await Assert.That(outcome.ExitCode).IsEqualTo(1);
        await Assert.That(outcome.Error).Contains("cannot read /nonexistent/agent.yaml: no such file");
    }

    [Test]
    public async Task ShowRedacted_MasksEverySecretAndFillsDefaults()
    {
        var outcome = await AgentBinary.RunAsync("config", "show", "--redacted", "-c", RepositoryPaths.Combine("examples", "oidc-offering.yaml"));

        await Assert.That(outcome.ExitCode == 0).IsTrue().Because(outcome.ToString());
        await Assert.That(outcome.Output).Contains("oidc_client_secret: \"********\"");
        await Assert.That(outcome.Output + outcome.Error).DoesNotContain("kq8J2mZx7Vw1Lr4T");
        await Assert.That(outcome.Output).Contains("verify_ssl: true");
        await Assert.That(outcome.Output).Contains("unit_factor: 60000");

        var example = await AgentBinary.RunAsync("config", "show", "-c", Example);
        await Assert.That(example.Output).Contains("waldur_api_token: \"********\"");
        await Assert.That(example.Output).Contains("sentry_dsn: \"********\"");
        await Assert.That(example.Output + example.Error).DoesNotContain(Token);
    }
}

/// <summary>A config file in a temporary folder, derived from the reference example.</summary>
internal sealed class TempConfig : IDisposable
{
    private readonly string _directory;

    private TempConfig(string text, string name)
    {
        _directory = System.IO.Directory.CreateTempSubdirectory("agent-config-").FullName;
        Path = System.IO.Path.Combine(_directory, name);
        File.WriteAllText(Path, text);
    }

    public string Path { get; }

    public string Directory => _directory;

    public static async Task<TempConfig> FromExample(Func<string, string> edit, string name = "agent.yaml")
    {
        var text = File.ReadAllText(RepositoryPaths.Combine("examples", "waldur-site-agent-config.yaml"));
        var edited = edit(text);
        await Assert.That(edited).IsNotEqualTo(text);
        return new TempConfig(edited, name);
    }

    public void Dispose() => System.IO.Directory.Delete(_directory, recursive: true);
}
