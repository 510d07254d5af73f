using SiteAgent.Backends.Slurm;
using SiteAgent.Testing;

namespace SiteAgent.IntegrationTests.Infrastructure;

/// <summary>The real SLURM cluster brought up by tests/infra/slurm/up.sh, as these tests read it (through <see cref="SlurmTestCluster"/>).</summary>
internal static class SlurmCluster
{
    /// <summary>The cluster name accounts are created on.</summary>
    public static string Name => SlurmTestCluster.Name;

    /// <summary>Environment the agent and sacctmgr need (SLURM_CONF of the test cluster).</summary>
    public static IReadOnlyDictionary<string, string?> Environment =>
        SlurmTestCluster.Environment.ToDictionary(p => p.Key, p => (string?)p.Value);

    /// <summary>Skips the test when SLURM is absent here, unless CI demands it (WALDUR_AGENT_REQUIRE_SLURM=1).</summary>
    public static void RequireOrSkip()
    {
        var present = SlurmTestCluster.Present;
        if (!present && System.Environment.GetEnvironmentVariable("WALDUR_AGENT_REQUIRE_SLURM") != "1")
        {
            Skip.Test("SLURM is not installed or not running here (tests/infra/slurm/up.sh); set WALDUR_AGENT_REQUIRE_SLURM=1 to fail instead");
        }

        if (!present)
        {
            Assert.Fail("SLURM is required (WALDUR_AGENT_REQUIRE_SLURM=1) but sacctmgr or the test cluster is missing");
        }
    }

    /// <summary>Rows of <c>sacctmgr show assoc</c> for an account: account|parent|user|GrpTRESMins.</summary>
    public static async Task<IReadOnlyList<AssociationRow>> AssociationsAsync(string account)
    {
        var output = await SacctmgrAsync("show", "assoc", "where", $"account={account}", $"cluster={Name}", "format=account,parentname,user,grptresmins");
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

    /// <summary>Removes every account (and user association, job and QoS) whose name starts with <paramref name="prefix"/>, under the write lock.</summary>
    public static Task RemoveAccountsAsync(string prefix) => SlurmTestCluster.RemoveAsync(prefix);

    /// <summary>
    /// Runs a sacctmgr write through the one test write path (the agent's host-wide write lock: concurrent
    /// writers corrupt slurmdbd 22.05's tree); "Nothing deleted" counts as done.
    /// </summary>
    public static async Task WriteAsync(params string[] arguments)
    {
        var result = await SlurmTestCluster.WriteAsync(arguments).ConfigureAwait(false);
        if (!result.Succeeded && !result.Output.Contains("Nothing deleted", StringComparison.Ordinal))
        {
            Assert.Fail($"sacctmgr {string.Join(' ', arguments)} failed (exit {result.ExitCode}): {result.Output}");
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
    public static Task<string> SacctmgrAsync(params string[] arguments) => SlurmTestCluster.ReadAsync(arguments);
}

/// <summary>One association row.</summary>
internal sealed record AssociationRow(string Account, string Parent, string User, string GrpTresMins);
