using SiteAgent.Testing;

namespace SiteAgent.Tests.Cli;

public class CommandLineTests
{
    [Test]
    public async Task Version_PrintsNameAndVersionThenCommitRuntimeAndBackends()
    {
        var outcome = await AgentBinary.RunAsync("--version");

        await Assert.That(outcome.ExitCode).IsEqualTo(0);
        await Assert.That(outcome.Output).Matches(@"^waldur-site-agent \d+\.\d+\.\d+\ncommit: ([0-9a-f]{7,40}|unknown)\nruntime: \.NET \d+\.\d+\.\d+.*, Native AOT, linux-x64\nbackends: [a-z_, ]+\n$");
        await Assert.That(outcome.Output).Contains("backends: base, slurm\n");
        var lines = outcome.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        await Assert.That(lines.Length).IsEqualTo(4);
        await Assert.That(lines[0]).Matches(@"^waldur-site-agent \d+\.\d+\.\d+$");
        await Assert.That(lines[1]).Matches(@"^commit: +([0-9a-f]{7,40}|unknown)$");
        await Assert.That(lines[2]).Matches(@"^runtime: +\.NET 10\.\d+\.\d+.*, Native AOT, linux-x64$");
    }

    [Test]
    public async Task Help_ListsEveryReferenceCommandAndExitCodes()
    {
        var outcome = await AgentBinary.RunAsync("--help");

        await Assert.That(outcome.ExitCode).IsEqualTo(0);
        foreach (var command in new[] { "config", "backends", "diagnostics", "healthz", "load-components", "create-homedirs", "sync-offering-users", "sync-resource-limits", "test-order", "load-historical-usage", "drift", "diagnose-account" })
        {
            await Assert.That(outcome.Output).Contains("  " + command + " ");
        }

        await Assert.That(outcome.Output).Contains("69 not yet available");
    }

    [Test]
    [Arguments("--no-such-option")]
    [Arguments("-m", "sometimes")]
    [Arguments("config", "frobnicate")]
    [Arguments("load-historical-usage", "-c", "x.yaml")]
    public async Task BadCommandLine_ExitsWithUsageStatus2(params string[] arguments)
    {
        var outcome = await AgentBinary.RunAsync(arguments);

        await Assert.That(outcome.ExitCode == 2).IsTrue().Because(outcome.ToString());
        await Assert.That(outcome.Error).StartsWith("error: ");
        await Assert.That(outcome.Error).Contains("--help");
    }
}
