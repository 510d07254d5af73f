using Microsoft.Extensions.Logging;
using SiteAgent.Core.Config;
using SiteAgent.Core.Observability;
using SiteAgent.Waldur.Models;

namespace SiteAgent.Core.Events.Handlers;

// No backend in this build manages resource API keys; the key is marked erred with the reason so the
// requester is not left waiting.

/// <summary><c>resource_api_key_rotation</c>: validated, then the key is marked erred with the reason.</summary>
public sealed partial class ApiKeyRotationEventHandler(EventServices services)
    : EventHandler<ApiKeyRotationEvent>(services, ObservableObjectType.ResourceApiKeyRotation, EventJsonContext.Default.ApiKeyRotationEvent)
{
    /// <inheritdoc />
    protected override async Task HandleAsync(OfferingConfig offering, ApiKeyRotationEvent message, CancellationToken cancellationToken)
    {
        EventUuid.Required(message.ResourceUuid, "resource_uuid");
        if (string.IsNullOrEmpty(message.ResourceBackendId))
        {
            throw new EventRejectedException("the message has no resource_backend_id");
        }

        if (message.Action != "rotate")
        {
            throw new EventRejectedException($"unknown key rotation action \"{message.Action}\" (expected rotate)");
        }

        var key = EventUuid.Required(message.ApiKeyUuid, "api_key_uuid");
        var reason = $"Backend \"{offering.OrderProcessingBackend}\" of offering \"{offering.Name}\" does not manage resource API keys";
        await Services.Runtime.Clients.For(offering).SetResourceApiKeyErredAsync(key, reason, cancellationToken).ConfigureAwait(false);
        LogRefused(Services.Logger, offering.Name, key, reason);
    }

    [LoggerMessage(EventId = LogEvents.EventApiKeyRefused, Level = LogLevel.Warning, Message = "Offering \"{Offering}\": API key {Key} marked erred: {Reason}")]
    private static partial void LogRefused(ILogger logger, string offering, Guid key, string reason);
}
