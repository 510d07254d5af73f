using SiteAgent.Backends.Model;
using SiteAgent.Waldur.Models;

namespace SiteAgent.Core.Operator;

/// <summary>The Waldur component body for a <c>backend_components</c> entry, and what differs from Waldur's copy.</summary>
public static class ComponentRequests
{
    /// <summary>
    /// The body: type, billing type, name, unit and limit always; the optional fields only when set.
    /// <c>accounting_type: one</c> means prepaid unless the config says otherwise. The unit factor stays on the site.
    /// </summary>
    public static OfferingComponentRequest Build(ComponentDefinition component, OfferingComponent? existing)
    {
        var fields = component.WaldurFields;
        return new OfferingComponentRequest
        {
            Type = component.Type,
            BillingType = component.AccountingType.ToWire(),
            Name = component.Label,
            MeasuredUnit = component.MeasuredUnit,
            LimitAmount = component.Limit is { } limit ? (long)limit : null,
            Description = fields.Description,
            MinValue = fields.MinValue,
            MaxValue = fields.MaxValue,
            MaxAvailableLimit = fields.MaxAvailableLimit,
            DefaultLimit = fields.DefaultLimit,
            LimitPeriod = fields.LimitPeriod ?? existing?.LimitPeriod,
            ArticleCode = fields.ArticleCode,
            IsBoolean = fields.IsBoolean,
            IsPrepaid = fields.IsPrepaid ?? (component.AccountingType == AccountingType.One ? true : null),
            MinPrepaidDuration = Int(fields.MinPrepaidDuration),
            MaxPrepaidDuration = Int(fields.MaxPrepaidDuration),
            PrepaidDurationStep = Int(fields.PrepaidDurationStep),
            MinRenewalDuration = Int(fields.MinRenewalDuration),
            MaxRenewalDuration = Int(fields.MaxRenewalDuration),
            RenewalDurationStep = Int(fields.RenewalDurationStep),
        };
    }

    /// <summary>The fields whose value differs from Waldur's, as <c>field old → new</c>; empty when the body changes nothing.</summary>
    public static IReadOnlyList<string> Differences(OfferingComponentRequest wanted, OfferingComponent existing)
    {
        var changes = new List<string>();
        Compare(changes, "name", existing.Name, wanted.Name);
        Compare(changes, "billing_type", existing.BillingType, wanted.BillingType);
        Compare(changes, "measured_unit", existing.MeasuredUnit, wanted.MeasuredUnit);
        Compare(changes, "limit_amount", existing.LimitAmount, wanted.LimitAmount, always: true);
        Compare(changes, "description", existing.Description, wanted.Description);
        Compare(changes, "limit_period", existing.LimitPeriod, wanted.LimitPeriod);
        Compare(changes, "article_code", existing.ArticleCode, wanted.ArticleCode);
        Compare(changes, "min_value", existing.MinValue, wanted.MinValue);
        Compare(changes, "max_value", existing.MaxValue, wanted.MaxValue);
        Compare(changes, "max_available_limit", existing.MaxAvailableLimit, wanted.MaxAvailableLimit);
        Compare(changes, "default_limit", existing.DefaultLimit, wanted.DefaultLimit);
        Compare(changes, "is_boolean", existing.IsBoolean, wanted.IsBoolean);
        Compare(changes, "is_prepaid", existing.IsPrepaid, wanted.IsPrepaid);
        return changes;
    }

    /// <summary>A field differs when the config sets it (or it is always sent) and Waldur holds another value.</summary>
    private static void Compare<T>(List<string> changes, string name, T? old, T? wanted, bool always = false)
    {
        if ((wanted is not null || always) && !EqualityComparer<T?>.Default.Equals(old, wanted))
        {
            changes.Add($"{name} {Show(old)} → {Show(wanted)}");
        }
    }

    private static string Show<T>(T? value) => value switch
    {
        null => "(none)",
        bool b => b ? "true" : "false",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "(none)",
    };

    private static int? Int(long? value) => value is { } v ? checked((int)v) : null;
}
