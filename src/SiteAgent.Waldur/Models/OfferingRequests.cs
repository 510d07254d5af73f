namespace SiteAgent.Waldur.Models;

/// <summary>Body of <c>marketplace_provider_offerings_check_unique_backend_id</c>.</summary>
public sealed record CheckUniqueBackendIdRequest
{
    /// <summary>The candidate backend id.</summary>
    public required string BackendId { get; init; }

    /// <summary>Check against every offering of the provider, not only this one.</summary>
    public bool? CheckAllOfferings { get; init; }

    /// <summary>Also validate against the offering's backend id rules.</summary>
    public bool? UseOfferingRules { get; init; }
}

/// <summary>Answer of <c>check_unique_backend_id</c>.</summary>
public sealed record CheckUniqueBackendIdResponse
{
    /// <summary>No resource uses the backend id.</summary>
    public required bool IsUnique { get; init; }

    /// <summary>The id matches the offering's rules (null when rules were not checked).</summary>
    public bool? IsValidFormat { get; init; }

    /// <summary>Rule violations.</summary>
    public IReadOnlyList<string>? Errors { get; init; }
}

/// <summary>Body of <c>create_offering_component</c> (schema <c>OfferingComponentRequest</c>).</summary>
public record OfferingComponentRequest
{
    /// <summary>Accounting type, one of <see cref="BillingType"/>.</summary>
    public required string BillingType { get; init; }

    /// <summary>Component type (key in limits and usages).</summary>
    public required string Type { get; init; }

    /// <summary>Display name.</summary>
    public required string Name { get; init; }

    /// <summary>Description.</summary>
    public string? Description { get; init; }

    /// <summary>Measured unit shown to users.</summary>
    public string? MeasuredUnit { get; init; }

    /// <summary>Factor between backend and Waldur units.</summary>
    public int? UnitFactor { get; init; }

    /// <summary>Limit period, one of <see cref="LimitPeriod"/>.</summary>
    public string? LimitPeriod { get; init; }

    /// <summary>Default limit amount; the reference always sends it, null included.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)]
    public long? LimitAmount { get; init; }

    /// <summary>Article code.</summary>
    public string? ArticleCode { get; init; }

    /// <summary>Maximum value.</summary>
    public long? MaxValue { get; init; }

    /// <summary>Minimum value.</summary>
    public long? MinValue { get; init; }

    /// <summary>Maximum available limit.</summary>
    public long? MaxAvailableLimit { get; init; }

    /// <summary>Default limit.</summary>
    public long? DefaultLimit { get; init; }

    /// <summary>The component is a boolean switch.</summary>
    public bool? IsBoolean { get; init; }

    /// <summary>The component is prepaid.</summary>
    public bool? IsPrepaid { get; init; }

    /// <summary>Minimum prepaid duration.</summary>
    public int? MinPrepaidDuration { get; init; }

    /// <summary>Maximum prepaid duration.</summary>
    public int? MaxPrepaidDuration { get; init; }

    /// <summary>Prepaid duration step.</summary>
    public int? PrepaidDurationStep { get; init; }

    /// <summary>Minimum renewal duration.</summary>
    public int? MinRenewalDuration { get; init; }

    /// <summary>Maximum renewal duration.</summary>
    public int? MaxRenewalDuration { get; init; }

    /// <summary>Renewal duration step.</summary>
    public int? RenewalDurationStep { get; init; }
}

/// <summary>Body of <c>update_offering_component</c>: a component request plus the uuid of the component to change.</summary>
public sealed record UpdateOfferingComponentRequest : OfferingComponentRequest
{
    /// <summary>Uuid of the existing component.</summary>
    public required Guid Uuid { get; init; }
}
