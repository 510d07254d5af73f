using System.Text.Json.Nodes;

namespace SiteAgent.Waldur.Emulator.State;

/// <summary>Resource states as the API spells them (<c>ResourceState</c>).</summary>
public static class ResourceStates
{
    public const string Creating = "Creating", Ok = "OK", Erred = "Erred", Updating = "Updating", Terminating = "Terminating", Terminated = "Terminated";
}

/// <summary>Order states as the API spells them (<c>OrderState</c>).</summary>
public static class OrderStates
{
    public const string PendingConsumer = "pending-consumer", PendingProvider = "pending-provider", PendingProject = "pending-project",
        PendingStartDate = "pending-start-date", Executing = "executing", Done = "done", Erred = "erred", Canceled = "canceled", Rejected = "rejected";

    /// <summary>Every state, in the schema's order.</summary>
    public static readonly string[] All = [PendingConsumer, PendingProvider, PendingProject, PendingStartDate, Executing, Done, Erred, Canceled, Rejected];
}

/// <summary>Order types (<c>RequestTypes</c>).</summary>
public static class OrderTypes
{
    public const string Create = "Create", Update = "Update", Terminate = "Terminate", Restore = "Restore";
}

/// <summary>A marketplace resource (an allocation on the site); property names follow <c>Resource</c>.</summary>
public sealed class Resource : Entity
{
    public required string Name { get; set; }
    public required string Slug { get; set; }
    public required Offering Offering { get; init; }
    public required Project Project { get; init; }
    public Plan? Plan { get; set; }
    public string State { get; set; } = ResourceStates.Creating;
    public string BackendId { get; set; } = "";
    public string EffectiveId { get; set; } = "";
    public string Description { get; set; } = "";
    public Dictionary<string, long> Limits { get; set; } = [];
    public JsonObject Attributes { get; set; } = [];
    public JsonObject BackendMetadata { get; set; } = [];
    public List<ResourceEndpoint> Endpoints { get; } = [];
    public DateOnly? EndDate { get; set; }
    public DateTimeOffset? EndDateUpdatedAt { get; set; }
    public DateTimeOffset? LastSync { get; set; }
    public string ErrorMessage { get; set; } = "";
    public string ErrorTraceback { get; set; } = "";
    public bool Paused { get; set; }
    public bool Downscaled { get; set; }
    public bool RestrictMemberAccess { get; set; }

    /// <summary>Statuses stored by the 8.1.x <c>set_membership_sync_statuses</c> action.</summary>
    public JsonArray MembershipSyncStatuses { get; set; } = [];
}

/// <summary>An access endpoint of a resource.</summary>
public sealed class ResourceEndpoint : Entity
{
    public required string Name { get; set; }
    public required string Url { get; set; }
}

/// <summary>A marketplace order; property names follow <c>OrderDetails</c>.</summary>
public sealed class Order : Entity
{
    public required string Type { get; init; }
    public required Resource Resource { get; init; }
    public string State { get; set; } = OrderStates.PendingProvider;
    public Plan? Plan { get; set; }
    public Plan? OldPlan { get; set; }
    public Dictionary<string, long> Limits { get; set; } = [];
    public JsonObject Attributes { get; set; } = [];
    public string BackendId { get; set; } = "";
    public string ErrorMessage { get; set; } = "";
    public string ErrorTraceback { get; set; } = "";
    public string? RequestComment { get; set; }
    public string ProviderRejectionComment { get; set; } = "";
    public string ConsumerRejectionComment { get; set; } = "";
    public string? CallbackUrl { get; set; }
    public DateOnly? StartDate { get; set; }
    public string Slug { get; set; } = "";
    public User? CreatedBy { get; init; }
    public User? ProviderReviewedBy { get; set; }
    public DateTimeOffset? ProviderReviewedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public DateTimeOffset? ErrorUpdatedAt { get; set; }

    /// <summary>The offering, taken from the resource like Waldur does.</summary>
    public Offering Offering => Resource.Offering;

    /// <summary>The project, taken from the resource.</summary>
    public Project Project => Resource.Project;
}
