namespace SiteAgent.Backends.Model;

/// <summary>
/// What a backend is told about a Waldur marketplace resource. Built by the core from the Waldur
/// API; values that reach command lines are validated by the backend before use.
/// </summary>
public sealed record ResourceRequest
{
    /// <summary>Waldur resource uuid.</summary>
    public required Guid Uuid { get; init; }

    /// <summary>Resource name (free text from end users).</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Resource slug (the default base of the backend id).</summary>
    public string Slug { get; init; } = string.Empty;

    /// <summary>The backend id stored in Waldur, empty when none.</summary>
    public string BackendId { get; init; } = string.Empty;

    /// <summary>Resource state in Waldur (<c>Creating</c>, <c>OK</c>, <c>Erred</c>…).</summary>
    public string State { get; init; } = string.Empty;

    /// <summary>Project uuid.</summary>
    public Guid? ProjectUuid { get; init; }

    /// <summary>Project slug.</summary>
    public string ProjectSlug { get; init; } = string.Empty;

    /// <summary>Project name (free text).</summary>
    public string ProjectName { get; init; } = string.Empty;

    /// <summary>Customer uuid.</summary>
    public Guid? CustomerUuid { get; init; }

    /// <summary>Customer slug.</summary>
    public string CustomerSlug { get; init; } = string.Empty;

    /// <summary>Customer name (free text).</summary>
    public string CustomerName { get; init; } = string.Empty;

    /// <summary>Current limits in Waldur units, by component type.</summary>
    public IReadOnlyDictionary<string, decimal> Limits { get; init; } = new Dictionary<string, decimal>();

    /// <summary>Order attributes as text (e.g. a requested partition), by name.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();

    /// <summary>When the resource was created.</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>Resource end date, if any.</summary>
    public DateTimeOffset? EndDate { get; init; }

    /// <summary>The plan the resource uses.</summary>
    public Guid? PlanUuid { get; init; }

    /// <summary>Resource is paused in Waldur.</summary>
    public bool Paused { get; init; }

    /// <summary>Resource is downscaled in Waldur.</summary>
    public bool Downscaled { get; init; }

    /// <summary>Only the owner may access it (no team members are added).</summary>
    public bool RestrictMemberAccess { get; init; }
}

/// <summary>A marketplace order as far as a backend may judge it (evaluation of pending orders).</summary>
public sealed record OrderSummary(
    Guid Uuid,
    string Type,
    string State,
    string ResourceName,
    string ProjectSlug,
    IReadOnlyDictionary<string, decimal> Limits,
    IReadOnlyDictionary<string, string> Attributes);

/// <summary>A backend's verdict on an order waiting for the provider.</summary>
public enum PendingOrderDecision
{
    /// <summary>Approve and provision.</summary>
    Accept,

    /// <summary>Reject by provider.</summary>
    Reject,

    /// <summary>Leave pending; re-evaluate next cycle.</summary>
    Pending,
}
