using Microsoft.Extensions.Logging;
using SiteAgent.Core.Config;
using SiteAgent.Core.Observability;
using SiteAgent.Core.Runtime;
using SiteAgent.Waldur;
using SiteAgent.Waldur.Models;

namespace SiteAgent.Core.Operator;

/// <summary>One component's outcome: created, updated, unchanged or failed, and what changed.</summary>
public sealed record ComponentChange(string Offering, string Component, string Action, string Detail)
{
    /// <summary>True when the component could not be written.</summary>
    public bool Failed => Action == ComponentLoader.FailedAction;
}

/// <summary>
/// <c>load-components</c>: creates the offering's <c>backend_components</c> in Waldur or updates those
/// that differ. Components only Waldur knows are left alone. One failed component or offering never
/// stops the others; it fails the command.
/// </summary>
public sealed partial class ComponentLoader(AgentRuntime runtime)
{
    /// <summary>The action of a component that could not be written.</summary>
    public const string FailedAction = "failed";

    private readonly ILogger _logger = runtime.Loggers.CreateLogger("SiteAgent.Components");

    /// <summary>Loads every offering's components; returns one change per component.</summary>
    public async Task<IReadOnlyList<ComponentChange>> RunAsync(CancellationToken cancellationToken)
    {
        var changes = new List<ComponentChange>();
        foreach (var offering in runtime.Config.Offerings)
        {
            var waldur = runtime.Clients.For(offering);
            IReadOnlyList<OfferingComponent> existing;
            try
            {
                existing = (await waldur.GetProviderOfferingAsync(offering.OfferingUuid, ["components"], cancellationToken).ConfigureAwait(false)).Components ?? [];
            }
            catch (WaldurException e)
            {
                OperatorLog.OfferingFailed(_logger, offering.Name, e.Message);
                changes.Add(new ComponentChange(offering.Name, "(all)", FailedAction, $"the offering's components could not be read: {e.Message}"));
                continue;
            }

            foreach (var component in offering.Components.Where(c => !c.FromWaldurOnly))
            {
                changes.Add(await LoadAsync(waldur, offering, component, existing.FirstOrDefault(c => c.Type == component.Type), cancellationToken).ConfigureAwait(false));
            }
        }

        return changes;
    }

    private async Task<ComponentChange> LoadAsync(
        WaldurClient waldur, OfferingConfig offering, SiteAgent.Backends.Model.ComponentDefinition component, OfferingComponent? existing, CancellationToken cancellationToken)
    {
        var body = ComponentRequests.Build(component, existing);
        try
        {
            ComponentChange change;
            if (existing?.Uuid is not { } uuid)
            {
                await waldur.CreateOfferingComponentAsync(offering.OfferingUuid, body, cancellationToken).ConfigureAwait(false);
                change = new(offering.Name, component.Type, "created", $"{body.BillingType}, limit {(body.LimitAmount?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)")} {body.MeasuredUnit}");
            }
            else if (ComponentRequests.Differences(body, existing) is { Count: > 0 } differences)
            {
                await waldur.UpdateOfferingComponentAsync(offering.OfferingUuid, Update(body, uuid), cancellationToken).ConfigureAwait(false);
                change = new(offering.Name, component.Type, "updated", string.Join("; ", differences));
            }
            else
            {
                change = new(offering.Name, component.Type, "unchanged", "Waldur already holds these values");
            }

            LogLoaded(_logger, offering.Name, component.Type, change.Action, change.Detail);
            return change;
        }
        catch (WaldurException e)
        {
            LogComponentFailed(_logger, component.Label, offering.Name, offering.OfferingUuid, e.Message);
            return new(offering.Name, component.Type, FailedAction, e.Message);
        }
    }

    private static UpdateOfferingComponentRequest Update(OfferingComponentRequest body, Guid uuid) => new()
    {
        Uuid = uuid,
        Type = body.Type,
        BillingType = body.BillingType,
        Name = body.Name,
        MeasuredUnit = body.MeasuredUnit,
        LimitAmount = body.LimitAmount,
        Description = body.Description,
        MinValue = body.MinValue,
        MaxValue = body.MaxValue,
        MaxAvailableLimit = body.MaxAvailableLimit,
        DefaultLimit = body.DefaultLimit,
        LimitPeriod = body.LimitPeriod,
        ArticleCode = body.ArticleCode,
        IsBoolean = body.IsBoolean,
        IsPrepaid = body.IsPrepaid,
        MinPrepaidDuration = body.MinPrepaidDuration,
        MaxPrepaidDuration = body.MaxPrepaidDuration,
        PrepaidDurationStep = body.PrepaidDurationStep,
        MinRenewalDuration = body.MinRenewalDuration,
        MaxRenewalDuration = body.MaxRenewalDuration,
        RenewalDurationStep = body.RenewalDurationStep,
    };

    [LoggerMessage(EventId = LogEvents.ComponentLoaded, Level = LogLevel.Information, Message = "Offering \"{Offering}\": component {Component} {Action}: {Detail}")]
    private static partial void LogLoaded(ILogger logger, string offering, string component, string action, string detail);

    [LoggerMessage(EventId = LogEvents.ComponentFailed, Level = LogLevel.Error, Message = "Unable to create or update a component {Label} for offering {Offering} ({OfferingUuid}): {Error}")]
    private static partial void LogComponentFailed(ILogger logger, string label, string offering, Guid offeringUuid, string error);

}
