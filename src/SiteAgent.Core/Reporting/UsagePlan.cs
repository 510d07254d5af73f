namespace SiteAgent.Core.Reporting;

/// <summary>What becomes of a resource's usage total in one period.</summary>
public enum TotalDecision
{
    /// <summary>Send <c>set_usage</c>: a component is new or changed.</summary>
    Submit,

    /// <summary>Waldur already holds exactly these amounts: send nothing.</summary>
    Unchanged,

    /// <summary>Usage went down, or Waldur holds duplicate records: send nothing, per-user usage included.</summary>
    Anomaly,
}

/// <summary>One user's usage of one component, rounded to two decimals.</summary>
/// <param name="Username">The name Waldur records: the offering user's username when one matches, else the backend's.</param>
/// <param name="Amount">Amount in Waldur units.</param>
/// <param name="OfferingUserUrl">API URL of the matching offering user; null for a backend user Waldur does not know.</param>
public sealed record UserUsageItem(string Username, decimal Amount, string? OfferingUserUrl);

/// <summary>The per-user usages of one component that differ from what Waldur holds.</summary>
/// <param name="ComponentType">Component type.</param>
/// <param name="ParentUuid">The component usage record they belong to; null when <c>set_usage</c> creates it first.</param>
/// <param name="Items">New or changed users only.</param>
public sealed record UserUsageBatch(string ComponentType, Guid? ParentUuid, IReadOnlyList<UserUsageItem> Items);

/// <summary>The Waldur writes one resource's usage in one period needs (nothing when Waldur is up to date).</summary>
public sealed record UsagePlan
{
    /// <summary>What happens to the total.</summary>
    public required TotalDecision Decision { get; init; }

    /// <summary>Why the total is an anomaly; empty otherwise.</summary>
    public string AnomalyReason { get; init; } = string.Empty;

    /// <summary>Total per component Waldur's offering knows, rounded to two decimals.</summary>
    public required IReadOnlyDictionary<string, decimal> Totals { get; init; }

    /// <summary>Reported components the offering does not have (dropped).</summary>
    public IReadOnlyList<string> UnknownComponents { get; init; } = [];

    /// <summary>Per-user usages to send, one batch per component with changes.</summary>
    public IReadOnlyList<UserUsageBatch> UserUsages { get; init; } = [];

    /// <summary>True when the plan sends nothing.</summary>
    public bool IsEmpty => Decision != TotalDecision.Submit && UserUsages.Count == 0;
}
