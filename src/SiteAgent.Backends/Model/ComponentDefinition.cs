namespace SiteAgent.Backends.Model;

/// <summary>How Waldur bills a component (<c>accounting_type</c>, Waldur's <c>billing_type</c>).</summary>
public enum AccountingType
{
    /// <summary>Billed by reported usage (<c>usage</c>).</summary>
    Usage,

    /// <summary>Billed by the ordered quota (<c>limit</c>).</summary>
    Limit,

    /// <summary>One-time, prepaid (<c>one</c>).</summary>
    One,
}

/// <summary>Wire names of <see cref="AccountingType"/>.</summary>
public static class AccountingTypeNames
{
    /// <summary>The names in enum order.</summary>
    public static readonly string[] All = ["usage", "limit", "one"];

    /// <summary>The wire name.</summary>
    public static string ToWire(this AccountingType type) => All[(int)type];

    /// <summary>Parses a wire name.</summary>
    public static AccountingType? Parse(string? text) => text switch
    {
        "usage" => AccountingType.Usage,
        "limit" => AccountingType.Limit,
        "one" => AccountingType.One,
        _ => null,
    };
}

/// <summary>Limit periods a component may declare.</summary>
public static class LimitPeriods
{
    /// <summary>The allowed values of <c>limit_period</c>.</summary>
    public static readonly string[] All = ["annual", "month", "quarterly", "total"];
}

/// <summary>One entry of <c>backend_components</c>, with defaults materialised (unit factor 1).</summary>
public sealed record ComponentDefinition
{
    /// <summary>The component type (the mapping key): <c>cpu</c>, <c>mem</c>, <c>gres/gpu</c>…</summary>
    public required string Type { get; init; }

    /// <summary>Unit shown in Waldur.</summary>
    public required string MeasuredUnit { get; init; }

    /// <summary>Billing type.</summary>
    public required AccountingType AccountingType { get; init; }

    /// <summary>Display name in Waldur.</summary>
    public required string Label { get; init; }

    /// <summary>Waldur unit → backend unit multiplier.</summary>
    public decimal UnitFactor { get; init; } = 1m;

    /// <summary>Reporting-only factor, when set.</summary>
    public decimal? UnitFactorReporting { get; init; }

    /// <summary>Fixed limit in Waldur units (usage components) and the offering's <c>limit_amount</c>.</summary>
    public decimal? Limit { get; init; }

    /// <summary>Backend components this component fans out to, with their factors.</summary>
    public IReadOnlyList<TargetComponent> TargetComponents { get; init; } = [];

    /// <summary>Fields only pushed to Waldur by <c>load-components</c>.</summary>
    public WaldurComponentFields WaldurFields { get; init; } = WaldurComponentFields.Empty;

    /// <summary>True when this component came from Waldur rather than the config file.</summary>
    public bool FromWaldurOnly { get; init; }
}

/// <summary>One <c>target_components</c> entry.</summary>
public sealed record TargetComponent(string Type, decimal Factor);

/// <summary>Optional component fields that matter only to Waldur's offering definition.</summary>
public sealed record WaldurComponentFields
{
    /// <summary>No optional field set.</summary>
    public static WaldurComponentFields Empty { get; } = new();

    /// <summary>Component description.</summary>
    public string? Description { get; init; }

    /// <summary>Minimum orderable value.</summary>
    public long? MinValue { get; init; }

    /// <summary>Maximum orderable value.</summary>
    public long? MaxValue { get; init; }

    /// <summary>Maximum available limit.</summary>
    public long? MaxAvailableLimit { get; init; }

    /// <summary>Default value in the order form.</summary>
    public long? DefaultLimit { get; init; }

    /// <summary>One of <see cref="LimitPeriods.All"/>.</summary>
    public string? LimitPeriod { get; init; }

    /// <summary>Billing article code.</summary>
    public string? ArticleCode { get; init; }

    /// <summary>On/off component.</summary>
    public bool? IsBoolean { get; init; }

    /// <summary>Prepaid billing.</summary>
    public bool? IsPrepaid { get; init; }

    /// <summary>Minimum prepaid duration in months.</summary>
    public long? MinPrepaidDuration { get; init; }

    /// <summary>Maximum prepaid duration in months.</summary>
    public long? MaxPrepaidDuration { get; init; }

    /// <summary>Prepaid duration step in months.</summary>
    public long? PrepaidDurationStep { get; init; }

    /// <summary>Minimum renewal duration in months.</summary>
    public long? MinRenewalDuration { get; init; }

    /// <summary>Maximum renewal duration in months.</summary>
    public long? MaxRenewalDuration { get; init; }

    /// <summary>Renewal duration step in months.</summary>
    public long? RenewalDurationStep { get; init; }
}
