using System.Text.Json.Serialization;
using SiteAgent.Waldur.Json;

namespace SiteAgent.Waldur.Models;

/// <summary>A component usage record of a resource for one billing period (schema <c>ComponentUsage</c>).</summary>
public sealed record ComponentUsage
{
    /// <summary>Usage uuid (always requested; parent of per-user usages).</summary>
    public required Guid Uuid { get; init; }

    /// <summary>Component type.</summary>
    public string? Type { get; init; }

    /// <summary>Component name.</summary>
    public string? Name { get; init; }

    /// <summary>Reported usage; Waldur writes a decimal string (the schema says integer).</summary>
    public decimal? Usage { get; init; }

    /// <summary>Measured unit.</summary>
    public string? MeasuredUnit { get; init; }

    /// <summary>When the usage was reported.</summary>
    public DateTimeOffset? Date { get; init; }

    /// <summary>First day of the billing period.</summary>
    public DateOnly? BillingPeriod { get; init; }

    /// <summary>Description.</summary>
    public string? Description { get; init; }

    /// <summary>The usage recurs each period.</summary>
    public bool? Recurring { get; init; }

    /// <summary>Resource uuid.</summary>
    public Guid? ResourceUuid { get; init; }

    /// <summary>Resource name.</summary>
    public string? ResourceName { get; init; }

    /// <summary>Offering uuid.</summary>
    public Guid? OfferingUuid { get; init; }

    /// <summary>When the record was created.</summary>
    public DateTimeOffset? Created { get; init; }
}

/// <summary>A per-user component usage (schema <c>ComponentUserUsage</c>).</summary>
public sealed record ComponentUserUsage
{
    /// <summary>Usage uuid.</summary>
    public Guid? Uuid { get; init; }

    /// <summary>API URL of the parent component usage (its uuid is the last path segment).</summary>
    public string? ComponentUsage { get; init; }

    /// <summary>Username on the backend.</summary>
    public string? Username { get; init; }

    /// <summary>API URL of the offering user.</summary>
    public string? User { get; init; }

    /// <summary>Component type.</summary>
    public string? ComponentType { get; init; }

    /// <summary>Reported usage.</summary>
    public decimal? Usage { get; init; }

    /// <summary>When the usage was reported.</summary>
    public DateTimeOffset? Date { get; init; }

    /// <summary>First day of the billing period.</summary>
    public DateOnly? BillingPeriod { get; init; }

    /// <summary>Resource uuid.</summary>
    public Guid? ResourceUuid { get; init; }

    /// <summary>Backend id.</summary>
    public string? BackendId { get; init; }

    /// <summary>Description.</summary>
    public string? Description { get; init; }
}

/// <summary>A per-user usage limit (schema <c>ComponentUserUsageLimit</c>).</summary>
public sealed record ComponentUserUsageLimit
{
    /// <summary>Limit uuid.</summary>
    public Guid? Uuid { get; init; }

    /// <summary>The user: a username or an API URL depending on the Waldur version.</summary>
    public string? User { get; init; }

    /// <summary>Component type.</summary>
    public string? ComponentType { get; init; }

    /// <summary>Limit value.</summary>
    public decimal? Limit { get; init; }

    /// <summary>API URL of the resource.</summary>
    public string? Resource { get; init; }

    /// <summary>Component uuid.</summary>
    public Guid? Component { get; init; }
}

/// <summary>Body of <c>marketplace_component_usages_set_usage</c> (schema <c>ComponentUsageCreateRequest</c>).</summary>
public sealed record ComponentUsageCreateRequest
{
    /// <summary>Resource uuid.</summary>
    public required Guid Resource { get; init; }

    /// <summary>Usage time: the first day of the billing month, timezone-aware.</summary>
    public required DateTimeOffset Date { get; init; }

    /// <summary>One amount per component.</summary>
    public required IReadOnlyList<ComponentUsageItemRequest> Usages { get; init; }

    /// <summary>Plan period uuid; never sent by the agent.</summary>
    public Guid? PlanPeriod { get; init; }
}

/// <summary>One component amount of <see cref="ComponentUsageCreateRequest"/>.</summary>
public sealed record ComponentUsageItemRequest
{
    /// <summary>Component type.</summary>
    public required string Type { get; init; }

    /// <summary>Amount in Waldur units; written with two decimals as the schema requires.</summary>
    [JsonConverter(typeof(WaldurUsageAmountConverter))]
    public required decimal Amount { get; init; }

    /// <summary>Description.</summary>
    public string? Description { get; init; }

    /// <summary>The usage recurs each period.</summary>
    public bool? Recurring { get; init; }
}

/// <summary>A per-user usage of <c>set_user_usage</c> / <c>set_user_usages</c> (schema <c>ComponentUserUsageCreateRequest</c>).</summary>
public sealed record ComponentUserUsageCreateRequest
{
    /// <summary>Username on the backend.</summary>
    public required string Username { get; init; }

    /// <summary>Usage in Waldur units; written with two decimals as the schema requires.</summary>
    [JsonConverter(typeof(WaldurUsageAmountConverter))]
    public required decimal Usage { get; init; }

    /// <summary>Usage time.</summary>
    public DateTimeOffset? Date { get; init; }

    /// <summary>API URL of the offering user, when known.</summary>
    public string? User { get; init; }
}

/// <summary>Body of <c>set_user_usages</c> (schema <c>ComponentUserUsageBulkCreateRequest</c>).</summary>
public sealed record ComponentUserUsageBulkCreateRequest
{
    /// <summary>The per-user usages.</summary>
    public required IReadOnlyList<ComponentUserUsageCreateRequest> Usages { get; init; }
}
