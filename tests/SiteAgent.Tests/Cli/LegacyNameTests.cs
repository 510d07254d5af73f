using System.IO;
using SiteAgent.Testing;

namespace SiteAgent.Tests.Cli;

/// <summary>Installed as symlinks under the reference's command names, the binary behaves as those commands.</summary>
public class LegacyNameTests
{
    [Test]
    public async Task WaldurSiteAgent_ReadsConfigFromWorkingDirectoryByDefault()
    {
        using var config = await TempConfig.FromExample(text => text.Replace("log_level: INFO", "log_level: loud", StringComparison.Ordinal), "waldur-site-agent-config.yaml");
        var link = Link(config.Directory, "waldur_site_agent");

        var outcome = await ProcessRunner.RunAsync(link, ["-m", "order_process"], workingDirectory: config.Directory);

        await Assert.That(outcome.ExitCode).IsEqualTo(1);
        await Assert.That(outcome.Error).Contains($"problem in {config.Path}");
    }

    [Test]
    public async Task WaldurSiteDiagnostics_RunsTheDiagnosticsCommand()
    {
        var directory = Directory.CreateTempSubdirectory("agent-legacy-").FullName;
        try
        {
            var outcome = await ProcessRunner.RunAsync(Link(directory, "waldur_site_diagnostics"), ["--help"]);

            await Assert.That(outcome.ExitCode).IsEqualTo(0);
            await Assert.That(outcome.Output).Contains("reference: waldur_site_diagnostics");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public async Task WaldurSiteAgent_InvalidMode_IsAUsageError()
    {
        var directory = Directory.CreateTempSubdirectory("agent-legacy-").FullName;
        try
        {
            var outcome = await ProcessRunner.RunAsync(Link(directory, "waldur_site_agent"), ["-m", "everything"]);

            await Assert.That(outcome.ExitCode).IsEqualTo(2);
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
