using SiteAgent.Backends.Settings;

namespace SiteAgent.Backends.Slurm.Options;

/// <summary>Reading and validation of <see cref="SlurmOptions"/>.</summary>
public sealed partial record SlurmOptions
{
    private static readonly string[] Policies = ["common", "individual", "none"];

    /// <inheritdoc />
    public static SlurmOptions Read(SettingsReader reader)
    {
        var options = new SlurmOptions
        {
            DefaultAccountPolicy = reader.Choice("default_account_policy", Policies) switch
            {
                "individual" => DefaultAccountPolicy.Individual,
                "none" => DefaultAccountPolicy.None,
                _ => DefaultAccountPolicy.Common,
            },
            DefaultAccount = reader.String("default_account", "root"),
            RootAccount = SlurmName(reader, "root_account"),
            ParentAccount = SlurmName(reader, "parent_account"),
            ClusterName = SlurmName(reader, "cluster_name"),
            SlurmBinPath = ReadBinPath(reader),
            QosDefault = SlurmName(reader, "qos_default") ?? "normal",
            QosDownscaled = SlurmName(reader, "qos_downscaled"),
            QosPaused = SlurmName(reader, "qos_paused"),
            QosEnforcementEnabled = reader.Boolean("qos_enforcement_enabled", false),
            EnforceOfferingQos = reader.Boolean("enforce_offering_qos"),
            DefaultPartition = SlurmName(reader, "default_partition"),
            EnforceOfferingPartitions = reader.Boolean("enforce_offering_partitions", false),
            QosManagement = reader.Section("qos_management") is { } qos ? QosManagementOptions.Read(qos) : QosManagementOptions.Disabled,
            ProjectDirectory = reader.Section("project_directory") is { } dir ? ProjectDirectoryOptions.Read(dir) : ProjectDirectoryOptions.Disabled,
            PeriodicLimits = reader.Section("periodic_limits") is { } periodic ? PeriodicLimitsOptions.Read(periodic) : PeriodicLimitsOptions.Disabled,
            CommandTimeout = TimeSpan.FromSeconds((double)(reader.Number("command_timeout_seconds", 1m, 3600m) ?? 120m)),
            SacctmgrLockFile = ReadLockFile(reader),
            SacctmgrLockTimeout = TimeSpan.FromSeconds((double)(reader.Number("sacctmgr_lock_timeout_seconds", 1m, 3600m) ?? 120m)),
        };

        RejectUnsupported(reader);
        CrossCheck(reader, options);
        return options;
    }

    private static void RejectUnsupported(SettingsReader reader)
    {
        var mode = reader.Choice("execution_mode", ["cli", "rest"]);
        if (mode == "rest")
        {
            reader.Problems.Error(reader.Node("execution_mode")!,
                "execution_mode \"rest\" (slurmrestd) is not supported by this agent yet; use \"cli\" (sacctmgr on this host)");
        }

        reader.Accept("rest_api");
        if (reader.Node("ldap") is { } ldap and not ConfigScalar { Value: null })
        {
            reader.Problems.Error(ldap, "the LDAP project-group plugin is not part of this agent; remove the ldap block");
        }

        if (!reader.Has("default_account"))
        {
            reader.Problems.Warning(reader.ChildPath("default_account"),
                "not set: the SLURM backend uses \"root\" as the users' default account and as the root of the account tree", reader.Mapping.Location);
        }
    }

    private static void CrossCheck(SettingsReader reader, SlurmOptions options)
    {
        if (options.QosEnforcementEnabled && options.EnforceOfferingQos == true && (options.QosPaused is not null || options.QosDownscaled is not null))
        {
            reader.Problems.Error(reader.Node("enforce_offering_qos")!,
                "qos_enforcement_enabled with enforce_offering_qos: true cannot be combined with qos_paused or qos_downscaled: " +
                "the pause/downscale QoS swap would overwrite the per-association QoS grants");
        }
    }

    private static string ReadBinPath(SettingsReader reader)
    {
        var path = reader.String("slurm_bin_path", "/usr/bin");
        if (path.Length > 0 && !Path.IsPathRooted(path))
        {
            reader.Problems.Error(reader.Node("slurm_bin_path")!, $"must be an absolute directory (or \"\" to search PATH), got {SettingsReader.Quote(path)}");
        }

        return path;
    }

    private static string? ReadLockFile(SettingsReader reader)
    {
        var path = reader.String("sacctmgr_lock_file");
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        if (!Path.IsPathRooted(path) || path.EndsWith('/'))
        {
            reader.Problems.Error(reader.Node("sacctmgr_lock_file")!, $"must be an absolute file path, got {SettingsReader.Quote(path)}");
        }

        return path;
    }

    /// <summary>Reads a SLURM object name from the config; it must be safe as one sacctmgr argument value.</summary>
    internal static string? SlurmName(SettingsReader reader, string key)
    {
        var value = reader.String(key);
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (!SlurmConfigName().IsMatch(value))
        {
            reader.Problems.Error(reader.Node(key)!,
                $"{SettingsReader.Quote(value)} is not a valid SLURM name: use letters, digits, '_', '.', '-' and do not start with '-'");
        }

        return value;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,254}\\z")]
    private static partial System.Text.RegularExpressions.Regex SlurmConfigName();
}
