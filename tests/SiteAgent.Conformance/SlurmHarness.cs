using SiteAgent.Backends.Commands;
using SiteAgent.Backends.Slurm;

namespace SiteAgent.Conformance;

/// <summary>
/// The SLURM backend on the real shared cluster of tests/infra/slurm. Its writes go through the host-wide
/// sacctmgr lock (the backend's own, and the cleanup's); every account, user and QoS carries the harness's
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

    /// <summary>Cancels the prefix's jobs, then removes its users, accounts and QoS, under the write lock.</summary>
    public override async ValueTask DisposeAsync()
    {
        if (!File.Exists(Sacctmgr))
        {
            return;
        }

        var accounts = await ListAsync("account", "format=account");
        foreach (var account in accounts)
        {
            await new ProcessCommandRunner().RunAsync(new CommandSpec("/usr/bin/scancel", ["-A", account], CommandEffect.Write), CancellationToken.None);
        }

        // Users first: SLURM refuses to remove an account that is some user's default account.
        if (await ListAsync("user", "format=user") is { Count: > 0 } users)
        {
            await WriteAsync("remove", "user", "where", $"name={string.Join(',', users)}");
        }

        if (accounts.Count > 0)
        {
            await WriteAsync("remove", "user", "where", $"account={string.Join(',', accounts)}");
            await WriteAsync("remove", "account", "where", $"name={string.Join(',', accounts)}");
        }

        if (await ListAsync("qos", "format=name") is { Count: > 0 } qos)
        {
            await WriteAsync("remove", "qos", "where", $"name={string.Join(',', qos)}");
        }
    }

    private async Task<IReadOnlyList<string>> ListAsync(params string[] what)
    {
        var result = await new ProcessCommandRunner().RunAsync(
            new CommandSpec(Sacctmgr, ["--parsable2", "--noheader", "list", .. what], CommandEffect.Read), CancellationToken.None);
        return result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal)).ToList();
    }

    // Overlapping sacctmgr writers corrupt slurmdbd 22.05's association tree: the cleanup takes the agent's lock too.
    private static async Task WriteAsync(params string[] arguments)
    {
        using var held = await new SacctmgrWriteLock(null, TimeSpan.FromMinutes(2)).AcquireAsync(CancellationToken.None);
        await new ProcessCommandRunner().RunAsync(new CommandSpec(Sacctmgr, ["--parsable2", "--noheader", "--immediate", .. arguments], CommandEffect.Write), CancellationToken.None);
    }

    // The cluster of tests/infra/slurm: its slurm.conf for every command, and its name from cluster.env.
    private static string Locate()
    {
        var stateDir = Environment.GetEnvironmentVariable("SLURM_TEST_STATE_DIR") is { Length: > 0 } s ? s : "/var/lib/waldur-agent-test/slurm";
        var conf = Path.Combine(stateDir, "etc/slurm.conf");
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("SLURM_CONF")) && File.Exists(conf))
        {
            Environment.SetEnvironmentVariable("SLURM_CONF", conf);
        }

        if (Environment.GetEnvironmentVariable("SLURM_TEST_CLUSTER") is { Length: > 0 } name)
        {
            return name;
        }

        var env = Path.Combine(SiteAgent.Testing.RepositoryPaths.Root, "tests/infra/slurm/cluster.env");
        var line = File.Exists(env) ? File.ReadAllLines(env).FirstOrDefault(l => l.StartsWith("SLURM_TEST_CLUSTER=", StringComparison.Ordinal)) : null;
        return line?["SLURM_TEST_CLUSTER=".Length..] ?? "waldurtest";
    }
}
