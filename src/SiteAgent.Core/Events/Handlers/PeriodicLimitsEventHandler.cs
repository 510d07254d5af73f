using System.Text.Json;
using Microsoft.Extensions.Logging;
using SiteAgent.Backends.Capabilities;
using SiteAgent.Core.Config;
using SiteAgent.Core.Observability;
using SiteAgent.Waldur.Models;

namespace SiteAgent.Core.Events.Handlers;

/// <summary>
/// <c>resource_periodic_limits</c>: a periodic usage policy's settings are applied to the resource's account by
/// the offering's order-processing backend, and every command gets a verdict in the policy's command results,
/// a refused or failed one included.
/// </summary>
/// <remarks>
/// Waldur does not re-send these commands and reconciliation does not repair them, so nothing here
/// throws once the resource is known: a bad message, a backend without the capability and a backend
/// failure all become a failure verdict. A verdict that cannot be posted is logged only; retrying the
/// message would apply the settings again (a raw-usage reset is not idempotent).
/// </remarks>
public sealed partial class PeriodicLimitsEventHandler(EventServices services)
    : EventHandler<PeriodicLimitsEvent>(services, ObservableObjectType.ResourcePeriodicLimits, EventJsonContext.Default.PeriodicLimitsEvent)
{
    /// <summary>The action Waldur sends; anything else is refused.</summary>
    public const string ApplyAction = "apply_periodic_settings";

    /// <summary>Verdict on a message without account or with another action (Waldur's wording).</summary>
    public const string InvalidMessageError = "Invalid periodic limits message: missing backend_id or invalid action";

    /// <inheritdoc />
    protected override async Task HandleAsync(OfferingConfig offering, PeriodicLimitsEvent message, CancellationToken cancellationToken)
    {
        var resource = EventUuid.Required(message.ResourceUuid, "resource_uuid");
        var policy = EventUuid.Optional(message.PolicyUuid, "policy_uuid");
        var result = string.IsNullOrEmpty(message.BackendId) || message.Action != ApplyAction
            ? PeriodicSettingsResult.Failed(InvalidMessageError)
            : await ApplyAsync(offering, message.BackendId, message.Settings ?? default, cancellationToken).ConfigureAwait(false);
        var error = result.Success ? string.Empty : result.Error ?? result.Reason ?? "the backend gave no reason";
        if (policy is null)
        {
            LogNoPolicy(Services.Logger, offering.Name, resource, result.Success ? "applied" : error);
            return;
        }

        try
        {
            await Services.Runtime.Clients.For(offering).ReportSlurmCommandResultAsync(policy.Value, new SlurmCommandResultRequest
            {
                ResourceUuid = resource,
                Success = result.Success,
                ErrorMessage = error,
                Mode = result.Mode,
                CommandsExecuted = result.CommandsExecuted,
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogReportFailed(Services.Logger, offering.Name, resource, policy.Value, result.Success ? "success" : "failure", e.Message);
            return;
        }

        if (result.Success)
        {
            LogApplied(Services.Logger, offering.Name, message.BackendId!, resource, result.CommandsExecuted.Count, result.Mode);
        }
        else
        {
            LogReported(Services.Logger, offering.Name, resource, error);
        }
    }

    /// <summary>Runs the backend's capability; a missing capability or an exception is a failure verdict.</summary>
    private async Task<PeriodicSettingsResult> ApplyAsync(OfferingConfig offering, string backendId, JsonElement settings, CancellationToken cancellationToken)
    {
        try
        {
            var backend = Services.Sessions.CreateBackendFromConfig(offering, offering.OrderProcessingBackend);
            if (backend is not IPeriodicSettingsBackend periodic)
            {
                LogUnsupported(Services.Logger, offering.Name, offering.OrderProcessingBackend);
                return PeriodicSettingsResult.Failed(
                    $"Backend \"{offering.OrderProcessingBackend}\" of offering \"{offering.Name}\" does not support periodic settings");
            }

            return await periodic.ApplyPeriodicSettingsAsync(backendId, settings, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return PeriodicSettingsResult.Failed(e.Message);
        }
    }

    [LoggerMessage(EventId = LogEvents.EventPeriodicLimitsNoPolicy, Level = LogLevel.Warning,
        Message = "Offering \"{Offering}\": periodic limits for resource {Resource}: {Outcome}; the message names no policy to report to")]
    private static partial void LogNoPolicy(ILogger logger, string offering, Guid resource, string outcome);

    [LoggerMessage(EventId = LogEvents.EventPeriodicLimitsReported, Level = LogLevel.Warning,
        Message = "Offering \"{Offering}\": periodic limits for resource {Resource} not applied, reported to Waldur: {Reason}")]
    private static partial void LogReported(ILogger logger, string offering, Guid resource, string reason);

    [LoggerMessage(EventId = LogEvents.EventPeriodicLimitsApplied, Level = LogLevel.Information,
        Message = "Offering \"{Offering}\": periodic limits applied to {Account} (resource {Resource}, {Commands} commands, {Mode} mode), reported to Waldur")]
    private static partial void LogApplied(ILogger logger, string offering, string account, Guid resource, int commands, string mode);

    [LoggerMessage(EventId = LogEvents.EventPeriodicLimitsUnsupported, Level = LogLevel.Warning,
        Message = "Offering \"{Offering}\": backend \"{Backend}\" does not support periodic settings; the command is reported as failed. Use a backend that does (slurm) or turn periodic_limits off")]
    private static partial void LogUnsupported(ILogger logger, string offering, string backend);

    [LoggerMessage(EventId = LogEvents.EventPeriodicLimitsReportFailed, Level = LogLevel.Error,
        Message = "Offering \"{Offering}\": the {Verdict} verdict on periodic limits for resource {Resource} could not be reported to policy {Policy}: {Reason}")]
    private static partial void LogReportFailed(ILogger logger, string offering, Guid resource, Guid policy, string verdict, string reason);
}
