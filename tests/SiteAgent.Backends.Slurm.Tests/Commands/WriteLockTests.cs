using System.IO;
using SiteAgent.Backends.Slurm.Tests.Support;

namespace SiteAgent.Backends.Slurm.Tests.Commands;

public class WriteLockTests
{
    [Test]
    public async Task ResolvePath_SettingThenEnvironmentThenDefaults()
    {
        await Assert.That(SacctmgrWriteLock.ResolvePath("/a/lock", "/b/lock")).IsEqualTo("/a/lock");
        await Assert.That(SacctmgrWriteLock.ResolvePath(null, "/b/lock")).IsEqualTo("/b/lock");
        await Assert.That(new[] { SacctmgrWriteLock.DefaultPath, SacctmgrWriteLock.FallbackPath }).Contains(SacctmgrWriteLock.ResolvePath(null, null));
    }

    [Test]
    public async Task Acquire_HeldByAnotherProcess_WaitsThenTimesOutWithAClearError()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "sacctmgr.lock");
        // flock(1) holds the lock from a separate process, as another agent would.
        using var holder = System.Diagnostics.Process.Start("/usr/bin/flock", ["-x", path, "sleep", "5"]);
        await Helper.WaitUntilAsync(() => File.Exists(path));
        await Task.Delay(300, TestContext.Current!.Execution.CancellationToken);

        var writeLock = new SacctmgrWriteLock(path, TimeSpan.FromMilliseconds(700));
        var error = await Assert.ThrowsExactlyAsync<BackendException>(() => writeLock.AcquireAsync(TestContext.Current!.Execution.CancellationToken));

        await Assert.That(error!.Message).Contains("Timed out after 0.7 s waiting for the sacctmgr write lock " + path);
        holder.Kill(entireProcessTree: true);
        await holder.WaitForExitAsync(TestContext.Current!.Execution.CancellationToken);
        using var acquired = await new SacctmgrWriteLock(path, TimeSpan.FromSeconds(10)).AcquireAsync(TestContext.Current!.Execution.CancellationToken);
    }

    [Test]
    public async Task Acquire_TwoProcessesHammering_NeverHoldItTogether()
    {
        using var dir = new TempDirectory();
        var log = Path.Combine(dir.Path, "log");
        var go = Path.Combine(dir.Path, "go");

        var first = Helper.Start("hammer", Path.Combine(dir.Path, "sacctmgr.lock"), log, "60", go);
        var second = Helper.Start("hammer", Path.Combine(dir.Path, "sacctmgr.lock"), log, "60", go);
        await Task.Delay(500, TestContext.Current!.Execution.CancellationToken);
        await File.WriteAllTextAsync(go, "go", TestContext.Current!.Execution.CancellationToken);
        await Helper.FinishAsync(first);
        await Helper.FinishAsync(second);

        var (pairs, overlaps, holders) = Analyse(await File.ReadAllLinesAsync(log, TestContext.Current!.Execution.CancellationToken));
        await Assert.That(pairs).IsEqualTo(120);
        await Assert.That(overlaps).IsEqualTo(0);
        await Assert.That(holders).IsEqualTo(2);
    }

    [Test]
    public async Task Hammering_WithoutTheLock_DoesOverlap()
    {
        // Control for the test above: the same helpers without the lock do run their critical sections together.
        using var dir = new TempDirectory();
        var log = Path.Combine(dir.Path, "log");
        var go = Path.Combine(dir.Path, "go");

        var first = Helper.Start("hammer", "-", log, "60", go);
        var second = Helper.Start("hammer", "-", log, "60", go);
        await Task.Delay(500, TestContext.Current!.Execution.CancellationToken);
        await File.WriteAllTextAsync(go, "go", TestContext.Current!.Execution.CancellationToken);
        await Helper.FinishAsync(first);
        await Helper.FinishAsync(second);

        await Assert.That(Analyse(await File.ReadAllLinesAsync(log, TestContext.Current!.Execution.CancellationToken)).Overlaps > 0).IsTrue();
    }

    /// <summary>Counts B/E pairs and how often a B came while another process was inside.</summary>
    private static (int Pairs, int Overlaps, int Holders) Analyse(string[] lines)
    {
        string? inside = null;
        int pairs = 0, overlaps = 0;
        var holders = new HashSet<string>();
        foreach (var line in lines)
        {
            var pid = line[2..];
            holders.Add(pid);
            if (line[0] == 'B')
            {
                overlaps += inside is null ? 0 : 1;
                inside = pid;
            }
            else
            {
                pairs++;
                inside = inside == pid ? null : inside;
            }
        }

        return (pairs, overlaps, holders.Count);
    }
}
