namespace SiteAgent.Waldur.Models;

/// <summary>A plan seen by its provider (schema <c>ProviderPlanDetails</c>).</summary>
public sealed record ProviderPlanDetails
{
    /// <summary>Plan uuid.</summary>
    public required Guid Uuid { get; init; }

    /// <summary>API URL of the plan.</summary>
    public string? Url { get; init; }

    /// <summary>Plan name.</summary>
    public string? Name { get; init; }

    /// <summary>Description.</summary>
    public string? Description { get; init; }

    /// <summary>Billing unit, one of <see cref="BillingUnit"/>.</summary>
    public string? Unit { get; init; }

    /// <summary>Unit price.</summary>
    public decimal? UnitPrice { get; init; }

    /// <summary>Plan quotas by component type (zero means none).</summary>
    public IReadOnlyDictionary<string, decimal>? Quotas { get; init; }

    /// <summary>Prices by component type, as Waldur formats them (the schema types them as plain strings).</summary>
    public IReadOnlyDictionary<string, string>? Prices { get; init; }

    /// <summary>Priced components.</summary>
    public IReadOnlyList<NestedPlanComponent>? Components { get; init; }

    /// <summary>The plan is archived.</summary>
    public bool? Archived { get; init; }

    /// <summary>The plan is active.</summary>
    public bool? IsActive { get; init; }

    /// <summary>API URL of the offering.</summary>
    public string? Offering { get; init; }

    /// <summary>Plan backend id.</summary>
    public string? BackendId { get; init; }
}

/// <summary>A plan of a public offering (schema <c>BasePublicPlan</c>).</summary>
public sealed record BasePublicPlan
{
    /// <summary>Plan uuid.</summary>
    public Guid? Uuid { get; init; }

    /// <summary>API URL of the plan (the federation backend orders with it).</summary>
    public string? Url { get; init; }

    /// <summary>Plan name.</summary>
    public string? Name { get; init; }

    /// <summary>Billing unit.</summary>
    public string? Unit { get; init; }

    /// <summary>Unit price.</summary>
    public decimal? UnitPrice { get; init; }

    /// <summary>Plan quotas by component type.</summary>
    public IReadOnlyDictionary<string, decimal>? Quotas { get; init; }

    /// <summary>The plan is archived.</summary>
    public bool? Archived { get; init; }

    /// <summary>The plan is active.</summary>
    public bool? IsActive { get; init; }
}

/// <summary>A priced component of a plan (schema <c>NestedPlanComponent</c>).</summary>
public sealed record NestedPlanComponent
{
    /// <summary>Component type.</summary>
    public string? Type { get; init; }

    /// <summary>Component name.</summary>
    public string? Name { get; init; }

    /// <summary>Measured unit.</summary>
    public string? MeasuredUnit { get; init; }

    /// <summary>Amount included in the plan.</summary>
    public long? Amount { get; init; }

    /// <summary>Price per unit.</summary>
    public decimal? Price { get; init; }

    /// <summary>Future price per unit.</summary>
    public decimal? FuturePrice { get; init; }
}
