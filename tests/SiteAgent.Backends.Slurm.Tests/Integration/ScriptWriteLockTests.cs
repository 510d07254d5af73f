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

    [Test]
    public async Task Script_WhileTheAgentsLockIsHeld_WaitsAndGivesUp()
    {
        SlurmCluster.Require();
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "sacctmgr.lock");

        using (await new SacctmgrWriteLock(path, TimeSpan.FromSeconds(10)).AcquireAsync(TestContext.Current!.Execution.CancellationToken))
        {
            var refused = await RunScriptAsync(path, wait: 1);
            await Assert.That(refused.ExitCode == 75).IsTrue().Because(refused.ToString());
            await Assert.That(refused.Error).Contains($"the sacctmgr write lock {path} was not free within 1s");
        }

        var ran = await RunScriptAsync(path, wait: 30);
        await Assert.That(ran.ExitCode == 0).IsTrue().Because(ran.ToString());
        await Assert.That(ran.Output).Contains(SlurmCluster.Name);
    }

    [Test]
    public async Task Script_WriterRecordedByADeadHolder_WaitsForItToExit()
    {
        SlurmCluster.Require();
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "sacctmgr.lock");
        using var orphan = StandInWriter.Start(dir.Path, 5);
        await File.WriteAllTextAsync(path, orphan.Record().Format(), TestContext.Current!.Execution.CancellationToken);

        var ran = await RunScriptAsync(path, wait: 30);

        await Assert.That(ran.ExitCode == 0).IsTrue().Because(ran.ToString());
        await Assert.That(orphan.HasExited).IsTrue().Because("the script's sacctmgr ran while the recorded one still did");
        await Assert.That(ran.Error).Contains($"sacctmgr (pid {orphan.Pid}) left running by a holder of {path} that died");
        await Assert.That(await File.ReadAllTextAsync(path, TestContext.Current!.Execution.CancellationToken)).IsEqualTo(string.Empty);
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
