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
    [Fact]
    public async Task Acquire_RecordedWriterStillRunning_WaitsUntilItExits()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "sacctmgr.lock");
        using var orphan = StandInWriter.Start(dir.Path, 5);
        await File.WriteAllTextAsync(path, orphan.Record().Format(), TestContext.Current.CancellationToken);

        using (await new SacctmgrWriteLock(path, TimeSpan.FromSeconds(30)).AcquireAsync(TestContext.Current.CancellationToken))
        {
            Assert.True(orphan.HasExited, "the lock was granted while the recorded sacctmgr still ran");
        }
    }

    [Fact]
    public async Task Acquire_RecordedWriterOutlivesTheWaitLimit_FailsNamingThePid()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "sacctmgr.lock");
        using var orphan = StandInWriter.Start(dir.Path, 60);
        await File.WriteAllTextAsync(path, orphan.Record().Format(), TestContext.Current.CancellationToken);
        var writeLock = new SacctmgrWriteLock(path, TimeSpan.FromMilliseconds(800));

        var error = await Assert.ThrowsAsync<BackendException>(() => writeLock.AcquireAsync(TestContext.Current.CancellationToken));

        Assert.Contains($"sacctmgr (pid {orphan.Pid}), started by an earlier holder of the write lock {path} that has since died", error.Message, StringComparison.Ordinal);
        Assert.Contains($"kill {orphan.Pid}", error.Message, StringComparison.Ordinal);
        Assert.False(orphan.HasExited);
        // The lock itself was released again: the next acquisition gets as far as the same wait.
        await Assert.ThrowsAsync<BackendException>(() => writeLock.AcquireAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("")]
    [InlineData("pid=1 start=1 boot=from-another-boot comm=sacctmgr\n")]
    [InlineData("left by something else\n")]
    public async Task Acquire_NoLiveRecordedWriter_GrantsAtOnce(string content)
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "sacctmgr.lock");
        await File.WriteAllTextAsync(path, content, TestContext.Current.CancellationToken);
        var stopwatch = Stopwatch.StartNew();

        using (await new SacctmgrWriteLock(path, TimeSpan.FromSeconds(30)).AcquireAsync(TestContext.Current.CancellationToken))
        {
            Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10));
        }
    }

    [Fact]
    public async Task HolderRun_RecordsItsChildWhileItRuns_AndClearsTheRecordAfterwards()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "sacctmgr.lock");
        var writeLock = new SacctmgrWriteLock(path, TimeSpan.FromSeconds(30));
        int? started = null;
        var write = new CommandSpec(StandInWriter.Link(dir.Path), ["5"], CommandEffect.Write) { OnStarted = pid => started = pid };

        var run = writeLock.RunAsync(new ProcessCommandRunner(), write, TestContext.Current.CancellationToken);
        await Helper.WaitUntilAsync(() => Content(path).Contains("comm=sacctmgr", StringComparison.Ordinal));
        var recorded = SacctmgrWriterRecord.Parse(Content(path));
        var result = await run;

        Assert.Equal(0, result.ExitCode);
        Assert.NotNull(recorded);
        Assert.Equal(started, recorded.Pid);
        Assert.Equal(string.Empty, Content(path));
    }

    [Fact]
    public async Task DotnetLock_KeepsTheFlockCommandOut()
    {
        // .NET's FileShare.None is flock(LOCK_EX), so scripts' flock(1) on the same file waits for the agent
        // (the other direction: WriteLockTests.Acquire_HeldByAnotherProcess_WaitsThenTimesOutWithAClearError).
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "sacctmgr.lock");
        string[] probe = ["--nonblock", "--conflict-exit-code", "75", path, "/bin/true"];

        using (await new SacctmgrWriteLock(path, TimeSpan.FromSeconds(10)).AcquireAsync(TestContext.Current.CancellationToken))
        {
            Assert.Equal(75, (await ProcessRunner.RunAsync("/usr/bin/flock", probe)).ExitCode);
        }

        Assert.Equal(0, (await ProcessRunner.RunAsync("/usr/bin/flock", probe)).ExitCode);
    }

    /// <summary>Reads the lock file from another process: .NET's own open would be refused a shared lock while the exclusive one is held.</summary>
    private static string Content(string path) => ProcessRunner.RunAsync("/bin/cat", [path]).GetAwaiter().GetResult().Output;
}
