using SiteAgent.Backends.Settings;

namespace SiteAgent.Backends.Slurm.Options;

/// <summary>Where users' default account points when they are added.</summary>
public enum DefaultAccountPolicy
{
    /// <summary><c>DefaultAccount=</c> the configured <c>default_account</c>.</summary>
    Common,

    /// <summary><c>DefaultAccount=</c> the allocation account itself.</summary>
    Individual,

    /// <summary>No <c>DefaultAccount=</c> token.</summary>
    None,
}

/// <summary>The SLURM backend's own <c>backend_settings</c> keys, read and validated at start.</summary>
/// <remarks>Keys shared by all backends (prefixes, homedirs) are in <see cref="CommonBackendSettings"/>.</remarks>
public sealed partial record SlurmOptions : IBackendSettings<SlurmOptions>
{
    /// <summary>Policy for users' default account.</summary>
    public DefaultAccountPolicy DefaultAccountPolicy { get; init; } = DefaultAccountPolicy.Common;

    /// <summary>Users' default account under the <c>common</c> policy, and the parent of customer accounts when <see cref="RootAccount"/> is not set (<c>default_account</c>, <c>root</c> by default).</summary>
    public string DefaultAccount { get; init; } = "root";

    /// <summary>Parent of customer accounts; null means <c>default_account</c>, then <c>root</c>.</summary>
    public string? RootAccount { get; init; }

    /// <summary>Flat mode: parent of project accounts, no customer tier.</summary>
    public string? ParentAccount { get; init; }

    /// <summary>Scope of every command; null runs unscoped.</summary>
    public string? ClusterName { get; init; }

    /// <summary>Directory of sacctmgr/sacct/scancel/sinfo; empty resolves through PATH.</summary>
    public string SlurmBinPath { get; init; } = "/usr/bin";

    /// <summary>QoS written by restore.</summary>
    public string QosDefault { get; init; } = "normal";

    /// <summary>QoS written by downscale; null refuses downscaling.</summary>
    public string? QosDownscaled { get; init; }

    /// <summary>QoS written by pause; null refuses pausing.</summary>
    public string? QosPaused { get; init; }

    /// <summary>Master opt-in for per-association QoS grants.</summary>
    public bool QosEnforcementEnabled { get; init; }

    /// <summary>Forces (true) or disables (false) QoS grants; null follows the offering.</summary>
    public bool? EnforceOfferingQos { get; init; }

    /// <summary>Partition for user associations when offering partitions are not enforced.</summary>
    public string? DefaultPartition { get; init; }

    /// <summary>Thread the offering's partitions into user associations.</summary>
    public bool EnforceOfferingPartitions { get; init; }

    /// <summary>Per-allocation QoS creation.</summary>
    public QosManagementOptions QosManagement { get; init; } = QosManagementOptions.Disabled;

    /// <summary>Shared project directories with Lustre quotas.</summary>
    public ProjectDirectoryOptions ProjectDirectory { get; init; } = ProjectDirectoryOptions.Disabled;

    /// <summary>Periodic-settings commands from Waldur.</summary>
    public PeriodicLimitsOptions PeriodicLimits { get; init; } = PeriodicLimitsOptions.Disabled;

    /// <summary>How long one sacctmgr/sacct command may run before it is killed.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Lock file that serialises sacctmgr writes across agent processes on this host; null uses
    /// <c>WALDUR_SITE_AGENT_SACCTMGR_LOCK</c>, then <c>/run/waldur-site-agent/sacctmgr.lock</c>, then
    /// <c>/var/lib/waldur-site-agent/sacctmgr.lock</c>.
    /// </summary>
    public string? SacctmgrLockFile { get; init; }

    /// <summary>How long a sacctmgr write waits for another process holding the lock.</summary>
    public TimeSpan SacctmgrLockTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The defaults, as for an offering without SLURM keys.</summary>
    public static SlurmOptions Default { get; } = new();

    /// <summary>The effective root account: <c>root_account</c>, else <c>default_account</c>, else <c>root</c>.</summary>
    public string EffectiveRootAccount =>
        !string.IsNullOrEmpty(RootAccount) ? RootAccount : !string.IsNullOrEmpty(DefaultAccount) ? DefaultAccount : "root";
}
