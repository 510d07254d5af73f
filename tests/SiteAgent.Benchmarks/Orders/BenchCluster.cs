using SiteAgent.Backends.Slurm;
using SiteAgent.Testing;

namespace SiteAgent.Benchmarks.Orders;

/// <summary>
/// The real SLURM cluster of tests/infra/slurm (cluster.env: <c>SLURM_CONF</c>, cluster <c>waldurtest</c>),
/// reached through <see cref="SlurmTestCluster"/>: the readiness check and the clean-up of a run's accounts.
/// </summary>
/// <remarks>
/// Clean-up removes accounts under the host-wide <see cref="SacctmgrWriteLock"/>, as the agent writes:
/// other agents or integration tests may add accounts at the same time, and concurrent writes corrupt
/// SLURM 22.05's account tree.
/// </remarks>
internal sealed class BenchCluster
{
    private const int NamesPerRemoval = 40;

    private BenchCluster(string name, string configPath)
    {
        Name = name;
        ConfigPath = configPath;
    }

    /// <summary>The cluster name commands are scoped to.</summary>
    public string Name { get; }

    /// <summary>The <c>SLURM_CONF</c> every SLURM program of this run reads.</summary>
    public string ConfigPath { get; }

    /// <summary>The lock the agent's sacctmgr writes take (its default file).</summary>
    public SacctmgrWriteLock WriteLock => SlurmTestCluster.WriteLock;

    /// <summary>Finds the cluster from the environment or cluster.env's defaults and sets <c>SLURM_CONF</c> for child processes.</summary>
    /// <exception cref="InvalidOperationException">SLURM is not installed or the cluster is not up; the message says how to start it.</exception>
    public static async Task<BenchCluster> FindAsync(CancellationToken cancellationToken)
    {
        if (!SlurmTestCluster.Present)
        {
            throw new InvalidOperationException(
                $"SLURM is not here ({SlurmTestCluster.Sacctmgr}, {SlurmTestCluster.ConfigPath}): start it with tests/infra/slurm/up.sh and source tests/infra/slurm/cluster.env");
        }

        Environment.SetEnvironmentVariable("SLURM_CONF", SlurmTestCluster.ConfigPath);
        var found = new BenchCluster(SlurmTestCluster.Name, SlurmTestCluster.ConfigPath);
        var clusters = SlurmParser.ParseClusters(await SlurmTestCluster.ReadAsync("list", "cluster", "format=cluster").ConfigureAwait(false));
        // Taken once so that its file exists: the load sampler looks its holders up by inode.
        (await found.WriteLock.AcquireAsync(cancellationToken).ConfigureAwait(false)).Dispose();
        return clusters.Contains(found.Name, StringComparer.OrdinalIgnoreCase)
            ? found
            : throw new InvalidOperationException($"sacctmgr does not list cluster {found.Name} (it lists: {string.Join(", ", clusters)}); is tests/infra/slurm/up.sh running?");
    }

    /// <summary>Accounts on this cluster whose names start with <paramref name="prefix"/>, children before their parents.</summary>
    public async Task<IReadOnlyList<string>> AccountsAsync(string prefix, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var text = await SlurmTestCluster.ReadAsync("show", "association", "where", $"cluster={Name}", "format=Account,ParentName,User").ConfigureAwait(false);
        var parents = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var cells = line.Split('|');
            if (cells.Length >= 3 && cells[2].Length == 0 && cells[0].StartsWith(prefix, StringComparison.Ordinal))
            {
                parents[cells[0]] = cells[1];
            }
        }

        return parents.Keys.OrderByDescending(account => Depth(account, parents)).ThenBy(account => account, StringComparer.Ordinal).ToList();
    }

    /// <summary>Removes every account of the prefixes, deepest first, several per command; returns the names still present afterwards.</summary>
    public async Task<IReadOnlyList<string>> RemoveAccountsAsync(IEnumerable<string> prefixes, CancellationToken cancellationToken)
    {
        var left = new List<string>();
        foreach (var prefix in prefixes)
        {
            var accounts = await AccountsAsync(prefix, cancellationToken).ConfigureAwait(false);
            foreach (var batch in accounts.Chunk(NamesPerRemoval))
            {
                cancellationToken.ThrowIfCancellationRequested();
                await SlurmTestCluster.WriteAsync("remove", "account", "where", "name=" + string.Join(',', batch)).ConfigureAwait(false);
            }

            left.AddRange(await AccountsAsync(prefix, cancellationToken).ConfigureAwait(false));
        }

        return left;
    }

    private static int Depth(string account, Dictionary<string, string> parents)
    {
        var depth = 0;
        for (var current = account; parents.TryGetValue(current, out var parent) && depth < parents.Count; current = parent)
        {
            depth++;
        }

        return depth;
    }
}
