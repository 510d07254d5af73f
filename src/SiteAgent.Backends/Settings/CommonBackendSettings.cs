namespace SiteAgent.Backends.Settings;

/// <summary>
/// The <c>backend_settings</c> keys that are valid for every backend: id
/// prefixes, uniqueness checks, soft deletion and home directories. Backend-specific keys are read
/// by the backend's own settings type from the same mapping; this type holds no backend's defaults.
/// </summary>
public sealed record CommonBackendSettings : IBackendSettings<CommonBackendSettings>
{
    /// <summary>Prefix of generated resource backend ids.</summary>
    public string AllocationPrefix { get; init; } = string.Empty;

    /// <summary>Prefix of project-level backend objects.</summary>
    public string ProjectPrefix { get; init; } = string.Empty;

    /// <summary>Prefix of customer-level backend objects.</summary>
    public string CustomerPrefix { get; init; } = string.Empty;

    /// <summary>True when <c>allocation_prefix</c> was written in the file (some backends require it).</summary>
    public bool AllocationPrefixSet { get; init; }

    /// <summary>Ask Waldur whether a generated backend id was used before.</summary>
    public bool CheckBackendIdUniqueness { get; init; }

    /// <summary>Check uniqueness across all offerings of the provider.</summary>
    public bool CheckAllOfferings { get; init; }

    /// <summary>Attempts to find a free backend id.</summary>
    public int BackendIdMaxRetries { get; init; } = 50;

    /// <summary>Zero limits on termination instead of deleting.</summary>
    public bool SoftDelete { get; init; }

    /// <summary>Umask for new home directories, as an octal string.</summary>
    public string DefaultHomedirUmask { get; init; } = "0077";

    /// <summary>Per-offering opt-out of home directory creation.</summary>
    public bool EnableUserHomedirAccountCreation { get; init; } = true;

    /// <summary>Base directory of home directories; null means "from the password database".</summary>
    public string? HomedirBasePath { get; init; }

    /// <summary>Quota applied to new home directories, if any.</summary>
    public HomedirQuota? HomedirQuota { get; init; }

    /// <summary>The defaults, as for an empty <c>backend_settings</c>.</summary>
    public static CommonBackendSettings Default { get; } = new();

    /// <inheritdoc />
    public static CommonBackendSettings Read(SettingsReader reader)
    {
        var umask = reader.String("default_homedir_umask");
        if (umask is not null && !IsOctalMode(umask))
        {
            reader.Problems.Error(reader.Mapping.Find("default_homedir_umask")!.Value,
                $"default_homedir_umask must be valid octal permissions (e.g., '0077'), got {SettingsReader.Quote(umask)}");
            umask = null;
        }

        // Backends that support periodic limits read this section themselves. default_account is
        // accepted for every backend, as the reference did; the backends that use it read it.
        reader.Accept("periodic_limits");
        reader.Accept("default_account");
        return new CommonBackendSettings
        {
            AllocationPrefix = reader.String("allocation_prefix", string.Empty),
            AllocationPrefixSet = reader.Has("allocation_prefix"),
            ProjectPrefix = reader.String("project_prefix", string.Empty),
            CustomerPrefix = reader.String("customer_prefix", string.Empty),
            CheckBackendIdUniqueness = reader.Boolean("check_backend_id_uniqueness", false),
            CheckAllOfferings = reader.Boolean("check_all_offerings", false),
            BackendIdMaxRetries = (int)(reader.Integer("backend_id_max_retries", 1, 1000) ?? 50),
            SoftDelete = reader.Boolean("soft_delete", false),
            DefaultHomedirUmask = umask ?? "0077",
            EnableUserHomedirAccountCreation = reader.Boolean("enable_user_homedir_account_creation", true),
            HomedirBasePath = reader.String("homedir_base_path"),
            HomedirQuota = reader.Section("homedir_quota") is { } quota ? HomedirQuota.Read(quota) : null,
        };
    }

    private static bool IsOctalMode(string text)
    {
        var digits = text.StartsWith("0o", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        return digits.Length is > 0 and <= 4
            && digits.All(c => c is >= '0' and <= '7')
            && Convert.ToInt32(digits, 8) <= 0x1FF;
    }
}

/// <summary>A filesystem quota for new home directories (<c>homedir_quota</c>).</summary>
public sealed record HomedirQuota(
    string Provider,
    string? MaxBytes,
    long? MaxFiles,
    string? MountPoint,
    string? BlockSoftLimit,
    string? BlockHardLimit,
    long? InodeSoftLimit,
    long? InodeHardLimit) : IBackendSettings<HomedirQuota>
{
    /// <summary>Quota providers the agent knows.</summary>
    public static readonly string[] Providers = ["ceph_xattr", "xfs", "lustre"];

    /// <inheritdoc />
    public static HomedirQuota Read(SettingsReader reader)
    {
        var provider = reader.Choice("provider", Providers);
        if (provider is null && !reader.Has("provider"))
        {
            reader.Problems.Error(reader.ChildPath("provider"), "field required", reader.Mapping.Location);
        }

        var quota = new HomedirQuota(
            provider ?? string.Empty,
            reader.String("max_bytes"),
            reader.Integer("max_files", 0),
            reader.String("mount_point"),
            reader.String("block_softlimit"),
            reader.String("block_hardlimit"),
            reader.Integer("inode_softlimit", 0),
            reader.Integer("inode_hardlimit", 0));
        reader.ReportUnknownKeys();
        return quota;
    }
}
