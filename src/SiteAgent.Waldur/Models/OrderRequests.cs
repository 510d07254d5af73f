using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SiteAgent.Waldur.Models;

/// <summary>Body of <c>marketplace_orders_create</c> (schema <c>OrderCreateRequest</c>).</summary>
public sealed record OrderCreateRequest
{
    /// <summary>API URL of the offering.</summary>
    public required string Offering { get; init; }

    /// <summary>API URL of the project.</summary>
    public required string Project { get; init; }

    /// <summary>API URL of the plan.</summary>
    public string? Plan { get; init; }

    /// <summary>Order attributes; the schema's <c>oneOf</c> is ambiguous, so this stays free-form.</summary>
    public JsonObject? Attributes { get; init; }

    /// <summary>Requested limits by component type (integers in Waldur units).</summary>
    public IReadOnlyDictionary<string, long>? Limits { get; init; }

    /// <summary>Order type, one of <see cref="OrderType"/>; Waldur assumes Create when absent.</summary>
    public string? Type { get; init; }

    /// <summary>The requester accepts the offering's terms of service.</summary>
    public bool? AcceptingTermsOfService { get; init; }

    /// <summary>URL Waldur calls when the order changes state.</summary>
    public string? CallbackUrl { get; init; }

    /// <summary>Comment of the requester.</summary>
    public string? RequestComment { get; init; }

    /// <summary>Requested start date.</summary>
    public DateOnly? StartDate { get; init; }

    /// <summary>Slug of the resource to create.</summary>
    public string? Slug { get; init; }
}

/// <summary>Body of <c>marketplace_orders_approve_by_provider</c>; the agent sends it empty (<c>{}</c>).</summary>
public sealed record OrderApproveByProviderRequest
{
    /// <summary>Attributes to merge into the order; never sent by the agent.</summary>
    public JsonObject? Attributes { get; init; }
}

/// <summary>Body of <c>marketplace_orders_reject_by_provider</c>.</summary>
public sealed record OrderProviderRejectionRequest
{
    /// <summary>Why the provider rejects the order; omitted when null (body <c>{}</c>).</summary>
    public string? ProviderRejectionComment { get; init; }
}

/// <summary>Body of <c>marketplace_orders_set_backend_id</c>.</summary>
public sealed record OrderBackendIdRequest
{
    /// <summary>Remote order id.</summary>
    public required string BackendId { get; init; }
}

/// <summary>Body of <c>marketplace_orders_set_state_erred</c> (schema <c>OrderErrorDetailsRequest</c>).</summary>
public sealed record OrderErrorDetailsRequest
{
    /// <summary>Error message shown to users.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>Error details (traceback), empty when backend details are hidden.</summary>
    public string? ErrorTraceback { get; init; }
}

/// <summary>Answer of <c>marketplace_orders_approve_by_provider</c> (schema <c>OrderInfoResponse</c>).</summary>
public sealed record OrderInfoResponse
{
    /// <summary>Waldur's message about the approval.</summary>
    public string? Detail { get; init; }
}

/// <summary>Answer of orders created by resource actions (schema <c>OrderUUID</c>).</summary>
public sealed record OrderUuidResponse
{
    /// <summary>Uuid of the new order; <see cref="Guid.Empty"/> in dry-run.</summary>
    [JsonPropertyName("order_uuid")]
    public required Guid OrderUuid { get; init; }
}

/// <summary>The generic <c>{"status": "..."}</c> answer of many actions (schema <c>Status</c>).</summary>
public sealed record StatusResponse
{
    /// <summary>Waldur's status text; <c>dry-run</c> when the call was not sent.</summary>
    public string? Status { get; init; }
}
