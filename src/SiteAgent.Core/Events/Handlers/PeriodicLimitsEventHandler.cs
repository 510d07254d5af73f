using Microsoft.Extensions.Logging;
using SiteAgent.Core.Config;
using SiteAgent.Core.Observability;
using SiteAgent.Waldur.Models;

namespace SiteAgent.Core.Events.Handlers;

// No backend in this build applies periodic usage-policy settings yet; every command still gets a
// verdict in the policy's command results.

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
