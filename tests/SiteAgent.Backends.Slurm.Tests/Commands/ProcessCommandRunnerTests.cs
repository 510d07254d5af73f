using System.IO;
using System.Diagnostics;
using SiteAgent.Backends.Commands;

namespace SiteAgent.Backends.Slurm.Tests.Commands;

public class ProcessCommandRunnerTests
{
    private static readonly ProcessCommandRunner Runner = new();

    private static CommandSpec Sh(string script, TimeSpan? timeout = null) => new("/bin/sh", ["-c", script], CommandEffect.Read, timeout);

    [Test]
    public async Task RunAsync_ArgumentsAreNeverShellParsed()
    {
        var result = await Runner.RunAsync(new CommandSpec("/bin/echo", ["a b", "$(id)", "; rm -rf /", "*"], CommandEffect.Read), TestContext.Current!.Execution.CancellationToken);

        await Assert.That(result.ExitCode).IsEqualTo(0);
        await Assert.That(result.Output).IsEqualTo("a b $(id) ; rm -rf / *\n");
    }

    [Test]
    public async Task RunAsync_MergesStdoutAndStderrInArrivalOrder()
    {
        var result = await Runner.RunAsync(Sh("echo one; sleep 0.2; echo two >&2; sleep 0.2; echo three; exit 3"), TestContext.Current!.Execution.CancellationToken);

        await Assert.That(result.ExitCode).IsEqualTo(3);
        await Assert.That(result.Succeeded).IsFalse();
        await Assert.That(result.Output).IsEqualTo("one\ntwo\nthree\n");
    }

    [Test]
    public async Task RunAsync_StandardInputIsClosed()
    {
        var stopwatch = Stopwatch.StartNew();
        var result = await Runner.RunAsync(new CommandSpec("/bin/cat", [], CommandEffect.Read, TimeSpan.FromSeconds(20)), TestContext.Current!.Execution.CancellationToken);

        await Assert.That(result.ExitCode).IsEqualTo(0);
        await Assert.That(result.Output).IsEqualTo(string.Empty);
        await Assert.That(stopwatch.Elapsed < TimeSpan.FromSeconds(10)).IsTrue();
    }

    [Test]
    public async Task RunAsync_DecodesUtf8()
    {
        var result = await Runner.RunAsync(new CommandSpec("/usr/bin/printf", ["id: \u2018x\u2019: no such user \u00e9\n"], CommandEffect.Read), TestContext.Current!.Execution.CancellationToken);

        await Assert.That(result.Output).IsEqualTo("id: \u2018x\u2019: no such user \u00e9\n");
    }

    [Test]
    public async Task RunAsync_Environment_IsAddedToTheInheritedOne()
    {
        var spec = Sh("echo \"$TZ|$PATH\"") with { Environment = new Dictionary<string, string> { ["TZ"] = "Europe/Tallinn" } };

        var result = await Runner.RunAsync(spec, TestContext.Current!.Execution.CancellationToken);

        await Assert.That(result.Output).StartsWith("Europe/Tallinn|/");
    }

    [Test]
    public async Task RunAsync_MissingProgram_IsCommandNotFound()
    {
        var error = await Assert.ThrowsExactlyAsync<BackendException>(() =>
            Runner.RunAsync(new CommandSpec("/nonexistent/sacctmgr", ["--version"], CommandEffect.Read), TestContext.Current!.Execution.CancellationToken));

        await Assert.That(error!.Message).IsEqualTo("Command not found: /nonexistent/sacctmgr");
    }

    [Test]
    public async Task RunAsync_Timeout_KillsTheWholeProcessTree()
    {
        var marker = Path.Combine(Path.GetTempPath(), $"tree-{Guid.NewGuid():N}");
        var stopwatch = Stopwatch.StartNew();

        var error = await Assert.ThrowsExactlyAsync<BackendException>(() =>
            Runner.RunAsync(Sh($"(sleep 3; touch {marker}) & sleep 30", TimeSpan.FromSeconds(1)), TestContext.Current!.Execution.CancellationToken));

        await Assert.That(error!.Message).Contains("timed out after 1 s");
        await Assert.That(stopwatch.Elapsed < TimeSpan.FromSeconds(10)).IsTrue();
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current!.Execution.CancellationToken);
        await Assert.That(File.Exists(marker)).IsFalse().Because("the grandchild survived the kill");
    }

    [Test]
    public async Task RunAsync_EndlessOutput_IsCappedAndKilled()
    {
        // What sacctmgr without --immediate does with stdin at end-of-file: "Y or N please" forever.
        var runner = new ProcessCommandRunner(outputCapBytes: 64 * 1024);
        var stopwatch = Stopwatch.StartNew();

        var result = await runner.RunAsync(new CommandSpec("/usr/bin/yes", ["Y or N please"], CommandEffect.Read, TimeSpan.FromSeconds(30)), TestContext.Current!.Execution.CancellationToken);

        await Assert.That(result.Truncated).IsTrue();
        await Assert.That(result.Output.Length <= 64 * 1024).IsTrue();
        await Assert.That(result.Output).StartsWith("Y or N please\n");
        await Assert.That(stopwatch.Elapsed < TimeSpan.FromSeconds(10)).IsTrue();
    }

    [Test]
    public async Task RunAsync_Cancellation_KillsAndThrows()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAsync<OperationCanceledException>(() => Runner.RunAsync(Sh("sleep 30", TimeSpan.FromSeconds(60)), cts.Token));
    }

    [Test]
    public async Task DryRun_ExecutesReadsAndRecordsWrites()
    {
        var dryRun = new DryRunCommandRunner(Runner);
        var write = new CommandSpec("/bin/sh", ["-c", "exit 7"], CommandEffect.Write);

        var read = await dryRun.RunAsync(new CommandSpec("/bin/echo", ["hi"], CommandEffect.Read), TestContext.Current!.Execution.CancellationToken);
        var planned = await dryRun.RunAsync(write, TestContext.Current!.Execution.CancellationToken);

        await Assert.That(read.Output).IsEqualTo("hi\n");
        await Assert.That(planned.Succeeded).IsTrue();
        await Assert.That(planned.Output).IsEqualTo(string.Empty);
        await Assert.That(dryRun.Planned).IsEquivalentTo([write], CollectionOrdering.Matching);
        await Assert.That(dryRun.Planned[0].Display).IsEqualTo("/bin/sh -c 'exit 7'");
    }
}
