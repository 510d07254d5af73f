using System.Text.Json;

namespace SiteAgent.Waldur.Models;

/// <summary>A marketplace resource, as both the provider and consumer endpoints return it (schema <c>Resource</c>).</summary>
/// <remarks>
/// Only <see cref="Uuid"/> is required: the client adds it to any field selection. Everything else
/// may be trimmed by <c>field=</c> and is null when absent.
/// </remarks>
public sealed record Resource
{
    /// <summary>Marketplace resource uuid.</summary>
    public required Guid Uuid { get; init; }

    /// <summary>API URL of the resource.</summary>
    public string? Url { get; init; }

    /// <summary>Resource name.</summary>
    public string? Name { get; init; }

    /// <summary>Resource slug.</summary>
    public string? Slug { get; init; }

    /// <summary>Description.</summary>
    public string? Description { get; init; }

    /// <summary>State, one of <see cref="ResourceState"/>.</summary>
    public string? State { get; init; }

    /// <summary>Backend id set by the agent.</summary>
    public string? BackendId { get; init; }

    /// <summary>Effective id (federation).</summary>
    public string? EffectiveId { get; init; }

    /// <summary>Uuid of the scope object behind the resource.</summary>
    public Guid? ResourceUuid { get; init; }

    /// <summary>Resource type.</summary>
    public string? ResourceType { get; init; }

    /// <summary>The offering: an API URL on the wire, kept raw because test doubles also send an object.</summary>
    public JsonElement? Offering { get; init; }

    /// <summary>Offering uuid.</summary>
    public Guid? OfferingUuid { get; init; }

    /// <summary>Offering name.</summary>
    public string? OfferingName { get; init; }

    /// <summary>Offering type.</summary>
    public string? OfferingType { get; init; }

    /// <summary>Offering backend id.</summary>
    public string? OfferingBackendId { get; init; }

    /// <summary>Plugin options of the offering.</summary>
    public OfferingPluginOptions? OfferingPluginOptions { get; init; }

    /// <summary>Offering state.</summary>
    public string? OfferingState { get; init; }

    /// <summary>API URL of the plan.</summary>
    public string? Plan { get; init; }

    /// <summary>Plan uuid.</summary>
    public Guid? PlanUuid { get; init; }

    /// <summary>Plan name.</summary>
    public string? PlanName { get; init; }

    /// <summary>Resource attributes (free-form, from the create order).</summary>
    public JsonElement? Attributes { get; init; }

    /// <summary>Current limits by component type, in Waldur units.</summary>
    public IReadOnlyDictionary<string, decimal>? Limits { get; init; }

    /// <summary>Current usages by component type.</summary>
    public IReadOnlyDictionary<string, decimal>? CurrentUsages { get; init; }

    /// <summary>Backend metadata stored by the agent (free-form).</summary>
    public JsonElement? BackendMetadata { get; init; }

    /// <summary>When the resource was created.</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>When the resource last changed.</summary>
    public DateTimeOffset? Modified { get; init; }

    /// <summary>API URL of the project.</summary>
    public string? Project { get; init; }

    /// <summary>Project uuid.</summary>
    public Guid? ProjectUuid { get; init; }

    /// <summary>Project name.</summary>
    public string? ProjectName { get; init; }

    /// <summary>Project slug.</summary>
    public string? ProjectSlug { get; init; }

    /// <summary>Project description.</summary>
    public string? ProjectDescription { get; init; }

    /// <summary>Project end date.</summary>
    public DateOnly? ProjectEndDate { get; init; }

    /// <summary>Customer uuid.</summary>
    public Guid? CustomerUuid { get; init; }

    /// <summary>Customer name.</summary>
    public string? CustomerName { get; init; }

    /// <summary>Customer slug.</summary>
    public string? CustomerSlug { get; init; }

    /// <summary>Provider uuid.</summary>
    public Guid? ProviderUuid { get; init; }

    /// <summary>Resource end date.</summary>
    public DateOnly? EndDate { get; init; }

    /// <summary>When the end date last changed.</summary>
    public DateTimeOffset? EndDateUpdatedAt { get; init; }

    /// <summary>Only the owner may access the resource.</summary>
    public bool? RestrictMemberAccess { get; init; }

    /// <summary>The resource is paused.</summary>
    public bool? Paused { get; init; }

    /// <summary>The resource is downscaled.</summary>
    public bool? Downscaled { get; init; }

    /// <summary>Access endpoints.</summary>
    public IReadOnlyList<NestedEndpoint>? Endpoints { get; init; }

    /// <summary>Error message of an erred resource.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>Error traceback of an erred resource.</summary>
    public string? ErrorTraceback { get; init; }

    /// <summary>When the agent last synced the resource.</summary>
    public DateTimeOffset? LastSync { get; init; }

    /// <summary>Username of the current user on the resource.</summary>
    public string? Username { get; init; }

    /// <summary>The resource is billed by usage.</summary>
    public bool? IsUsageBased { get; init; }

    /// <summary>The resource is billed by limit.</summary>
    public bool? IsLimitBased { get; init; }

    /// <summary>The order in progress, if any.</summary>
    public OrderDetails? OrderInProgress { get; init; }
}

/// <summary>An access endpoint of a resource (schema <c>NestedEndpoint</c>).</summary>
public sealed record NestedEndpoint
{
    /// <summary>Endpoint uuid.</summary>
    public Guid? Uuid { get; init; }

    /// <summary>Display name.</summary>
    public string? Name { get; init; }

    /// <summary>URL.</summary>
    public string? Url { get; init; }
}

/// <summary>A member of a resource's project team (schema <c>ProjectUser</c>).</summary>
public sealed record ProjectUser
{
    /// <summary>User uuid.</summary>
    public required Guid Uuid { get; init; }

    /// <summary>Waldur username.</summary>
    public string? Username { get; init; }

    /// <summary>API URL of the user.</summary>
    public string? Url { get; init; }

    /// <summary>Full name.</summary>
    public string? FullName { get; init; }

    /// <summary>E-mail.</summary>
    public string? Email { get; init; }

    /// <summary>Role name in the project.</summary>
    public string? Role { get; init; }

    /// <summary>When the role expires.</summary>
    public DateTimeOffset? ExpirationTime { get; init; }

    /// <summary>Username of the user's offering user, if any.</summary>
    public string? OfferingUserUsername { get; init; }

    /// <summary>State of the user's offering user (null when none), one of <see cref="OfferingUserState"/>.</summary>
    public string? OfferingUserState { get; init; }
}
