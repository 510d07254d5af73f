using System.Diagnostics;
using SiteAgent.Backends.Commands;
using SiteAgent.Backends.Slurm.Tests.Support;
using SiteAgent.Testing;

namespace SiteAgent.Backends.Slurm.Tests.Commands;

/// <summary>
/// The write lock covers writers its holder can no longer see: a holder killed with SIGKILL loses the
/// flock at once, but the sacctmgr it started is recorded in the lock file and the next holder waits for it.
/// </summary>
public class OrphanedWriterTests
{
    [Test]
    public async Task Acquire_RecordedWriterStillRunning_WaitsUntilItExits()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "sacctmgr.lock");
        using var orphan = StandInWriter.Start(dir.Path, 5);
        await File.WriteAllTextAsync(path, orphan.Record().Format(), TestContext.Current!.Execution.CancellationToken);

        using (await new SacctmgrWriteLock(path, TimeSpan.FromSeconds(30)).AcquireAsync(TestContext.Current!.Execution.CancellationToken))
        {
            await Assert.That(orphan.HasExited).IsTrue().Because("the lock was granted while the recorded sacctmgr still ran");
        }
    }

    [Test]
    public async Task Acquire_RecordedWriterOutlivesTheWaitLimit_FailsNamingThePid()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "sacctmgr.lock");
        using var orphan = StandInWriter.Start(dir.Path, 60);
        await File.WriteAllTextAsync(path, orphan.Record().Format(), TestContext.Current!.Execution.CancellationToken);
        var writeLock = new SacctmgrWriteLock(path, TimeSpan.FromMilliseconds(800));

        var error = await Assert.ThrowsExactlyAsync<BackendException>(() => writeLock.AcquireAsync(TestContext.Current!.Execution.CancellationToken));

        await Assert.That(error!.Message).Contains($"sacctmgr (pid {orphan.Pid}), started by an earlier holder of the write lock {path} that has since died");
        await Assert.That(error!.Message).Contains($"kill {orphan.Pid}");
        await Assert.That(orphan.HasExited).IsFalse();
        // The lock itself was released again: the next acquisition gets as far as the same wait.
        await Assert.ThrowsExactlyAsync<BackendException>(() => writeLock.AcquireAsync(TestContext.Current!.Execution.CancellationToken));
    }

    [Test]
    [Arguments("")]
    [Arguments("pid=1 start=1 boot=from-another-boot comm=sacctmgr\n")]
    [Arguments("left by something else\n")]
    public async Task Acquire_NoLiveRecordedWriter_GrantsAtOnce(string content)
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "sacctmgr.lock");
        await File.WriteAllTextAsync(path, content, TestContext.Current!.Execution.CancellationToken);
        var stopwatch = Stopwatch.StartNew();

        using (await new SacctmgrWriteLock(path, TimeSpan.FromSeconds(30)).AcquireAsync(TestContext.Current!.Execution.CancellationToken))
        {
            await Assert.That(stopwatch.Elapsed < TimeSpan.FromSeconds(10)).IsTrue();
        }
    }

    [Test]
    public async Task HolderRun_RecordsItsChildWhileItRuns_AndClearsTheRecordAfterwards()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "sacctmgr.lock");
        var writeLock = new SacctmgrWriteLock(path, TimeSpan.FromSeconds(30));
        int? started = null;
        var write = new CommandSpec(StandInWriter.Link(dir.Path), ["5"], CommandEffect.Write) { OnStarted = pid => started = pid };

        var run = writeLock.RunAsync(new ProcessCommandRunner(), write, TestContext.Current!.Execution.CancellationToken);
        await Helper.WaitUntilAsync(() => Content(path).Contains("comm=sacctmgr", StringComparison.Ordinal));
        var recorded = SacctmgrWriterRecord.Parse(Content(path));
        var result = await run;

        await Assert.That(result.ExitCode).IsEqualTo(0);
        await Assert.That(recorded).IsNotNull();
        await Assert.That(recorded.Pid).IsEqualTo(started);
        await Assert.That(Content(path)).IsEqualTo(string.Empty);
    }

    [Test]
    public async Task DotnetLock_KeepsTheFlockCommandOut()
    {
        // .NET's FileShare.None is flock(LOCK_EX), so scripts' flock(1) on the same file waits for the agent
        // (the other direction: WriteLockTests.Acquire_HeldByAnotherProcess_WaitsThenTimesOutWithAClearError).
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "sacctmgr.lock");
        string[] probe = ["--nonblock", "--conflict-exit-code", "75", path, "/bin/true"];

        using (await new SacctmgrWriteLock(path, TimeSpan.FromSeconds(10)).AcquireAsync(TestContext.Current!.Execution.CancellationToken))
        {
            await Assert.That((await ProcessRunner.RunAsync("/usr/bin/flock", probe)).ExitCode).IsEqualTo(75);
        }

        await Assert.That((await ProcessRunner.RunAsync("/usr/bin/flock", probe)).ExitCode).IsEqualTo(0);
    }

    /// <summary>Reads the lock file from another process: .NET's own open would be refused a shared lock while the exclusive one is held.</summary>
    private static string Content(string path) => ProcessRunner.RunAsync("/bin/cat", [path]).GetAwaiter().GetResult().Output;
}
