using System.Text.Json;
using Microsoft.Extensions.Logging;
using SiteAgent.Backends.Capabilities;
using SiteAgent.Core.Config;
using SiteAgent.Core.Membership;
using SiteAgent.Core.Observability;
using SiteAgent.Waldur.Models;

namespace SiteAgent.Core.Events.Handlers;

/// <summary>
/// <c>offering_user</c>: a username set (or a user becoming OK) re-syncs the resources the user is
/// on, so the new username gets its associations at once; attributes sent with <c>create</c> and
/// <c>attribute_update</c> go to a membership backend that keeps user attributes; other actions only
/// log, since the next membership event or reconciliation covers them.
/// </summary>
public sealed partial class OfferingUserEventHandler(EventServices services)
    : EventHandler<OfferingUserEvent>(services, ObservableObjectType.OfferingUser, EventJsonContext.Default.OfferingUserEvent)
{
    /// <inheritdoc />
    protected override async Task HandleAsync(OfferingConfig offering, OfferingUserEvent message, CancellationToken cancellationToken)
    {
        var action = message.Action ?? string.Empty;
        if (action is "create" or "attribute_update" && message.Attributes is { Count: > 0 } attributes && offering.MembershipSyncBackend.Length > 0)
        {
            await UpdateAttributesAsync(offering, message.Username, attributes, cancellationToken).ConfigureAwait(false);
        }

        switch (action)
        {
            case "username_set" when message.ResourceBackendIds is { Count: > 0 } ids && offering.MembershipSyncBackend.Length > 0:
                await MembershipEvent.SyncAsync(Services, offering, ServiceName,
                    new MembershipScope(BackendIds: ids.ToHashSet(StringComparer.Ordinal)), cancellationToken).ConfigureAwait(false);
                return;
            case "create" or "update" when message.State == OfferingUserState.Ok && !string.IsNullOrEmpty(message.Username)
                                          && offering.MembershipSyncBackend.Length > 0:
                // The user can now be added wherever their team membership says.
                await MembershipEvent.SyncAsync(Services, offering, ServiceName, MembershipScope.Offering, cancellationToken).ConfigureAwait(false);
                return;
            case "create" or "update" or "delete" or "attribute_update" or "username_set":
                LogNoted(Services.Logger, offering.Name, action, message.Username ?? string.Empty, message.State ?? string.Empty);
                return;
            default:
                throw new EventRejectedException($"unknown offering_user action \"{action}\"");
        }
    }

    /// <summary>
    /// Hands the attributes to the membership backend when it keeps them; a failure is logged and the
    /// message still counts as handled (the next attribute update carries the full set again).
    /// </summary>
    private async Task UpdateAttributesAsync(OfferingConfig offering, string? username, Dictionary<string, JsonElement> attributes, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(username))
        {
            throw new EventRejectedException("the offering user message carries attributes but no username");
        }

        try
        {
            var session = await Services.SessionAsync(offering, offering.MembershipSyncBackend, ServiceName, processor: null, cancellationToken).ConfigureAwait(false);
            if (session.Backend is not IUserAttributesBackend backend)
            {
                return;
            }

            await backend.UpdateUserAttributesAsync(username, attributes, cancellationToken).ConfigureAwait(false);
            LogAttributesUpdated(Services.Logger, offering.Name, username, string.Join(", ", attributes.Keys.Order(StringComparer.Ordinal)));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            LogAttributesFailed(Services.Logger, offering.Name, username, ex.Message, ex);
        }
    }

    [LoggerMessage(EventId = LogEvents.EventOfferingUserNoted, Level = LogLevel.Information,
        Message = "Offering \"{Offering}\": offering user {Action} ({Username}, {State}); nothing to change on the backend")]
    private static partial void LogNoted(ILogger logger, string offering, string action, string username, string state);

    [LoggerMessage(EventId = LogEvents.UserAttributesUpdated, Level = LogLevel.Information,
        Message = "Offering \"{Offering}\": attributes of user {Username} written to the backend ({Attributes})")]
    private static partial void LogAttributesUpdated(ILogger logger, string offering, string username, string attributes);

    [LoggerMessage(EventId = LogEvents.UserAttributesFailed, Level = LogLevel.Error,
        Message = "Offering \"{Offering}\": writing the attributes of user {Username} to the backend failed ({Reason}); the next attribute update tries again")]
    private static partial void LogAttributesFailed(ILogger logger, string offering, string username, string reason, Exception exception);
}
