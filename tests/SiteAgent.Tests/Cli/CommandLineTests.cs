using SiteAgent.Testing;

namespace SiteAgent.Tests.Cli;

public class CommandLineTests
{
    [Fact]
    public async Task Version_PrintsNameAndVersionThenCommitRuntimeAndBackends()
    {
        var outcome = await AgentBinary.RunAsync("--version");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Matches(@"^waldur-site-agent \d+\.\d+\.\d+\ncommit: ([0-9a-f]{7,40}|unknown)\nruntime: \.NET \d+\.\d+\.\d+.*, Native AOT, linux-x64\nbackends: [a-z_, ]+\n$", outcome.Output);
        Assert.Contains("backends: base, slurm\n", outcome.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ListsEveryReferenceCommandAndExitCodes()
    {
        var outcome = await AgentBinary.RunAsync("--help");

        Assert.Equal(0, outcome.ExitCode);
        foreach (var command in new[] { "config", "backends", "diagnostics", "healthz", "load-components", "create-homedirs", "sync-offering-users", "sync-resource-limits", "test-order", "load-historical-usage" })
        {
            Assert.Contains("  " + command + " ", outcome.Output, StringComparison.Ordinal);
        }

        Assert.Contains("69 not yet available", outcome.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--no-such-option")]
    [InlineData("-m", "sometimes")]
    [InlineData("config", "frobnicate")]
    [InlineData("load-historical-usage", "-c", "x.yaml")]
    public async Task BadCommandLine_ExitsWithUsageStatus2(params string[] arguments)
    {
        var outcome = await AgentBinary.RunAsync(arguments);

        Assert.True(outcome.ExitCode == 2, outcome.ToString());
        Assert.StartsWith("error: ", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("--help", outcome.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("diagnostics")]
    [InlineData("load-components")]
    [InlineData("test-order", "--list-templates")]
    public async Task LaterReleaseCommand_SaysNotYetAvailableAndExits69(params string[] arguments)
    {
        var outcome = await AgentBinary.RunAsync(arguments);

        Assert.Equal(69, outcome.ExitCode);
        Assert.Contains("not yet available in this release", outcome.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, outcome.Output);
    }
}
