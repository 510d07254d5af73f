using Microsoft.Extensions.Logging;
using SiteAgent.Core.Config;
using SiteAgent.Core.Membership;
using SiteAgent.Core.Observability;
using SiteAgent.Waldur.Models;

namespace SiteAgent.Core.Events.Handlers;

// The membership messages are hints: each re-syncs the resources it concerns with the same code as
// the membership_sync mode, which reads the team, offering users and accounts fresh from Waldur and
// SLURM. A grant adds, a revoke removes, and a repeated or stale message changes nothing.

/// <summary><c>user_role</c>: re-syncs the project's resources (or the one resource named).</summary>
public sealed class UserRoleEventHandler(EventServices services)
    : EventHandler<UserRoleEvent>(services, ObservableObjectType.UserRole, EventJsonContext.Default.UserRoleEvent)
{
    /// <inheritdoc />
    protected override Task HandleAsync(OfferingConfig offering, UserRoleEvent message, CancellationToken cancellationToken)
    {
        var project = EventUuid.Required(message.ProjectUuid, "project_uuid");
        if (message.UserUuid is { Length: > 0 } && message.Granted is null)
        {
            throw new EventRejectedException("a role change without \"granted\"");
        }

        var scope = new MembershipScope(project, EventUuid.Optional(message.ResourceUuid, "resource_uuid"));
        return MembershipEvent.SyncAsync(Services, offering, ServiceName, scope, cancellationToken);
    }
}

/// <summary><c>resource</c>: re-syncs that resource (team, accounts, paused/downscaled QoS, limits); the flags in the message are not trusted.</summary>
public sealed class ResourceEventHandler(EventServices services)
    : EventHandler<ResourceEvent>(services, ObservableObjectType.Resource, EventJsonContext.Default.ResourceEvent)
{
    /// <inheritdoc />
    protected override Task HandleAsync(OfferingConfig offering, ResourceEvent message, CancellationToken cancellationToken) =>
        MembershipEvent.SyncAsync(Services, offering, ServiceName, new MembershipScope(ResourceUuid: EventUuid.Required(message.ResourceUuid, "resource_uuid")), cancellationToken);
}

/// <summary><c>service_account</c> and <c>course_account</c> (the kind comes from the consumer, not the frame): re-syncs the project's resources.</summary>
public sealed class AccountEventHandler(EventServices services, string objectType)
    : EventHandler<AccountEvent>(services, objectType, EventJsonContext.Default.AccountEvent)
{
    /// <inheritdoc />
    protected override Task HandleAsync(OfferingConfig offering, AccountEvent message, CancellationToken cancellationToken)
    {
        if (message.Action is { Length: > 0 } action && action is not ("create" or "delete"))
        {
            throw new EventRejectedException($"unknown {ObjectType} action \"{action}\" (expected create or delete)");
        }

        return MembershipEvent.SyncAsync(Services, offering, ServiceName, new MembershipScope(EventUuid.Required(message.ProjectUuid, "project_uuid")), cancellationToken);
    }
}

/// <summary>Runs a scoped membership cycle and logs what it did.</summary>
internal static partial class MembershipEvent
{
    public static async Task SyncAsync(EventServices services, OfferingConfig offering, string service, MembershipScope scope, CancellationToken cancellationToken)
    {
        var totals = await services.SyncMembershipAsync(offering, service, scope, cancellationToken).ConfigureAwait(false);
        LogSynced(services.Logger, offering.Name, service, totals.Synced, totals.Missing, totals.Deferred, totals.Failed);
        if (totals.Deferred > 0)
        {
            // Deferred means a transient failure: let the consumer retry the message.
            throw new TransientEventException($"{totals.Deferred} resources were left for later by a transient failure");
        }
    }

    [LoggerMessage(EventId = LogEvents.EventMembershipSynced, Level = LogLevel.Information,
        Message = "Offering \"{Offering}\": {Service}: membership synced for {Synced} resources; missing on the backend {Missing}, deferred {Deferred}, erred {Failed}")]
    private static partial void LogSynced(ILogger logger, string offering, string service, int synced, int missing, int deferred, int failed);
}
