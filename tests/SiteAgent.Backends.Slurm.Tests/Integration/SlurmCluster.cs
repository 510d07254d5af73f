using Microsoft.Extensions.Logging.Abstractions;
using SiteAgent.Backends.Commands;
using SiteAgent.Backends.Model;
using SiteAgent.Backends.Settings;
using SiteAgent.Backends.Slurm.Options;
using SiteAgent.Backends.Slurm.Tests.Support;

namespace SiteAgent.Backends.Slurm.Tests.Integration;

/// <summary>
/// The real single-node cluster of tests/infra/slurm. Tests skip only when sacctmgr is absent and
/// WALDUR_AGENT_REQUIRE_SLURM is not 1; otherwise a missing or stopped cluster fails them.
/// </summary>
internal static class SlurmCluster
{
    private static readonly Lazy<string> ClusterName = new(Locate);

    public static string Name => ClusterName.Value;

    /// <summary>Skips the test when SLURM is not installed here (and not required), else makes sure the environment points at the test cluster.</summary>
    public static string Require()
    {
        if (!File.Exists("/usr/bin/sacctmgr") && Environment.GetEnvironmentVariable("WALDUR_AGENT_REQUIRE_SLURM") != "1")
        {
            Skip.Test("sacctmgr is not installed and WALDUR_AGENT_REQUIRE_SLURM is not 1");
        }

        return Name;
    }

    /// <summary>Runs <c>sacctmgr -n -P -i</c> directly, for checking the cluster's state independently of the backend.</summary>
    /// <remarks>Retried: under the parallel test load slurmdbd occasionally fails a read, and a failed listing in cleanup would leak accounts.</remarks>
    public static async Task<string> SacctmgrAsync(params string[] arguments)
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = await new ProcessCommandRunner().RunAsync(
                new CommandSpec("/usr/bin/sacctmgr", ["--parsable2", "--noheader", "--immediate", .. arguments], CommandEffect.Read), CancellationToken.None);
            if (result.Succeeded || attempt == 3)
            {
                return result.Output;
            }

            await Task.Delay(1000);
        }
    }

    /// <summary>
    /// Runs a sacctmgr write under the same host-wide lock as the backend (unserialised concurrent adds
    /// corrupt slurmdbd 22.05's tree), retrying a failure twice; "Nothing deleted" counts as done.
    /// </summary>
    public static async Task WriteAsync(params string[] arguments)
    {
        var writeLock = new SacctmgrWriteLock(null, TimeSpan.FromMinutes(2));
        for (var attempt = 1; ; attempt++)
        {
            CommandResult result;
            using (await writeLock.AcquireAsync(CancellationToken.None))
            {
                result = await new ProcessCommandRunner().RunAsync(
                    new CommandSpec("/usr/bin/sacctmgr", ["--parsable2", "--noheader", "--immediate", .. arguments], CommandEffect.Write), CancellationToken.None);
            }

            if (result.Succeeded || result.Output.Contains("Nothing deleted", StringComparison.Ordinal) || attempt == 3)
            {
                return;
            }

            await Task.Delay(1000);
        }
    }

    /// <summary>Rows <c>Account|ParentName|User|GrpTRESMins</c> of an account's associations on the test cluster.</summary>
    public static async Task<string[]> AssociationsAsync(string account) =>
        (await SacctmgrAsync("show", "association", "where", $"account={account}", $"cluster={Name}", "format=Account,ParentName,User,GrpTRESMins,QOS,DefaultQOS"))
        .Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The account-level row, or null when the account has no association here.</summary>
    public static async Task<string[]?> AccountRowAsync(string account) =>
        (await AssociationsAsync(account)).Select(l => l.Split('|')).FirstOrDefault(f => f[0] == account && f[2].Length == 0);

    private static string Locate()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "tests/infra/slurm/cluster.env")))
        {
            directory = directory.Parent;
        }

        var stateDir = Environment.GetEnvironmentVariable("SLURM_TEST_STATE_DIR") is { Length: > 0 } s ? s : "/var/lib/waldur-agent-test/slurm";
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("SLURM_CONF")))
        {
            var conf = Path.Combine(stateDir, "etc/slurm.conf");
            if (!File.Exists(conf))
            {
                Assert.Fail($"{conf} not found: start the test cluster with tests/infra/slurm/up.sh");
            }

            Environment.SetEnvironmentVariable("SLURM_CONF", conf);
        }

        if (Environment.GetEnvironmentVariable("SLURM_TEST_CLUSTER") is { Length: > 0 } name)
        {
            return name;
        }

        var env = directory is null ? null : File.ReadAllLines(Path.Combine(directory.FullName, "tests/infra/slurm/cluster.env"))
            .FirstOrDefault(l => l.StartsWith("SLURM_TEST_CLUSTER=", StringComparison.Ordinal));
        return env?["SLURM_TEST_CLUSTER=".Length..] ?? "waldurtest";
    }
}

/// <summary>
/// One test's corner of the cluster: a unique prefix for every account, user and QoS it makes, and
/// removal of all of them at the end.
/// </summary>
internal sealed class ClusterScope : IAsyncDisposable
{
    public ClusterScope()
    {
        Cluster = SlurmCluster.Require();
        Prefix = "wt" + Guid.NewGuid().ToString("N")[..6] + "_";
    }

    public string Cluster { get; }

    public string Prefix { get; }

    public RecordingRunner Runner { get; } = new(new ProcessCommandRunner());

    public static IReadOnlyList<ComponentDefinition> Components { get; } =
    [
        new() { Type = "cpu", MeasuredUnit = "CPU-Hours", Label = "CPU", AccountingType = AccountingType.Limit, UnitFactor = 60 },
        new() { Type = "mem", MeasuredUnit = "GB-Hours", Label = "RAM", AccountingType = AccountingType.Usage, UnitFactor = 1024, Limit = 10 },
        new() { Type = "gres/gpu", MeasuredUnit = "GPU-Hours", Label = "GPU", AccountingType = AccountingType.Usage, UnitFactor = 60 },
    ];

    public string User(string name) => Prefix + name;

    public SlurmBackend Backend(
        Func<SlurmOptions, SlurmOptions>? options = null,
        Func<CommonBackendSettings, CommonBackendSettings>? common = null,
        IReadOnlyList<ComponentDefinition>? components = null,
        ICommandRunner? runner = null)
    {
        var settings = new SlurmOptions { ClusterName = Cluster, SlurmBinPath = "/usr/bin" };
        var shared = new CommonBackendSettings
        {
            CustomerPrefix = Prefix, ProjectPrefix = Prefix, AllocationPrefix = Prefix, EnableUserHomedirAccountCreation = false,
        };
        return new SlurmBackend(options?.Invoke(settings) ?? settings, new BackendContext
        {
            OfferingName = "slurm-tests",
            OfferingUuid = Guid.NewGuid(),
            Components = components ?? Components,
            Common = common?.Invoke(shared) ?? shared,
            Commands = runner ?? Runner,
            LoggerFactory = NullLoggerFactory.Instance,
            TimeZone = TimeZoneInfo.Local,
        });
    }

    public ResourceRequest Resource(string slug, string project = "proj-1", string customer = "org-a", Dictionary<string, decimal>? limits = null) => new()
    {
        Uuid = Guid.NewGuid(),
        Name = $"Allocation {slug}",
        Slug = slug,
        ProjectSlug = project,
        ProjectName = $"Project {project}",
        CustomerSlug = customer,
        CustomerName = $"Customer {customer}",
        Limits = limits ?? new Dictionary<string, decimal> { ["cpu"] = 10 },
    };

    /// <summary>The id the order processor would generate: lower(allocation_prefix + slug).</summary>
    public string Id(string slug) => (Prefix + slug).ToLowerInvariant();

    public async ValueTask DisposeAsync()
    {
        var accounts = (await SlurmCluster.SacctmgrAsync("list", "account", "format=account"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(a => a.StartsWith(Prefix, StringComparison.Ordinal))
            .ToArray();
        foreach (var account in accounts)
        {
            await new ProcessCommandRunner().RunAsync(new CommandSpec("/usr/bin/scancel", ["-A", account], CommandEffect.Write), CancellationToken.None);
        }

        // Users before accounts: SLURM refuses to remove an account that is some user's default account
        // (the individual policy makes the allocation the default).
        var users = (await SlurmCluster.SacctmgrAsync("list", "user", "format=user"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(u => u.StartsWith(Prefix, StringComparison.Ordinal))
            .ToArray();
        if (users.Length > 0)
        {
            await SlurmCluster.WriteAsync("remove", "user", "where", $"name={string.Join(',', users)}");
        }

        if (accounts.Length > 0)
        {
            await SlurmCluster.WriteAsync("remove", "user", "where", $"account={string.Join(',', accounts)}");
            await SlurmCluster.WriteAsync("remove", "account", "where", $"name={string.Join(',', accounts)}");
        }

        var qos = (await SlurmCluster.SacctmgrAsync("list", "qos", "format=name"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(q => q.StartsWith(Prefix, StringComparison.Ordinal))
            .ToArray();
        if (qos.Length > 0)
        {
            await SlurmCluster.WriteAsync("remove", "qos", "where", $"name={string.Join(',', qos)}");
        }
    }
}
