using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SiteAgent.Waldur.Models;

/// <summary>Body of <c>set_as_erred</c> and <c>set_erred</c> actions (error message and traceback).</summary>
public sealed record ErrorDetailsRequest
{
    /// <summary>Error message shown to users.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>Error details (traceback).</summary>
    public string? ErrorTraceback { get; init; }
}

/// <summary>Body of <c>marketplace_provider_resources_set_backend_id</c>.</summary>
public sealed record ResourceBackendIdRequest
{
    /// <summary>The backend id.</summary>
    public required string BackendId { get; init; }
}

/// <summary>Body of <c>marketplace_provider_resources_set_effective_id</c>.</summary>
public sealed record ResourceEffectiveIdRequest
{
    /// <summary>The effective id.</summary>
    public required string EffectiveId { get; init; }
}

/// <summary>Body of <c>marketplace_provider_resources_set_backend_metadata</c>.</summary>
public sealed record ResourceBackendMetadataRequest
{
    /// <summary>Metadata to store (replaces the stored metadata).</summary>
    public required JsonObject BackendMetadata { get; init; }
}

/// <summary>Body of the <c>set_end_date</c> actions; a null end date clears it, so null is sent.</summary>
public sealed record ResourceEndDateRequest
{
    /// <summary>New end date, or null to clear it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public DateOnly? EndDate { get; init; }
}

/// <summary>Body of <c>marketplace_provider_resources_set_endpoints</c>.</summary>
public sealed record ResourceEndpointsRequest
{
    /// <summary>Endpoints to publish (replaces the stored ones).</summary>
    public required IReadOnlyList<ResourceEndpointRequest> Endpoints { get; init; }
}

/// <summary>One endpoint of <see cref="ResourceEndpointsRequest"/>.</summary>
/// <param name="Name">Display name.</param>
/// <param name="Url">URL.</param>
public sealed record ResourceEndpointRequest(string Name, string Url);

/// <summary>Body of <c>marketplace_provider_resources_set_limits</c>.</summary>
public sealed record ResourceSetLimitsRequest
{
    /// <summary>Limits by component type, integers in Waldur units.</summary>
    public required IReadOnlyDictionary<string, long> Limits { get; init; }
}

/// <summary>Body of <c>marketplace_resources_update_limits</c> (creates an Update order).</summary>
public sealed record ResourceUpdateLimitsRequest
{
    /// <summary>New limits by component type, integers in Waldur units.</summary>
    public required IReadOnlyDictionary<string, long> Limits { get; init; }

    /// <summary>Comment on the order.</summary>
    public string? RequestComment { get; init; }
}

/// <summary>Body of <c>marketplace_resources_terminate</c> (creates a Terminate order).</summary>
public sealed record ResourceTerminateRequest
{
    /// <summary>Termination attributes, if any.</summary>
    public JsonObject? Attributes { get; init; }
}

/// <summary>One entry of <c>set_membership_sync_statuses</c> (8.1.x <c>MemberSyncStatusEntryRequest</c>).</summary>
public sealed record MemberSyncStatusEntry
{
    /// <summary>Scope type of the role (e.g. <c>project</c>, <c>resource</c>).</summary>
    public required string ScopeType { get; init; }

    /// <summary>Role name.</summary>
    public required string RoleName { get; init; }

    /// <summary>Sync state of the membership.</summary>
    public required string State { get; init; }

    /// <summary>Waldur username of the member.</summary>
    public string? Username { get; init; }

    /// <summary>Waldur user uuid of the member.</summary>
    public Guid? UserUuid { get; init; }

    /// <summary>Resource project uuid for resource-project roles.</summary>
    public Guid? ResourceProjectUuid { get; init; }

    /// <summary>Explanation shown to users.</summary>
    public string? Message { get; init; }
}

/// <summary>Body of <c>set_membership_sync_statuses</c> (8.1.x): a full replacement of the stored statuses.</summary>
public sealed record MemberSyncStatusReportRequest
{
    /// <summary>All statuses of the resource.</summary>
    public required IReadOnlyList<MemberSyncStatusEntry> Statuses { get; init; }
}

/// <summary>Answer of <c>set_membership_sync_statuses</c> (8.1.x).</summary>
public sealed record MemberSyncStatusReportResult
{
    /// <summary>How many entries were stored.</summary>
    public int? Stored { get; init; }

    /// <summary>Entries skipped because their user is unknown.</summary>
    public IReadOnlyList<string>? Skipped { get; init; }
}
