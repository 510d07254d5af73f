using System.Globalization;
using System.Net;
using System.Net.Sockets;
using SiteAgent.Testing;
using TUnit.Core.Interfaces;

namespace SiteAgent.IntegrationTests.Infrastructure;

/// <summary>
/// A second SLURM test cluster, separate from the shared one (its own state dir, cluster name, ports,
/// MariaDB and daemons), started with tests/infra/slurm/up.sh and stopped with down.sh, which signals
/// only the pids up.sh recorded in this instance's state dir. For tests that break a cluster on purpose:
/// <c>[ClassDataSource&lt;SecondSlurmInstance&gt;(Shared = SharedType.PerClass)]</c> with
/// <c>[NotInParallel(SecondSlurmInstance.Key)]</c>, since each test breaks and restarts the one instance.
/// </summary>
public sealed class SecondSlurmInstance : IAsyncInitializer, IAsyncDisposable
{
    /// <summary>The <c>[NotInParallel]</c> key of the tests that share an instance.</summary>
    public const string Key = "second-slurm-cluster";

    private static readonly string InfraDirectory = RepositoryPaths.Combine("tests", "infra", "slurm");

    public SecondSlurmInstance()
    {
        var id = Guid.NewGuid().ToString("N")[..6];
        Name = "rt" + id;
        StateDirectory = Path.Combine(Path.GetTempPath(), "waldur-second-slurm-" + id);
        var ports = FreePorts(4);
        Environment = new Dictionary<string, string?>
        {
            ["SLURM_TEST_STATE_DIR"] = StateDirectory,
            ["SLURM_TEST_CLUSTER"] = Name,
            ["SLURM_TEST_SLURMCTLD_PORT"] = ports[0],
            ["SLURM_TEST_SLURMD_PORT"] = ports[1],
            ["SLURM_TEST_SLURMDBD_PORT"] = ports[2],
            ["SLURM_TEST_MYSQL_PORT"] = ports[3],
            ["SLURM_CONF"] = Path.Combine(StateDirectory, "etc", "slurm.conf"),
        };
    }

    /// <summary>The cluster name (its association table is <c>&lt;name&gt;_assoc_table</c>).</summary>
    public string Name { get; }

    public string StateDirectory { get; }

    /// <summary>What up.sh, down.sh and every SLURM program need to reach this instance.</summary>
    public Dictionary<string, string?> Environment { get; }

    /// <summary>What stopped the first start (SLURM or root missing, or up.sh failing); null once it runs.</summary>
    private string? Problem { get; set; }

    /// <summary>Skips the test where no second cluster can run (unless CI demands SLURM), and fails it when the start failed.</summary>
    public void Require()
    {
        SlurmCluster.RequireOrSkip();
        if (!System.Environment.IsPrivilegedProcess && System.Environment.GetEnvironmentVariable("WALDUR_AGENT_REQUIRE_SLURM") != "1")
        {
            Skip.Test("the daemons of a second test cluster run as root");
        }

        if (Problem is not null)
        {
            Assert.Fail(Problem);
        }
    }

    public async Task InitializeAsync()
    {
        if (!SlurmTestCluster.Present || !System.Environment.IsPrivilegedProcess)
        {
            Problem = "SLURM is not installed here, or this is not root: no second cluster";
            return;
        }

        var up = await UpAsync();
        Problem = up.ExitCode == 0 ? null : "the second cluster did not come up:\n" + up;
    }

    public async ValueTask DisposeAsync()
    {
        if (Directory.Exists(StateDirectory))
        {
            await ScriptAsync("down.sh");
            Directory.Delete(StateDirectory, recursive: true);
        }
    }

    /// <summary>Runs up.sh for this instance, with extra environment (for example SLURM_TEST_ASSOC_CHECK).</summary>
    public Task<ProcessOutcome> UpAsync(params (string Name, string Value)[] extra) => ScriptAsync("up.sh", extra);

    /// <summary>Stops every daemon of this instance (by the pids up.sh recorded); the database is kept.</summary>
    public Task<ProcessOutcome> DownAsync() => ScriptAsync("down.sh");

    /// <summary>A sacctmgr write on this instance, through the agent's write lock like every other.</summary>
    public async Task WriteAsync(params string[] arguments)
    {
        var outcome = await ProcessRunner.RunAsync("/bin/bash", [Path.Combine(InfraDirectory, "sacctmgr-write.sh"), .. arguments], Environment);
        await Assert.That(outcome.ExitCode == 0).IsTrue().Because($"sacctmgr {string.Join(' ', arguments)} on {Name}: {outcome}");
    }

    /// <summary>A sacctmgr read on this instance (parsable, no header).</summary>
    public async Task<string> ReadAsync(params string[] arguments)
    {
        var outcome = await ProcessRunner.RunAsync("/usr/bin/sacctmgr", ["--parsable2", "--noheader", "--immediate", .. arguments], Environment);
        await Assert.That(outcome.ExitCode == 0).IsTrue().Because($"sacctmgr {string.Join(' ', arguments)} on {Name}: {outcome}");
        return outcome.Output;
    }

    /// <summary>Runs SQL on this instance's accounting database as MariaDB's root; returns tab-separated rows.</summary>
    public async Task<string[]> SqlAsync(string sql)
    {
        var outcome = await ProcessRunner.RunAsync(
            "/usr/bin/mariadb",
            ["--no-defaults", $"--socket={Path.Combine(StateDirectory, "run", "mysql.sock")}", "-uroot", "--batch", "--skip-column-names", "slurm_acct_db", "-e", sql]);
        await Assert.That(outcome.ExitCode == 0).IsTrue().Because($"SQL on {Name} failed: {sql}\n{outcome}");
        return outcome.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Every row of the cluster's association table.</summary>
    public async Task<IReadOnlyList<AssociationRecord>> AssociationsAsync() =>
        (await SqlAsync($"SELECT id_assoc, deleted, user, acct, parent_acct, lft, rgt FROM `{Name}_assoc_table` ORDER BY lft, id_assoc"))
        .Select(AssociationRecord.Parse)
        .ToList();

    private Task<ProcessOutcome> ScriptAsync(string script, params (string Name, string Value)[] extra)
    {
        var environment = new Dictionary<string, string?>(Environment);
        foreach (var (name, value) in extra)
        {
            environment[name] = value;
        }

        return ProcessRunner.RunAsync("/bin/bash", [Path.Combine(InfraDirectory, script)], environment, timeout: TimeSpan.FromMinutes(5));
    }

    // Bound once by the kernel and released: free now, and unlikely to be taken before up.sh binds them.
    private static string[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        listeners.ForEach(l => l.Start());
        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture)).ToArray();
        listeners.ForEach(l => l.Stop());
        return ports;
    }
}

/// <summary>One row of a cluster's association table.</summary>
public sealed record AssociationRecord(int Id, bool Deleted, string User, string Account, string ParentAccount, int Left, int Right)
{
    public static AssociationRecord Parse(string line)
    {
        var f = line.Split('\t');
        return new AssociationRecord(
            int.Parse(f[0], CultureInfo.InvariantCulture), f[1] != "0", f[2], f[3], f[4],
            int.Parse(f[5], CultureInfo.InvariantCulture), int.Parse(f[6], CultureInfo.InvariantCulture));
    }
}
