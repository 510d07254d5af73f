using Microsoft.Extensions.Logging.Abstractions;
using SiteAgent.Backends.Commands;
using SiteAgent.Backends.Model;
using SiteAgent.Backends.Settings;
using SiteAgent.Backends.Slurm.Options;
using SiteAgent.Backends.Slurm.Tests.Support;
using SiteAgent.Testing;

namespace SiteAgent.Backends.Slurm.Tests.Integration;

/// <summary>
/// The real single-node cluster of tests/infra/slurm, as these tests read it (through <see cref="SlurmTestCluster"/>,
/// which also makes every write). Tests skip only when sacctmgr is absent and WALDUR_AGENT_REQUIRE_SLURM is not 1;
/// otherwise a missing or stopped cluster fails them.
/// </summary>
internal static class SlurmCluster
{
    private static readonly Lazy<string> ClusterName = new(Locate);

    public static string Name => ClusterName.Value;

    /// <summary>Skips the test when SLURM is not installed here (and not required), else makes sure the environment points at the test cluster.</summary>
    public static string Require()
    {
        if (!File.Exists(SlurmTestCluster.Sacctmgr) && Environment.GetEnvironmentVariable("WALDUR_AGENT_REQUIRE_SLURM") != "1")
        {
            Skip.Test("sacctmgr is not installed and WALDUR_AGENT_REQUIRE_SLURM is not 1");
        }

        return Name;
    }

    /// <summary>Runs <c>sacctmgr -n -P -i</c> as a read, for checking the cluster's state independently of the backend.</summary>
    public static Task<string> SacctmgrAsync(params string[] arguments) => SlurmTestCluster.ReadAsync(arguments);

    /// <summary>Runs a sacctmgr write under the host-wide lock; "Nothing deleted" counts as done, any other failure fails the test.</summary>
    public static async Task WriteAsync(params string[] arguments)
    {
        var result = await SlurmTestCluster.WriteAsync(arguments);
        await Assert.That(result.Succeeded || result.Output.Contains("Nothing deleted", StringComparison.Ordinal)).IsTrue().Because($"sacctmgr {string.Join(' ', arguments)}: {result.Output}");
    }

    /// <summary>Rows <c>Account|ParentName|User|GrpTRESMins</c> of an account's associations on the test cluster.</summary>
    public static async Task<string[]> AssociationsAsync(string account) =>
        (await SacctmgrAsync("show", "association", "where", $"account={account}", $"cluster={Name}", "format=Account,ParentName,User,GrpTRESMins,QOS,DefaultQOS"))
        .Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The account-level row, or null when the account has no association here.</summary>
    public static async Task<string[]?> AccountRowAsync(string account) =>
        (await AssociationsAsync(account)).Select(l => l.Split('|')).FirstOrDefault(f => f[0] == account && f[2].Length == 0);

    // The backends these tests build run sacctmgr in this process: point SLURM_CONF at the test cluster.
    private static string Locate()
    {
        var conf = SlurmTestCluster.ConfigPath;
        if (!File.Exists(conf))
        {
            Assert.Fail($"{conf} not found: start the test cluster with tests/infra/slurm/up.sh");
        }

        Environment.SetEnvironmentVariable("SLURM_CONF", conf);
        return SlurmTestCluster.Name;
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

    public ValueTask DisposeAsync() => new(SlurmTestCluster.RemoveAsync(Prefix));
}
