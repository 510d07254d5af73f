using System.Text.Json;
using System.Text.Json.Nodes;

namespace SiteAgent.Waldur.Models;

/// <summary>A request from Waldur to list importable backend resources (schema <c>BackendResourceReq</c>).</summary>
public sealed record BackendResourceRequestDetails
{
    /// <summary>Request uuid.</summary>
    public required Guid Uuid { get; init; }

    /// <summary>State (<c>Sent</c>, <c>Processing</c>, <c>Done</c>, <c>Erred</c>).</summary>
    public string? State { get; init; }

    /// <summary>Offering uuid.</summary>
    public Guid? Offering { get; init; }

    /// <summary>Offering name.</summary>
    public string? OfferingName { get; init; }

    /// <summary>When processing started.</summary>
    public DateTimeOffset? Started { get; init; }

    /// <summary>When processing finished.</summary>
    public DateTimeOffset? Finished { get; init; }

    /// <summary>Error message.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>When the request was created.</summary>
    public DateTimeOffset? Created { get; init; }
}

/// <summary>An importable backend resource (schema <c>BackendResource</c>).</summary>
public sealed record BackendResource
{
    /// <summary>Backend resource uuid; <see cref="Guid.Empty"/> in dry-run.</summary>
    public required Guid Uuid { get; init; }

    /// <summary>Name.</summary>
    public string? Name { get; init; }

    /// <summary>Project uuid.</summary>
    public Guid? Project { get; init; }

    /// <summary>Project name.</summary>
    public string? ProjectName { get; init; }

    /// <summary>Offering uuid.</summary>
    public Guid? Offering { get; init; }

    /// <summary>Backend id.</summary>
    public string? BackendId { get; init; }

    /// <summary>Backend metadata (free-form).</summary>
    public JsonElement? BackendMetadata { get; init; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset? Created { get; init; }
}

/// <summary>Body of <c>backend_resources_create</c> (schema <c>BackendResourceRequest</c>).</summary>
public sealed record BackendResourceCreateRequest
{
    /// <summary>Name (the reference uses the backend id).</summary>
    public required string Name { get; init; }

    /// <summary>Project uuid.</summary>
    public required Guid Project { get; init; }

    /// <summary>Offering uuid.</summary>
    public required Guid Offering { get; init; }

    /// <summary>Backend id.</summary>
    public string? BackendId { get; init; }

    /// <summary>Backend metadata, e.g. <c>{"limits": {…}}</c>.</summary>
    public JsonObject? BackendMetadata { get; init; }
}
