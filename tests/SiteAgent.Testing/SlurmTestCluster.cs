using SiteAgent.Backends.Commands;
using SiteAgent.Backends.Slurm;

namespace SiteAgent.Testing;

/// <summary>
/// The real SLURM cluster of tests/infra/slurm for tests and benchmarks: where it is, sacctmgr reads,
/// and the one way test and tool code writes to it.
/// </summary>
/// <remarks>
/// Writes go through the agent's host-wide <see cref="SacctmgrWriteLock"/> (its default file), like the
/// agent's own: slurmdbd 22.05 corrupts its association tree when two writers overlap, and then
/// crashes on every start. A test in SiteAgent.Backends.Slurm.Tests fails when test or tool code starts
/// a sacctmgr write any other way.
/// </remarks>
public static class SlurmTestCluster
{
    /// <summary>The sacctmgr the tests run.</summary>
    public const string Sacctmgr = "/usr/bin/sacctmgr";

    private static readonly string[] SacctmgrFlags = ["--parsable2", "--noheader", "--immediate"];
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);
    private static readonly ProcessCommandRunner Runner = new();
    private static readonly Lazy<ClusterEnvFile> Settings = new(() => ClusterEnvFile.Read(RepositoryPaths.Combine("tests", "infra", "slurm", "cluster.env")));

    /// <summary>The lock every test write takes: the agent's default file, waited for up to five minutes.</summary>
    public static SacctmgrWriteLock WriteLock { get; } = new(null, TimeSpan.FromMinutes(5));

    /// <summary>The cluster name accounts are created on (<c>SLURM_TEST_CLUSTER</c>).</summary>
    public static string Name => Settings.Value.Get("SLURM_TEST_CLUSTER");

    /// <summary>The slurm.conf of the cluster: <c>SLURM_CONF</c> when set, else the one in cluster.env's state dir.</summary>
    public static string ConfigPath => System.Environment.GetEnvironmentVariable("SLURM_CONF") is { Length: > 0 } conf ? conf : Settings.Value.Get("SLURM_CONF");

    /// <summary>True when sacctmgr is installed and the cluster's slurm.conf exists.</summary>
    public static bool Present => File.Exists(Sacctmgr) && File.Exists(ConfigPath);

    /// <summary>What a child process needs to reach the cluster (the agent, sacctmgr, sbatch).</summary>
    public static IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { ["SLURM_CONF"] = ConfigPath };

    /// <summary>Runs <c>sacctmgr --parsable2 --noheader --immediate ARGS</c> as a read; retried twice, since a loaded slurmdbd occasionally fails one.</summary>
    /// <exception cref="InvalidOperationException">All three attempts failed.</exception>
    public static async Task<string> ReadAsync(params string[] arguments)
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = await Runner.RunAsync(Command(arguments, CommandEffect.Read), CancellationToken.None).ConfigureAwait(false);
            if (result.Succeeded)
            {
                return result.Output;
            }

            if (attempt == 3)
            {
                throw new InvalidOperationException($"sacctmgr {string.Join(' ', arguments)} failed (exit {result.ExitCode}): {result.Output}");
            }

            await Task.Delay(1000).ConfigureAwait(false);
        }
    }

    /// <summary>Runs <c>sacctmgr --parsable2 --noheader --immediate ARGS</c> as a write under the host-wide lock, once.</summary>
    public static Task<CommandResult> WriteAsync(params string[] arguments) =>
        WriteLock.RunAsync(Runner, Command(arguments, CommandEffect.Write), CancellationToken.None);

    /// <summary>
    /// Removes what a test made: jobs, users, accounts (with their sub-trees) and QoS whose names start
    /// with <paramref name="prefix"/>. Users go first: SLURM refuses to remove an account that is some
    /// user's default. Each removal is retried twice; "Nothing deleted" counts as done.
    /// </summary>
    public static async Task RemoveAsync(string prefix)
    {
        var accounts = await NamesAsync(prefix, "list", "account", "format=account").ConfigureAwait(false);
        foreach (var account in accounts)
        {
            await Runner.RunAsync(new CommandSpec("/usr/bin/scancel", ["-A", account], CommandEffect.Write) { Environment = Environment }, CancellationToken.None)
                .ConfigureAwait(false);
        }

        var users = await NamesAsync(prefix, "list", "user", "format=user").ConfigureAwait(false);
        if (users.Count > 0)
        {
            await RemoveWithRetriesAsync("remove", "user", "where", $"name={string.Join(',', users)}").ConfigureAwait(false);
        }

        if (accounts.Count > 0)
        {
            await RemoveWithRetriesAsync("remove", "user", "where", $"account={string.Join(',', accounts)}").ConfigureAwait(false);
            await RemoveWithRetriesAsync("remove", "account", "where", $"name={string.Join(',', accounts)}").ConfigureAwait(false);
        }

        var qos = await NamesAsync(prefix, "list", "qos", "format=name").ConfigureAwait(false);
        if (qos.Count > 0)
        {
            await RemoveWithRetriesAsync("remove", "qos", "where", $"name={string.Join(',', qos)}").ConfigureAwait(false);
        }
    }

    private static async Task RemoveWithRetriesAsync(params string[] arguments)
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = await WriteAsync(arguments).ConfigureAwait(false);
            if (result.Succeeded || result.Output.Contains("Nothing deleted", StringComparison.Ordinal) || attempt == 3)
            {
                return;
            }

            await Task.Delay(1000).ConfigureAwait(false);
        }
    }

    private static async Task<IReadOnlyList<string>> NamesAsync(string prefix, params string[] listing) =>
        (await ReadAsync(listing).ConfigureAwait(false))
        .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Where(name => name.StartsWith(prefix, StringComparison.Ordinal))
        .Distinct(StringComparer.Ordinal)
        .ToList();

    private static CommandSpec Command(string[] arguments, CommandEffect effect) =>
        new(Sacctmgr, [.. SacctmgrFlags, .. arguments], effect, CommandTimeout) { Environment = Environment };
}
