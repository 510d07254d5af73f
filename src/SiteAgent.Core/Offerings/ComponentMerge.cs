using Microsoft.Extensions.Logging;
using SiteAgent.Backends.Model;
using SiteAgent.Waldur.Models;

namespace SiteAgent.Core.Offerings;

/// <summary>
/// Adds the components that exist only in Waldur to those of the config file,
/// before the backend is constructed so that the backend sees them in the same cycle.
/// </summary>
public static partial class ComponentMerge
{
    /// <summary>The config's components followed by Waldur-only components with a billing type the agent knows.</summary>
    public static IReadOnlyList<ComponentDefinition> Merge(
        IReadOnlyList<ComponentDefinition> configured, IReadOnlyList<OfferingComponent>? fromWaldur, string offeringName, ILogger logger)
    {
        if (fromWaldur is null || fromWaldur.Count == 0)
        {
            return configured;
        }

        var merged = configured.ToList();
        var known = configured.Select(c => c.Type).ToHashSet(StringComparer.Ordinal);
        foreach (var component in fromWaldur)
        {
            if (string.IsNullOrEmpty(component.Type) || known.Contains(component.Type))
            {
                continue;
            }

            // Waldur's "fixed" and "few" have no local meaning; the reference failed the whole offering on them.
            var billing = string.IsNullOrEmpty(component.BillingType) ? "usage" : component.BillingType;
            if (AccountingTypeNames.Parse(billing) is not { } accounting)
            {
                LogSkipped(logger, component.Type, billing, offeringName);
                continue;
            }

            merged.Add(new ComponentDefinition
            {
                Type = component.Type,
                MeasuredUnit = component.MeasuredUnit ?? string.Empty,
                AccountingType = accounting,
                Label = component.Name ?? component.Type,
                UnitFactor = component.UnitFactor is > 0 ? component.UnitFactor.Value : 1m,
                Limit = component.LimitAmount,
                FromWaldurOnly = true,
            });
            known.Add(component.Type);
        }

        return merged;
    }

    [LoggerMessage(EventId = Observability.LogEvents.ComponentSkipped, Level = LogLevel.Warning,
        Message = "Offering \"{Offering}\": Waldur component {Type} has billing type {BillingType}, which the agent cannot map; it is ignored")]
    private static partial void LogSkipped(ILogger logger, string type, string billingType, string offering);
}
