using Microsoft.Extensions.Logging;
using SiteAgent.Core.Observability;
using SiteAgent.Core.Offerings;
using SiteAgent.Waldur;
using SiteAgent.Waldur.Models;

namespace SiteAgent.Core.Membership;

/// <summary>
/// Processes an offering's users once: checks the username policy, drives the
/// actionable offering users through username generation with the offering's username backend, lists
/// them again when a username was written, and hands them to the backend's profile hook. The entry point
/// for the membership cycle and for the <c>sync-offering-users</c> command.
/// </summary>
/// <remarks>
/// Each transition (<c>begin_creating</c>, <c>set_pending_*</c>, <c>set_validation_complete</c>,
/// <c>set_error_creating</c>, the username) is sent once and decided from the state Waldur listed, and
/// Waldur's writes are not retried by the client: a transition whose answer was lost is seen done in
/// the next listing instead of being sent twice. Rerunning is therefore safe at any point.
/// </remarks>
public sealed partial class OfferingUsersProcessor
{
    /// <summary>Offering-user states the agent acts on or reads.</summary>
    public static readonly string[] ActionableStates =
    [
        OfferingUserState.Ok, OfferingUserState.Requested, OfferingUserState.Creating, OfferingUserState.ErrorCreating,
        OfferingUserState.PendingAccountLinking, OfferingUserState.PendingAdditionalValidation,
    ];

    private const string ServiceProviderPolicy = "service_provider";

    private readonly OfferingSession _session;
    private readonly OfferingSessionFactory _sessions;
    private readonly ILogger _logger;

    /// <summary>Creates the processor for one offering's session.</summary>
    public OfferingUsersProcessor(OfferingSession session, OfferingSessionFactory sessions)
    {
        _session = session;
        _sessions = sessions;
        _logger = session.Logger;
    }

    /// <summary>
    /// Processes the offering users once and returns the actionable ones as Waldur lists them afterwards;
    /// empty when the username policy is incomplete or Waldur could not be read (logged).
    /// </summary>
    public async Task<IReadOnlyList<OfferingUser>> ProcessAsync(CancellationToken cancellationToken)
    {
        try
        {
            var options = _session.PluginOptions;
            if (options.UsernameGenerationPolicy == ServiceProviderPolicy && options.ServiceProviderCanCreateOfferingUser != true)
            {
                LogConfigurationIncomplete(_logger, _session.Name);
                return [];
            }

            var users = await ActionableAsync(cancellationToken).ConfigureAwait(false);
            var assigner = _sessions.UsernamesFor(_session, _session.Waldur.WithRetry(write: WaldurRetrySettings.None));
            if (await assigner.AssignAsync(users, cancellationToken).ConfigureAwait(false))
            {
                _session.Users.Invalidate();
                users = await ActionableAsync(cancellationToken).ConfigureAwait(false);
            }

            await assigner.SyncProfilesAsync(users, cancellationToken).ConfigureAwait(false);
            return users;
        }
        catch (Exception ex) when (ex is WaldurException or SiteAgent.Backends.BackendException)
        {
            LogUnavailable(_logger, _session.Name, ex.Message);
            return [];
        }
    }

    private async Task<IReadOnlyList<OfferingUser>> ActionableAsync(CancellationToken cancellationToken) =>
        (await _session.Users.AllAsync(cancellationToken).ConfigureAwait(false)).Where(u => ActionableStates.Contains(u.State)).ToList();

    [LoggerMessage(EventId = LogEvents.UsernameConfigurationIncomplete, Level = LogLevel.Error,
        Message = "Offering \"{Offering}\" uses the service_provider username policy but its plugin options do not enable service_provider_can_create_offering_user; " +
                  "no offering users are processed and members are synced without their e-mails and states until the option is enabled in Waldur")]
    private static partial void LogConfigurationIncomplete(ILogger logger, string offering);

    [LoggerMessage(EventId = LogEvents.OfferingUsersUnavailable, Level = LogLevel.Warning,
        Message = "Offering \"{Offering}\": unable to refresh the offering users ({Reason}); the membership sync continues without them")]
    private static partial void LogUnavailable(ILogger logger, string offering, string reason);
}
