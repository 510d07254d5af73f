using System.Text.Json.Nodes;

namespace SiteAgent.Waldur.Emulator.State;

/// <summary>A backend resource reported as importable (<c>BackendResource</c>).</summary>
public sealed class BackendResource : Entity
{
    public required string Name { get; set; }
    public required Project Project { get; init; }
    public required Offering Offering { get; init; }
    public string BackendId { get; set; } = "";
    public JsonObject BackendMetadata { get; set; } = [];
}

/// <summary>A request to list importable resources (<c>BackendResourceReq</c>): Sent → Processing → Done/Erred.</summary>
public sealed class BackendResourceRequest : Entity
{
    public required Offering Offering { get; init; }
    public string State { get; set; } = "Sent";
    public DateTimeOffset? Started { get; set; }
    public DateTimeOffset? Finished { get; set; }
    public string ErrorMessage { get; set; } = "";
    public string ErrorTraceback { get; set; } = "";
}

/// <summary>A provider's "sync the offering's resources" action; Waldur announces it as an <c>offering_resources_sync</c> event.</summary>
public sealed class OfferingResourcesSyncRequest : Entity
{
    public required Offering Offering { get; init; }
    public User? RequestedBy { get; init; }
}

/// <summary>A SLURM periodic usage policy of an offering, with the command results agents reported.</summary>
public sealed class SlurmPeriodicUsagePolicy : Entity
{
    public required Offering Offering { get; init; }
    public string Actions { get; set; } = "notify_organization_owners";
    public int Period { get; set; } = 3;
    public string LimitType { get; set; } = "GrpTRESMins";
    public string QosStrategy { get; set; } = "threshold";
    public Dictionary<string, long> ComponentLimits { get; set; } = [];
    public List<JsonObject> CommandResults { get; } = [];
}
