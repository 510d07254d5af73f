using Microsoft.Extensions.Logging;
using SiteAgent.Backends.Capabilities;
using SiteAgent.Core.Config;
using SiteAgent.Core.Observability;
using SiteAgent.Waldur.Models;

namespace SiteAgent.Core.Events.Handlers;

/// <summary>
/// <c>resource_api_key_rotation</c>: the order backend rotates the key and Waldur receives the new
/// secret (<see cref="ApiKeyRotation"/>). The type is only subscribed for backends that can rotate
/// keys; should a message still reach one that cannot, the key is marked erred with the reason so
/// the requester is not left waiting.
/// </summary>
public sealed partial class ApiKeyRotationEventHandler(EventServices services)
    : EventHandler<ApiKeyRotationEvent>(services, ObservableObjectType.ResourceApiKeyRotation, EventJsonContext.Default.ApiKeyRotationEvent)
{
    /// <inheritdoc />
    protected override async Task HandleAsync(OfferingConfig offering, ApiKeyRotationEvent message, CancellationToken cancellationToken)
    {
        var resource = EventUuid.Required(message.ResourceUuid, "resource_uuid");
        if (string.IsNullOrEmpty(message.ResourceBackendId))
        {
            throw new EventRejectedException("the message has no resource_backend_id");
        }

        if (message.Action != "rotate")
        {
            throw new EventRejectedException($"unknown key rotation action \"{message.Action}\" (expected rotate)");
        }

        var key = EventUuid.Required(message.ApiKeyUuid, "api_key_uuid");
        if (string.IsNullOrEmpty(message.ClientId))
        {
            throw new EventRejectedException("the message has no client_id");
        }

        var session = await Services.SessionAsync(offering, offering.OrderProcessingBackend, ServiceName, processor: null, cancellationToken).ConfigureAwait(false);
        if (session.Backend is not IResourceApiKeyBackend keys)
        {
            var reason = $"Backend \"{offering.OrderProcessingBackend}\" of offering \"{offering.Name}\" does not manage resource API keys";
            await session.Waldur.SetResourceApiKeyErredAsync(key, reason, cancellationToken).ConfigureAwait(false);
            LogRefused(Services.Logger, offering.Name, key, reason);
            return;
        }

        await new ApiKeyRotation(Services, offering, session.Waldur, keys)
            .RunAsync(new ApiKeyRotation.Target(key, resource, message.ResourceBackendId, message.ClientId), cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = LogEvents.EventApiKeyRefused, Level = LogLevel.Warning, Message = "Offering \"{Offering}\": API key {Key} marked erred: {Reason}")]
    private static partial void LogRefused(ILogger logger, string offering, Guid key, string reason);
}
