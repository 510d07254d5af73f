namespace SiteAgent.Backends.Model;

/// <summary>What a backend returns to the core about one backend resource.</summary>
public sealed record BackendResourceInfo
{
    /// <summary>The backend id; must be non-empty after a create.</summary>
    public string BackendId { get; init; } = string.Empty;

    /// <summary>Parent (project) backend id, for resource import.</summary>
    public string ParentId { get; init; } = string.Empty;

    /// <summary>Usernames present on the backend resource.</summary>
    public IReadOnlyList<string> Users { get; init; } = [];

    /// <summary>Usage of the current month, when the backend read it.</summary>
    public ResourceUsage? Usage { get; init; }

    /// <summary>Limits in Waldur units to write back after a create (empty: none).</summary>
    public IReadOnlyDictionary<string, decimal> Limits { get; init; } = new Dictionary<string, decimal>();

    /// <summary>Remote order id of an asynchronous backend; empty when the work is complete.</summary>
    public string PendingOrderId { get; init; } = string.Empty;

    /// <summary>Metadata to store on the Waldur resource (empty: none).</summary>
    public IReadOnlyDictionary<string, string> BackendMetadata { get; init; } = new Dictionary<string, string>();

    /// <summary>Access endpoints to publish on the Waldur resource.</summary>
    public IReadOnlyList<ResourceEndpoint> Endpoints { get; init; } = [];
}

/// <summary>A named URL shown to users of a resource.</summary>
public sealed record ResourceEndpoint(string Name, string Url);
