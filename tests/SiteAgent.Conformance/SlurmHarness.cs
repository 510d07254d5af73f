using SiteAgent.Testing;

namespace SiteAgent.Conformance;

/// <summary>
/// The SLURM backend on the real shared cluster of tests/infra/slurm. Its writes go through the host-wide
/// sacctmgr lock (the backend's own, and the cleanup's through SlurmTestCluster); every account, user and QoS carries the harness's
/// prefix and is removed at the end.
/// </summary>
public sealed class SlurmHarness() : BackendHarness(new Dictionary<string, string>
{
    ["cluster_name"] = ClusterName.Value,
    ["slurm_bin_path"] = "/usr/bin",
    ["default_account"] = "root",
})
{
    private const string Sacctmgr = "/usr/bin/sacctmgr";
    private static readonly Lazy<string> ClusterName = new(Locate);

    /// <inheritdoc />
    /// <remarks>Skips only when sacctmgr is absent and <c>WALDUR_AGENT_REQUIRE_SLURM</c> is not 1; otherwise a stopped cluster fails.</remarks>
    public override void RequireEnvironment()
    {
        if (!File.Exists(Sacctmgr) && Environment.GetEnvironmentVariable("WALDUR_AGENT_REQUIRE_SLURM") != "1")
        {
            Skip.Test("sacctmgr is not installed and WALDUR_AGENT_REQUIRE_SLURM is not 1");
        }
    }

    /// <summary>Cancels the prefix's jobs, then removes its users, accounts and QoS, through the one test write path.</summary>
    public override async ValueTask DisposeAsync()
    {
        if (File.Exists(Sacctmgr))
        {
            await SlurmTestCluster.RemoveAsync(Prefix);
        }
    }

    // The cluster of tests/infra/slurm: the backend's sacctmgr needs its slurm.conf, and accounts go on its cluster.
    private static string Locate()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("SLURM_CONF")) && File.Exists(SlurmTestCluster.ConfigPath))
        {
            Environment.SetEnvironmentVariable("SLURM_CONF", SlurmTestCluster.ConfigPath);
        }

        return SlurmTestCluster.Name;
    }
}
