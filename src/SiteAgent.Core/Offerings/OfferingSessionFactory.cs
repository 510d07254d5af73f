using Microsoft.Extensions.Logging;
using SiteAgent.Backends;
using SiteAgent.Backends.Capabilities;
using SiteAgent.Backends.Commands;
using SiteAgent.Backends.Model;
using SiteAgent.Core.Backends;
using SiteAgent.Core.Config;
using SiteAgent.Core.Observability;
using SiteAgent.Core.Runtime;
using SiteAgent.Core.Users;
using SiteAgent.Backends.Registry;
using SiteAgent.Backends.Settings;
using SiteAgent.Core.WaldurAccess;
using SiteAgent.Waldur;
using SiteAgent.Waldur.Queries;

namespace SiteAgent.Core.Offerings;

/// <summary>
/// Prepares one offering for one cycle: reads the offering from Waldur, merges
/// Waldur-only components, finds the service provider and constructs the role's backend.
/// </summary>
public sealed partial class OfferingSessionFactory
{
    private static readonly string[] OfferingFields = ["uuid", "name", "backend_id", "components", "customer_uuid", "partitions", "plugin_options"];

    private readonly AgentRuntime _runtime;
    private readonly OfferingUserFields _userFields;
    private readonly Dictionary<Guid, Guid?> _serviceProviders = [];
    private readonly HashSet<Guid> _usersLogged = [];

    /// <summary>Creates the factory for a running agent.</summary>
    public OfferingSessionFactory(AgentRuntime runtime)
    {
        _runtime = runtime;
        _userFields = new OfferingUserFields(runtime.Time);
    }

    /// <summary>Builds the session whose backend is the one named by <paramref name="backendId"/>.</summary>
    public async Task<OfferingSession> CreateAsync(OfferingConfig offering, string backendId, CancellationToken cancellationToken)
    {
        var logger = _runtime.Loggers.CreateLogger("SiteAgent.Offering");
        var waldur = _runtime.Clients.For(offering);
        await LogCurrentUserOnceAsync(offering, waldur, logger, cancellationToken).ConfigureAwait(false);
        var details = await waldur.GetProviderOfferingAsync(offering.OfferingUuid, OfferingFields, cancellationToken).ConfigureAwait(false);
        var components = ComponentMerge.Merge(offering.Components, details.Components, offering.Name, logger);
        var serviceProvider = await ServiceProviderAsync(offering, waldur, details.CustomerUuid, logger, cancellationToken).ConfigureAwait(false);
        var descriptor = Descriptor(backendId);
        var context = Context(offering, components) with
        {
            Offering = new OfferingFacts
            {
                PluginOptions = details.PluginOptions?.Other ?? [],
                PartitionNames = (details.Partitions ?? []).Select(p => p.PartitionName).OfType<string>().ToArray(),
            },
        };
        var backend = CreateBackend(descriptor, offering, context);
        var users = new OfferingUsersDirectory(waldur, offering.OfferingUuid, _userFields);
        return new OfferingSession(offering, waldur, details, descriptor, backend, context, users, logger) { ServiceProviderUuid = serviceProvider };
    }

    /// <summary>
    /// The backend named by <paramref name="backendId"/> built from the config alone, without asking
    /// Waldur (diagnostics: the backend is checked even when Waldur cannot be reached).
    /// </summary>
    public object CreateBackendFromConfig(OfferingConfig offering, string backendId) =>
        CreateBackend(Descriptor(backendId), offering, Context(offering, offering.Components));

    private BackendDescriptor Descriptor(string backendId) => _runtime.Catalog.Find(backendId)
        ?? throw new BackendException($"Backend \"{backendId}\" is not in this build (available: {_runtime.Catalog.IdList})");

    private BackendContext Context(OfferingConfig offering, IReadOnlyList<SiteAgent.Backends.Model.ComponentDefinition> components) => new()
    {
        OfferingName = offering.Name,
        OfferingUuid = offering.OfferingUuid,
        Components = components,
        Common = offering.CommonSettings,
        Commands = _runtime.Commands,
        LoggerFactory = _runtime.Loggers,
        Time = _runtime.Time,
        TimeZone = _runtime.Config.TimeZone,
        DryRun = _runtime.DryRun,
    };

    /// <summary>The username assigner of a session, using the offering's username backend (none when disabled).</summary>
    /// <param name="session">The offering's session.</param>
    /// <param name="waldur">The client its state transitions go through; the session's by default.</param>
    public UsernameAssigner UsernamesFor(OfferingSession session, WaldurClient? waldur = null)
    {
        IUsernameManagementBackend? backend = null;
        var id = session.Offering.UsernameManagementBackend;
        if (id.Length > 0 && _runtime.Catalog.Find(id) is { } descriptor)
        {
            backend = CreateBackend(descriptor, session.Offering, session.BackendContext) as IUsernameManagementBackend;
        }

        return new UsernameAssigner(waldur ?? session.Waldur, session.PluginOptions, backend, session.Name, session.Logger);
    }

    /// <summary>The backend with the offering's <c>backend_settings</c> for it, or its defaults when the offering has none.</summary>
    private static object CreateBackend(BackendDescriptor descriptor, OfferingConfig offering, BackendContext context) =>
        descriptor.Create(offering.BackendSettings.GetValueOrDefault(descriptor.Id) ?? descriptor.ReadSettings(EmptySettings()), context);

    private static SettingsReader EmptySettings() => new(new ConfigMapping(string.Empty, default, []), new ConfigProblems());

    private async Task<Guid?> ServiceProviderAsync(OfferingConfig offering, WaldurClient waldur, Guid? customer, ILogger logger, CancellationToken cancellationToken)
    {
        if (_serviceProviders.TryGetValue(offering.OfferingUuid, out var known))
        {
            return known;
        }

        Guid? found = null;
        if (customer is { } customerUuid)
        {
            var page = await waldur.ListServiceProviders(new ServiceProviderListQuery { CustomerUuid = customerUuid, Fields = ["uuid"] })
                .FirstPageAsync(cancellationToken).ConfigureAwait(false);
            found = page.Items.Count > 0 ? page.Items[0].Uuid : null;
        }

        if (found is null)
        {
            LogNoServiceProvider(logger, offering.Name);
        }

        _serviceProviders[offering.OfferingUuid] = found;
        return found;
    }

    private async Task LogCurrentUserOnceAsync(OfferingConfig offering, WaldurClient waldur, ILogger logger, CancellationToken cancellationToken)
    {
        if (!_usersLogged.Add(offering.OfferingUuid))
        {
            return;
        }

        var me = await waldur.GetCurrentUserAsync(["username", "full_name", "is_staff"], cancellationToken).ConfigureAwait(false);
        LogCurrentUser(logger, offering.Name, me.Username ?? "(unknown)", me.FullName ?? string.Empty, me.IsStaff == true);
    }

    [LoggerMessage(EventId = LogEvents.CurrentUser, Level = LogLevel.Information,
        Message = "Offering \"{Offering}\": acting in Waldur as {Username} ({FullName}), staff: {IsStaff}")]
    private static partial void LogCurrentUser(ILogger logger, string offering, string username, string fullName, bool isStaff);

    [LoggerMessage(EventId = LogEvents.ServiceProviderMissing, Level = LogLevel.Warning,
        Message = "Offering \"{Offering}\": no service provider found for the offering's customer; SSH keys are not passed to the backend")]
    private static partial void LogNoServiceProvider(ILogger logger, string offering);
}
