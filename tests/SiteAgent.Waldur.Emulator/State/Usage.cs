namespace SiteAgent.Waldur.Emulator.State;

/// <summary>Usage of one component of one resource for one billing period (<c>ComponentUsage</c>).</summary>
public sealed class ComponentUsage : Entity
{
    public required Resource Resource { get; init; }
    public required OfferingComponent Component { get; init; }
    public required DateOnly BillingPeriod { get; init; }
    public DateTimeOffset Date { get; set; }
    public decimal Usage { get; set; }
    public string Description { get; set; } = "";
    public bool Recurring { get; set; }
    public List<ComponentUserUsage> UserUsages { get; } = [];
}

/// <summary>One user's share of a component usage (<c>ComponentUserUsage</c>).</summary>
public sealed class ComponentUserUsage : Entity
{
    public required ComponentUsage ComponentUsage { get; init; }
    public required string Username { get; init; }
    public OfferingUser? OfferingUser { get; set; }
    public decimal Usage { get; set; }
    public DateTimeOffset Date { get; set; }
    public string Description { get; set; } = "";
    public string BackendId { get; set; } = "";
}

/// <summary>A per-user limit of a component on a resource (<c>ComponentUserUsageLimit</c>).</summary>
public sealed class ComponentUserUsageLimit : Entity
{
    public required Resource Resource { get; init; }
    public required OfferingComponent Component { get; init; }
    public required User User { get; init; }
    public decimal Limit { get; set; }
}
