using SiteAgent.Backends.Slurm.Tests.Support;
using SiteAgent.Testing;

namespace SiteAgent.Backends.Slurm.Tests.Integration;

/// <summary>
/// tests/infra/slurm/sacctmgr-write.sh, through which scripts write to SLURM, keeps the agent's protocol:
/// the same flock, and a wait for a sacctmgr recorded by a holder that died. Its sacctmgr here is a read
/// (list cluster) against the real cluster, on a private lock file so that other tests are not held up.
/// </summary>
public class ScriptWriteLockTests
{
    private static readonly string Script = RepositoryPaths.Combine("tests", "infra", "slurm", "sacctmgr-write.sh");

    [Fact]
    public async Task Script_WhileTheAgentsLockIsHeld_WaitsAndGivesUp()
    {
        SlurmCluster.Require();
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "sacctmgr.lock");

        using (await new SacctmgrWriteLock(path, TimeSpan.FromSeconds(10)).AcquireAsync(TestContext.Current.CancellationToken))
        {
            var refused = await RunScriptAsync(path, wait: 1);
            Assert.True(refused.ExitCode == 75, refused.ToString());
            Assert.Contains($"the sacctmgr write lock {path} was not free within 1s", refused.Error, StringComparison.Ordinal);
        }

        var ran = await RunScriptAsync(path, wait: 30);
        Assert.True(ran.ExitCode == 0, ran.ToString());
        Assert.Contains(SlurmCluster.Name, ran.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Script_WriterRecordedByADeadHolder_WaitsForItToExit()
    {
        SlurmCluster.Require();
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "sacctmgr.lock");
        using var orphan = StandInWriter.Start(dir.Path, 5);
        await File.WriteAllTextAsync(path, orphan.Record().Format(), TestContext.Current.CancellationToken);

        var ran = await RunScriptAsync(path, wait: 30);

        Assert.True(ran.ExitCode == 0, ran.ToString());
        Assert.True(orphan.HasExited, "the script's sacctmgr ran while the recorded one still did");
        Assert.Contains($"sacctmgr (pid {orphan.Pid}) left running by a holder of {path} that died", ran.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
    }

    private static Task<ProcessOutcome> RunScriptAsync(string lockFile, int wait) =>
        ProcessRunner.RunAsync(
            "/bin/bash",
            [Script, "--noheader", "--parsable2", "list", "cluster", "format=cluster"],
            new Dictionary<string, string?>
            {
                ["WALDUR_SITE_AGENT_SACCTMGR_LOCK"] = lockFile,
                ["SACCTMGR_WRITE_WAIT"] = wait.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["SLURM_CONF"] = SlurmTestCluster.ConfigPath,
            });
}
