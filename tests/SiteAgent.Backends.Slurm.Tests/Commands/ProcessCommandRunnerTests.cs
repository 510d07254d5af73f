using System.Diagnostics;
using SiteAgent.Backends.Commands;

namespace SiteAgent.Backends.Slurm.Tests.Commands;

public class ProcessCommandRunnerTests
{
    private static readonly ProcessCommandRunner Runner = new();

    private static CommandSpec Sh(string script, TimeSpan? timeout = null) => new("/bin/sh", ["-c", script], CommandEffect.Read, timeout);

    [Fact]
    public async Task RunAsync_ArgumentsAreNeverShellParsed()
    {
        var result = await Runner.RunAsync(new CommandSpec("/bin/echo", ["a b", "$(id)", "; rm -rf /", "*"], CommandEffect.Read), TestContext.Current.CancellationToken);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("a b $(id) ; rm -rf / *\n", result.Output);
    }

    [Fact]
    public async Task RunAsync_MergesStdoutAndStderrInArrivalOrder()
    {
        var result = await Runner.RunAsync(Sh("echo one; sleep 0.2; echo two >&2; sleep 0.2; echo three; exit 3"), TestContext.Current.CancellationToken);

        Assert.Equal(3, result.ExitCode);
        Assert.False(result.Succeeded);
        Assert.Equal("one\ntwo\nthree\n", result.Output);
    }

    [Fact]
    public async Task RunAsync_StandardInputIsClosed()
    {
        var stopwatch = Stopwatch.StartNew();
        var result = await Runner.RunAsync(new CommandSpec("/bin/cat", [], CommandEffect.Read, TimeSpan.FromSeconds(20)), TestContext.Current.CancellationToken);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task RunAsync_DecodesUtf8()
    {
        var result = await Runner.RunAsync(new CommandSpec("/usr/bin/printf", ["id: \u2018x\u2019: no such user \u00e9\n"], CommandEffect.Read), TestContext.Current.CancellationToken);

        Assert.Equal("id: \u2018x\u2019: no such user \u00e9\n", result.Output);
    }

    [Fact]
    public async Task RunAsync_Environment_IsAddedToTheInheritedOne()
    {
        var spec = Sh("echo \"$TZ|$PATH\"") with { Environment = new Dictionary<string, string> { ["TZ"] = "Europe/Tallinn" } };

        var result = await Runner.RunAsync(spec, TestContext.Current.CancellationToken);

        Assert.StartsWith("Europe/Tallinn|/", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MissingProgram_IsCommandNotFound()
    {
        var error = await Assert.ThrowsAsync<BackendException>(() =>
            Runner.RunAsync(new CommandSpec("/nonexistent/sacctmgr", ["--version"], CommandEffect.Read), TestContext.Current.CancellationToken));

        Assert.Equal("Command not found: /nonexistent/sacctmgr", error.Message);
    }

    [Fact]
    public async Task RunAsync_Timeout_KillsTheWholeProcessTree()
    {
        var marker = Path.Combine(Path.GetTempPath(), $"tree-{Guid.NewGuid():N}");
        var stopwatch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<CommandTimeoutException>(() =>
            Runner.RunAsync(Sh($"(sleep 3; touch {marker}) & sleep 30", TimeSpan.FromSeconds(1)), TestContext.Current.CancellationToken));

        Assert.Contains("timed out after 1 s", error.Message, StringComparison.Ordinal);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10));
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        Assert.False(File.Exists(marker), "the grandchild survived the kill");
    }

    [Fact]
    public async Task RunAsync_EndlessOutput_IsCappedAndKilled()
    {
        // What sacctmgr without --immediate does with stdin at end-of-file: "Y or N please" forever.
        var runner = new ProcessCommandRunner(outputCapBytes: 64 * 1024);
        var stopwatch = Stopwatch.StartNew();

        var result = await runner.RunAsync(new CommandSpec("/usr/bin/yes", ["Y or N please"], CommandEffect.Read, TimeSpan.FromSeconds(30)), TestContext.Current.CancellationToken);

        Assert.True(result.Truncated);
        Assert.True(result.Output.Length <= 64 * 1024);
        Assert.StartsWith("Y or N please\n", result.Output, StringComparison.Ordinal);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task RunAsync_Cancellation_KillsAndThrows()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Runner.RunAsync(Sh("sleep 30", TimeSpan.FromSeconds(60)), cts.Token));
    }

    [Fact]
    public async Task DryRun_ExecutesReadsAndRecordsWrites()
    {
        var dryRun = new DryRunCommandRunner(Runner);
        var write = new CommandSpec("/bin/sh", ["-c", "exit 7"], CommandEffect.Write);

        var read = await dryRun.RunAsync(new CommandSpec("/bin/echo", ["hi"], CommandEffect.Read), TestContext.Current.CancellationToken);
        var planned = await dryRun.RunAsync(write, TestContext.Current.CancellationToken);

        Assert.Equal("hi\n", read.Output);
        Assert.True(planned.Succeeded);
        Assert.Equal(string.Empty, planned.Output);
        Assert.Equal([write], dryRun.Planned);
        Assert.Equal("/bin/sh -c 'exit 7'", dryRun.Planned[0].Display);
    }
}
