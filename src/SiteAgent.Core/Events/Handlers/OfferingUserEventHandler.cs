using Microsoft.Extensions.Logging;
using SiteAgent.Core.Config;
using SiteAgent.Core.Membership;
using SiteAgent.Core.Observability;
using SiteAgent.Waldur.Models;

namespace SiteAgent.Core.Events.Handlers;

/// <summary>
/// <c>offering_user</c>: a username set (or a user becoming OK) re-syncs the resources the user is
/// on, so the new username gets its associations at once; other actions only log, since the next
/// membership event or reconciliation covers them.
/// </summary>
public sealed partial class OfferingUserEventHandler(EventServices services)
    : EventHandler<OfferingUserEvent>(services, ObservableObjectType.OfferingUser, EventJsonContext.Default.OfferingUserEvent)
{
    /// <inheritdoc />
    protected override Task HandleAsync(OfferingConfig offering, OfferingUserEvent message, CancellationToken cancellationToken)
    {
        var action = message.Action ?? string.Empty;
        switch (action)
        {
            case "username_set" when message.ResourceBackendIds is { Count: > 0 } ids && offering.MembershipSyncBackend.Length > 0:
                return MembershipEvent.SyncAsync(Services, offering, ServiceName,
                    new MembershipScope(BackendIds: ids.ToHashSet(StringComparer.Ordinal)), cancellationToken);
            case "create" or "update" when message.State == OfferingUserState.Ok && !string.IsNullOrEmpty(message.Username)
                                          && offering.MembershipSyncBackend.Length > 0:
                // The user can now be added wherever their team membership says.
                return MembershipEvent.SyncAsync(Services, offering, ServiceName, MembershipScope.Offering, cancellationToken);
            case "create" or "update" or "delete" or "attribute_update" or "username_set":
                LogNoted(Services.Logger, offering.Name, action, message.Username ?? string.Empty, message.State ?? string.Empty);
                return Task.CompletedTask;
            default:
                throw new EventRejectedException($"unknown offering_user action \"{action}\"");
        }
    }

    [LoggerMessage(EventId = LogEvents.EventOfferingUserNoted, Level = LogLevel.Information,
        Message = "Offering \"{Offering}\": offering user {Action} ({Username}, {State}); nothing to change on the backend")]
    private static partial void LogNoted(ILogger logger, string offering, string action, string username, string state);
}
