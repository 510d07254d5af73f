using Microsoft.Extensions.Logging;
using SiteAgent.Core.Config;
using SiteAgent.Core.Observability;
using SiteAgent.Waldur.Models;

namespace SiteAgent.Core.Events.Handlers;

// Commands that carry their data and expect a verdict back in Waldur. The backends in this build
// offer no capability for them (listing importable accounts, periodic usage-policy settings, resource
// API keys), so each handler validates the command and tells Waldur it cannot be carried out, instead
// of leaving the requester waiting.

/// <summary><c>importable_resources</c>: the request is taken and marked erred with the reason.</summary>
public sealed partial class ImportableResourcesEventHandler(EventServices services)
    : EventHandler<ImportableResourcesEvent>(services, ObservableObjectType.ImportableResources, EventJsonContext.Default.ImportableResourcesEvent)
{
    /// <inheritdoc />
    protected override async Task HandleAsync(OfferingConfig offering, ImportableResourcesEvent message, CancellationToken cancellationToken)
    {
        var request = EventUuid.Required(message.BackendResourceRequestUuid, "backend_resource_request_uuid");
        var waldur = Services.Runtime.Clients.For(offering);
        await waldur.GetBackendResourceRequestAsync(request, cancellationToken).ConfigureAwait(false);
        await waldur.StartBackendResourceRequestAsync(request, cancellationToken).ConfigureAwait(false);
        var reason = $"Backend \"{offering.OrderProcessingBackend}\" of offering \"{offering.Name}\" cannot list its resources for import";
        await waldur.SetBackendResourceRequestErredAsync(request, reason, string.Empty, cancellationToken).ConfigureAwait(false);
        LogRefused(Services.Logger, offering.Name, request, reason);
    }

    [LoggerMessage(EventId = LogEvents.EventImportRefused, Level = LogLevel.Warning, Message = "Offering \"{Offering}\": import request {Request} marked erred: {Reason}")]
    private static partial void LogRefused(ILogger logger, string offering, Guid request, string reason);
}

/// <summary><c>resource_periodic_limits</c>: every command gets a verdict in the policy's command results.</summary>
public sealed partial class PeriodicLimitsEventHandler(EventServices services)
    : EventHandler<PeriodicLimitsEvent>(services, ObservableObjectType.ResourcePeriodicLimits, EventJsonContext.Default.PeriodicLimitsEvent)
{
    /// <inheritdoc />
    protected override async Task HandleAsync(OfferingConfig offering, PeriodicLimitsEvent message, CancellationToken cancellationToken)
    {
        var resource = EventUuid.Required(message.ResourceUuid, "resource_uuid");
        var policy = EventUuid.Optional(message.PolicyUuid, "policy_uuid");
        var error = string.IsNullOrEmpty(message.BackendId) || message.Action != "apply_periodic_settings"
            ? "Invalid periodic limits message: missing backend_id or invalid action"
            : $"Backend \"{offering.OrderProcessingBackend}\" of offering \"{offering.Name}\" does not apply periodic settings";
        if (policy is null)
        {
            LogNoPolicy(Services.Logger, offering.Name, resource, error);
            return;
        }

        await Services.Runtime.Clients.For(offering).ReportSlurmCommandResultAsync(policy.Value, new SlurmCommandResultRequest
        {
            ResourceUuid = resource,
            Success = false,
            ErrorMessage = error,
            Mode = "production",
            CommandsExecuted = [],
        }, cancellationToken).ConfigureAwait(false);
        LogReported(Services.Logger, offering.Name, resource, error);
    }

    [LoggerMessage(EventId = LogEvents.EventPeriodicLimitsNoPolicy, Level = LogLevel.Warning,
        Message = "Offering \"{Offering}\": periodic limits for resource {Resource} not applied ({Reason}); the message names no policy to report to")]
    private static partial void LogNoPolicy(ILogger logger, string offering, Guid resource, string reason);

    [LoggerMessage(EventId = LogEvents.EventPeriodicLimitsReported, Level = LogLevel.Warning,
        Message = "Offering \"{Offering}\": periodic limits for resource {Resource} not applied, reported to Waldur: {Reason}")]
    private static partial void LogReported(ILogger logger, string offering, Guid resource, string reason);
}

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
