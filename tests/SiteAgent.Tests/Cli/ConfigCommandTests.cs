using SiteAgent.Testing;

namespace SiteAgent.Tests.Cli;

public class ConfigCommandTests
{
    private const string Token = "4b9f0e1c2d3a4f5e6a7b8c9d0e1f2a3b4c5d6e7f";

    private static string Example => RepositoryPaths.Combine("examples", "waldur-site-agent-config.yaml");

    [Fact]
    public async Task Validate_ReferenceExampleConfig_IsAccepted()
    {
        // -c before the subcommand, as the issue and the reference's habits have it.
        var outcome = await AgentBinary.RunAsync("-c", Example, "config", "validate");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Contains("is valid: 2 offerings", outcome.Output, StringComparison.Ordinal);
        Assert.Contains("\"Rocket GPU partition\"", outcome.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, outcome.Output + outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_BrokenConfig_NamesFileLineColumnAndKey()
    {
        using var file = TempConfig.FromExample(text => text.Replace("unit_factor: 60000            # 60 min", "unit_factor: \"abc\"            # 60 min", StringComparison.Ordinal));

        var outcome = await AgentBinary.RunAsync("config", "validate", "-c", file.Path);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains($"Configuration validation failed: 1 problem in {file.Path}", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("offerings[0].backend_components.cpu.unit_factor: expected a number, got \"abc\" (line 43, column 22)", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_SecretInAnErrorMessage_IsMasked()
    {
        // A token pasted into the wrong key: the error quotes the value, the output must not.
        using var file = TempConfig.FromExample(text => text.Replace("log_level: INFO", $"log_level: \"{Token}\"", StringComparison.Ordinal));

        var outcome = await AgentBinary.RunAsync("config", "validate", "-c", file.Path);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("log_level: expected one of DEBUG, INFO, WARNING, ERROR, CRITICAL, got \"********\"", outcome.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_MissingFile_ExitsOneWithThePath()
    {
        var outcome = await AgentBinary.RunAsync("config", "validate", "-c", "/nonexistent/agent.yaml");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("cannot read /nonexistent/agent.yaml: no such file", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowRedacted_MasksEverySecretAndFillsDefaults()
    {
        var outcome = await AgentBinary.RunAsync("config", "show", "--redacted", "-c", RepositoryPaths.Combine("examples", "oidc-offering.yaml"));

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Contains("oidc_client_secret: \"********\"", outcome.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("kq8J2mZx7Vw1Lr4T", outcome.Output + outcome.Error, StringComparison.Ordinal);
        Assert.Contains("verify_ssl: true", outcome.Output, StringComparison.Ordinal);
        Assert.Contains("unit_factor: 60000", outcome.Output, StringComparison.Ordinal);

        var example = await AgentBinary.RunAsync("config", "show", "-c", Example);
        Assert.Contains("waldur_api_token: \"********\"", example.Output, StringComparison.Ordinal);
        Assert.Contains("sentry_dsn: \"********\"", example.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, example.Output + example.Error, StringComparison.Ordinal);
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

    public static TempConfig FromExample(Func<string, string> edit, string name = "agent.yaml")
    {
        var text = File.ReadAllText(RepositoryPaths.Combine("examples", "waldur-site-agent-config.yaml"));
        var edited = edit(text);
        Assert.NotEqual(text, edited);
        return new TempConfig(edited, name);
    }

    public void Dispose() => System.IO.Directory.Delete(_directory, recursive: true);
}
