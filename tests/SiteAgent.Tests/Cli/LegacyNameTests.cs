using SiteAgent.Testing;

namespace SiteAgent.Tests.Cli;

/// <summary>Installed as symlinks under the reference's command names, the binary behaves as those commands.</summary>
public class LegacyNameTests
{
    [Fact]
    public async Task WaldurSiteAgent_ReadsConfigFromWorkingDirectoryByDefault()
    {
        using var config = TempConfig.FromExample(text => text.Replace("log_level: INFO", "log_level: loud", StringComparison.Ordinal), "waldur-site-agent-config.yaml");
        var link = Link(config.Directory, "waldur_site_agent");

        var outcome = await ProcessRunner.RunAsync(link, ["-m", "order_process"], workingDirectory: config.Directory);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains($"problem in {config.Path}", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaldurSiteDiagnostics_RunsTheDiagnosticsCommand()
    {
        var directory = Directory.CreateTempSubdirectory("agent-legacy-").FullName;
        try
        {
            var outcome = await ProcessRunner.RunAsync(Link(directory, "waldur_site_diagnostics"), ["--help"]);

            Assert.Equal(0, outcome.ExitCode);
            Assert.Contains("reference: waldur_site_diagnostics", outcome.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task WaldurSiteAgent_InvalidMode_IsAUsageError()
    {
        var directory = Directory.CreateTempSubdirectory("agent-legacy-").FullName;
        try
        {
            var outcome = await ProcessRunner.RunAsync(Link(directory, "waldur_site_agent"), ["-m", "everything"]);

            Assert.Equal(2, outcome.ExitCode);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string Link(string directory, string name)
    {
        var path = Path.Combine(directory, name);
        File.CreateSymbolicLink(path, AgentBinary.Path);
        return path;
    }
}
