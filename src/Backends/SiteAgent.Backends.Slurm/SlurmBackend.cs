using Microsoft.Extensions.Logging;
using SiteAgent.Backends.Capabilities;
using SiteAgent.Backends.Slurm.Options;

namespace SiteAgent.Backends.Slurm;

/// <summary>
/// The SLURM backend: Waldur resources become SLURM accounts (customer → project → allocation) with
/// GrpTRESMins limits, the project team becomes user associations, and sacct job records become usage.
/// </summary>
/// <remarks>
/// This class holds the Waldur-facing meaning; <see cref="SlurmClient"/> runs the
/// commands and <see cref="SlurmParser"/> reads their output. Every Waldur value is validated by
/// <see cref="SlurmNames"/> before the first command of an operation. Split by concern into
/// <c>SlurmBackend.*.cs</c>.
/// </remarks>
[Backend("slurm",
    Settings = typeof(SlurmOptions),
    DisplayName = "SLURM",
    Description = "SLURM accounting through sacctmgr/sacct: accounts per customer, project and allocation, user associations, GrpTRESMins limits and usage.")]
public sealed partial class SlurmBackend :
    IOrderProcessingBackend,
    IMembershipBackend,
    IUsageReportingBackend,
    IDiagnosticsBackend,
    ILimitReadingBackend,
    IHomeDirectoryBackend,
    IResourceStatusBackend,
    IUserLimitsBackend,
    IPeriodicSettingsBackend,
    IResourceListingBackend
{
    private readonly SlurmOptions _options;
    private readonly BackendContext _context;
    private readonly ILogger _logger;
    private readonly ComponentMapper _mapper;
    private readonly SlurmLimits _limits;
    private readonly HashSet<string> _knownParents = new(StringComparer.Ordinal);
    private HashSet<string>? _tres;
    private IReadOnlyList<string> _tresInOrder = [];

    /// <summary>Creates the backend for one offering.</summary>
    /// <param name="settings">The offering's validated SLURM settings.</param>
    /// <param name="context">Components, shared settings, command runner, logging, clock.</param>
    public SlurmBackend(SlurmOptions settings, BackendContext context)
    {
        _options = settings;
        _context = context;
        _logger = context.LoggerFactory.CreateLogger<SlurmBackend>();
        _mapper = new ComponentMapper(context.Components);
        _limits = new SlurmLimits(context.Components, _mapper);
        RootAccount = SlurmNames.Account(settings.EffectiveRootAccount, "root_account");
        var writeLock = context.DryRun ? null : new SacctmgrWriteLock(settings.SacctmgrLockFile, settings.SacctmgrLockTimeout, _logger);
        var zone = context.TimeZone.Id == TimeZoneInfo.Local.Id ? null : context.TimeZone.Id;
        Client = new SlurmClient(new SlurmClientSettings(settings.SlurmBinPath, settings.ClusterName, settings.CommandTimeout, zone), context.Commands, writeLock, _logger);
        WarnAboutUnappliedSettings();
    }

    /// <summary>The client this backend runs commands through.</summary>
    public SlurmClient Client { get; }

    /// <inheritdoc />
    public string? ClusterName => _options.ClusterName;

    /// <inheritdoc />
    public bool HasPrepaidComponents => _limits.HasPrepaid;

    /// <summary>How long deletion waits for cancelled jobs to end before removing associations.</summary>
    public TimeSpan JobDrainTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Parent of customer accounts (flat mode: unused).</summary>
    private string RootAccount { get; }

    private string ClusterLabel => Client.ClusterLabel;

    /// <inheritdoc />
    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Client.ListAccountsAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (BackendException)
        {
            return false;
        }
    }

    private void WarnAboutUnappliedSettings()
    {
        if (_context.Common.HomedirQuota is not null)
        {
            SlurmLog.FeatureNotApplied(_logger, "homedir_quota");
        }

        if (_options.ProjectDirectory.Enabled)
        {
            SlurmLog.FeatureNotApplied(_logger, "project_directory");
        }
    }
}
