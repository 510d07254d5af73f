using SiteAgent.Backends.Slurm;
using SiteAgent.Testing;

namespace SiteAgent.IntegrationTests.Infrastructure;

/// <summary>The real SLURM cluster brought up by tests/infra/slurm/up.sh, read through sacctmgr.</summary>
internal static class SlurmCluster
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> ClusterEnv = new(ReadClusterEnv);

    // The agents' host-wide sacctmgr write lock: an unserialised write beside an agent's corrupts slurmdbd 22.05's tree.
    private static readonly SacctmgrWriteLock WriteLock = new(null, TimeSpan.FromMinutes(2));

    /// <summary>The cluster name accounts are created on.</summary>
    public static string Name => ClusterEnv.Value.GetValueOrDefault("SLURM_TEST_CLUSTER", "waldurtest");

    /// <summary>Environment the agent and sacctmgr need (SLURM_CONF of the test cluster).</summary>
    public static IReadOnlyDictionary<string, string?> Environment =>
        ClusterEnv.Value.Where(p => p.Key == "SLURM_CONF").ToDictionary(p => p.Key, p => (string?)p.Value);

    /// <summary>Skips the test when SLURM is absent here, unless CI demands it (WALDUR_AGENT_REQUIRE_SLURM=1).</summary>
    public static void RequireOrSkip()
    {
        var present = File.Exists("/usr/bin/sacctmgr") && ClusterEnv.Value.ContainsKey("SLURM_CONF");
        if (!present && System.Environment.GetEnvironmentVariable("WALDUR_AGENT_REQUIRE_SLURM") != "1")
        {
            Skip.Test("SLURM is not installed or not running here (tests/infra/slurm/up.sh); set WALDUR_AGENT_REQUIRE_SLURM=1 to fail instead");
        }

        if (!(present))
        {
            Assert.Fail("SLURM is required (WALDUR_AGENT_REQUIRE_SLURM=1) but sacctmgr or the test cluster is missing");
        }
    }

    /// <summary>Rows of <c>sacctmgr show assoc</c> for an account: account|parent|user|GrpTRESMins.</summary>
    public static async Task<IReadOnlyList<AssociationRow>> AssociationsAsync(string account)
    {
        var output = await SacctmgrAsync("show", "assoc", $"where", $"account={account}", $"cluster={Name}", "format=account,parentname,user,grptresmins");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('|'))
            .Select(cells => new AssociationRow(cells[0], cells[1], cells[2], cells[3]))
            .ToList();
    }

    /// <summary>The account-level association of an account, or null when the account is absent on the cluster.</summary>
    public static async Task<AssociationRow?> AccountAsync(string account) =>
        (await AssociationsAsync(account).ConfigureAwait(false)).FirstOrDefault(r => r.User.Length == 0);

    /// <summary>Every account name on the cluster that starts with <paramref name="prefix"/>.</summary>
    public static async Task<IReadOnlyList<string>> AccountsWithPrefixAsync(string prefix)
    {
        var output = await SacctmgrAsync("show", "assoc", "where", $"cluster={Name}", "format=account");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(a => a.StartsWith(prefix, StringComparison.Ordinal)).Distinct().Order().ToList();
    }

    /// <summary>
    /// Removes every account whose name starts with <paramref name="prefix"/> (test clean-up), each removal
    /// under the agents' host-wide write lock: an unserialised sacctmgr write beside an agent's corrupts
    /// slurmdbd 22.05's association tree.
    /// </summary>
    public static async Task RemoveAccountsAsync(string prefix)
    {
        foreach (var account in (await AccountsWithPrefixAsync(prefix).ConfigureAwait(false)).Reverse())
        {
            using (await WriteLock.AcquireAsync(CancellationToken.None).ConfigureAwait(false))
            {
                await ProcessRunner.RunAsync("/usr/bin/sacctmgr", ["-i", "remove", "account", "where", $"name={account}"], Environment).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Runs a sacctmgr write under the agent's host-wide write lock (concurrent writers corrupt slurmdbd
    /// 22.05's tree); "Nothing deleted" counts as done.
    /// </summary>
    public static async Task WriteAsync(params string[] arguments)
    {
        ProcessOutcome outcome;
        using (await WriteLock.AcquireAsync(CancellationToken.None).ConfigureAwait(false))
        {
            outcome = await ProcessRunner.RunAsync("/usr/bin/sacctmgr", ["--parsable2", "--noheader", "--immediate", .. arguments], Environment).ConfigureAwait(false);
        }

        if (outcome.ExitCode != 0 && !outcome.Output.Contains("Nothing deleted", StringComparison.Ordinal))
        {
            Assert.Fail("sacctmgr write failed: " + outcome);
        }
    }

    /// <summary>The QoS list of an account's account-level association, sorted as sacctmgr prints it.</summary>
    public static async Task<string> QosAsync(string account) =>
        (await SacctmgrAsync("show", "association", "where", $"account={account}", $"cluster={Name}", "format=Account,User,QOS").ConfigureAwait(false))
        .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('|')).First(c => c[0] == account && c[1].Length == 0)[2];

    /// <summary>Users with an association on the account.</summary>
    public static async Task<IReadOnlyList<string>> UsersAsync(string account) =>
        (await AssociationsAsync(account).ConfigureAwait(false)).Where(r => r.User.Length > 0).Select(r => r.User).Distinct().Order().ToList();

    /// <summary>Creates an account on the test cluster under <paramref name="parent"/> (under the write lock).</summary>
    public static Task AddAccountAsync(string account, string parent) =>
        WriteAsync("add", "account", account, $"parent={parent}", $"description={account}", $"organization={account}", $"cluster={Name}");

    /// <summary>Runs a read-only sacctmgr command with parsable output and returns stdout.</summary>
    public static async Task<string> SacctmgrAsync(params string[] arguments)
    {
        var outcome = await ProcessRunner.RunAsync("/usr/bin/sacctmgr", ["--parsable2", "--noheader", .. arguments], Environment).ConfigureAwait(false);
        if (outcome.ExitCode != 0)
        {
            Assert.Fail("sacctmgr failed: " + outcome);
        }
        return outcome.Output;
    }

    private static IReadOnlyDictionary<string, string> ReadClusterEnv()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var file = RepositoryPaths.Combine("tests", "infra", "slurm", "cluster.env");
        var stateDir = System.Environment.GetEnvironmentVariable("SLURM_TEST_STATE_DIR") is { Length: > 0 } dir ? dir : "/var/lib/waldur-agent-test/slurm";
        if (File.Exists(file))
        {
            foreach (var line in File.ReadAllLines(file))
            {
                var text = line.Trim();
                if (text.StartsWith("export ", StringComparison.Ordinal))
                {
                    text = text[7..];
                }

                var eq = text.IndexOf('=', StringComparison.Ordinal);
                if (text.StartsWith('#') || eq <= 0)
                {
                    continue;
                }

                var value = text[(eq + 1)..].Trim('"');
                value = value.Replace("${SLURM_TEST_STATE_DIR:-/var/lib/waldur-agent-test/slurm}", stateDir, StringComparison.Ordinal)
                    .Replace("${SLURM_TEST_STATE_DIR}", stateDir, StringComparison.Ordinal).Replace("$SLURM_TEST_STATE_DIR", stateDir, StringComparison.Ordinal);
                values[text[..eq]] = value;
            }
        }

        if (System.Environment.GetEnvironmentVariable("SLURM_CONF") is { Length: > 0 } conf)
        {
            values["SLURM_CONF"] = conf;
        }

        if (values.TryGetValue("SLURM_CONF", out var path) && !File.Exists(path))
        {
            values.Remove("SLURM_CONF");
        }

        return values;
    }
}

/// <summary>One association row.</summary>
internal sealed record AssociationRow(string Account, string Parent, string User, string GrpTresMins);
