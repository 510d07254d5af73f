using SiteAgent.Backends.Settings;

namespace SiteAgent.Backends.Slurm.Options;

/// <summary>Per-allocation QoS creation (<c>qos_management</c>).</summary>
public sealed record QosManagementOptions(
    bool Enabled,
    string Flags,
    string? GrpTres,
    long? MaxJobs,
    long? MaxSubmit,
    string? MaxWall,
    string? MinTresPerJob,
    IReadOnlyList<string> AdditionalQos)
{
    /// <summary>Off.</summary>
    public static QosManagementOptions Disabled { get; } = new(false, "DenyOnLimit,NoDecay", null, null, null, null, null, []);

    /// <summary>Reads the block.</summary>
    public static QosManagementOptions Read(SettingsReader reader)
    {
        var options = new QosManagementOptions(
            reader.Boolean("enabled", false),
            reader.String("flags", "DenyOnLimit,NoDecay"),
            reader.String("grp_tres"),
            reader.Integer("max_jobs", 0),
            reader.Integer("max_submit", 0),
            reader.String("max_wall"),
            reader.String("min_tres_per_job"),
            reader.StringList("additional_qos") ?? []);
        reader.ReportUnknownKeys();
        return options;
    }
}

/// <summary>Shared project directories (<c>project_directory</c>).</summary>
public sealed record ProjectDirectoryOptions(
    bool Enabled,
    string BasePath,
    string Owner,
    string Permissions,
    bool SetGid,
    bool SetAcl,
    string GroupOwnerSource,
    string? GroupName,
    LustreQuotaOptions? LustreQuota)
{
    /// <summary>Off.</summary>
    public static ProjectDirectoryOptions Disabled { get; } = new(false, "/valhalla/projects", "nobody", "770", true, true, "project_id", null, null);

    /// <summary>Reads the block.</summary>
    public static ProjectDirectoryOptions Read(SettingsReader reader)
    {
        var options = new ProjectDirectoryOptions(
            reader.Boolean("enabled", false),
            reader.String("base_path", "/valhalla/projects"),
            reader.String("owner", "nobody"),
            reader.String("permissions", "770"),
            reader.Boolean("set_gid", true),
            reader.Boolean("set_acl", true),
            reader.String("group_owner_source", "project_id"),
            reader.String("group_name"),
            reader.Section("lustre_quota") is { } quota ? LustreQuotaOptions.Read(quota) : null);
        reader.ReportUnknownKeys();
        return options;
    }
}

/// <summary>Lustre project quota for project directories.</summary>
public sealed record LustreQuotaOptions(string MountPoint, long? BlockSoftLimit, long? BlockHardLimit, long? InodeSoftLimit, long? InodeHardLimit)
{
    /// <summary>Reads the block.</summary>
    public static LustreQuotaOptions Read(SettingsReader reader)
    {
        var options = new LustreQuotaOptions(
            reader.String("mount_point", "/valhalla"),
            reader.Integer("block_softlimit", 0),
            reader.Integer("block_hardlimit", 0),
            reader.Integer("inode_softlimit", 0),
            reader.Integer("inode_hardlimit", 0));
        reader.ReportUnknownKeys();
        return options;
    }
}
