using System.Text.Json;

namespace SiteAgent.Waldur.Models;

/// <summary>A SLURM periodic usage policy (schema <c>SlurmPeriodicUsagePolicy</c>).</summary>
public sealed record SlurmPeriodicUsagePolicy
{
    /// <summary>Policy uuid.</summary>
    public Guid? Uuid { get; init; }

    /// <summary>API URL of the scope (offering).</summary>
    public string? Scope { get; init; }

    /// <summary>Scope uuid.</summary>
    public Guid? ScopeUuid { get; init; }

    /// <summary>Scope name.</summary>
    public string? ScopeName { get; init; }

    /// <summary>Actions.</summary>
    public string? Actions { get; init; }

    /// <summary>Period (1-4).</summary>
    public int? Period { get; init; }

    /// <summary>Period name.</summary>
    public string? PeriodName { get; init; }

    /// <summary>Limit type (<c>GrpTRESMins</c>, <c>MaxTRESMins</c>, <c>GrpTRES</c>).</summary>
    public string? LimitType { get; init; }

    /// <summary>QoS strategy (<c>threshold</c>, <c>progressive</c>).</summary>
    public string? QosStrategy { get; init; }

    /// <summary>Component limits.</summary>
    public IReadOnlyList<NestedOfferingComponentLimit>? ComponentLimitsSet { get; init; }

    /// <summary>TRES billing is enabled.</summary>
    public bool? TresBillingEnabled { get; init; }

    /// <summary>TRES billing weights (free-form).</summary>
    public JsonElement? TresBillingWeights { get; init; }

    /// <summary>Carry-over factor.</summary>
    public int? CarryoverFactor { get; init; }

    /// <summary>Carry-over is enabled.</summary>
    public bool? CarryoverEnabled { get; init; }

    /// <summary>Grace ratio.</summary>
    public double? GraceRatio { get; init; }

    /// <summary>Raw usage is reset each period.</summary>
    public bool? RawUsageReset { get; init; }

    /// <summary>Warnings about the policy.</summary>
    public IReadOnlyList<string>? Warnings { get; init; }
}

/// <summary>A component limit of a policy (schema <c>NestedOfferingComponentLimit</c>).</summary>
public sealed record NestedOfferingComponentLimit
{
    /// <summary>Component type.</summary>
    public string? Type { get; init; }

    /// <summary>Limit.</summary>
    public long? Limit { get; init; }
}

/// <summary>Body of <c>report-command-result</c> (schema <c>SlurmCommandResultRequest</c>).</summary>
public sealed record SlurmCommandResultRequest
{
    /// <summary>Resource uuid.</summary>
    public required Guid ResourceUuid { get; init; }

    /// <summary>The commands succeeded.</summary>
    public required bool Success { get; init; }

    /// <summary>Error message.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>Mode (<c>production</c>, <c>emulator</c>).</summary>
    public string? Mode { get; init; }

    /// <summary>The commands that ran.</summary>
    public IReadOnlyList<string>? CommandsExecuted { get; init; }
}
