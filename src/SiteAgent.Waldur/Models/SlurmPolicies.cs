using System.Text.Json;
using SiteAgent.Waldur.Secrets;

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

/// <summary>A resource API key as the agent sees it (8.1.x <c>ResourceApiKeyStatus</c>, beyond the 8.0.9 schema).</summary>
public sealed record ResourceApiKeyStatus
{
    /// <summary>Key uuid.</summary>
    public required Guid Uuid { get; init; }

    /// <summary>Resource uuid.</summary>
    public Guid? ResourceUuid { get; init; }

    /// <summary>Resource backend id.</summary>
    public string? ResourceBackendId { get; init; }

    /// <summary>Client id of the key.</summary>
    public string? ClientId { get; init; }

    /// <summary>Key fingerprint.</summary>
    public string? Fingerprint { get; init; }

    /// <summary>State, one of <see cref="ResourceApiKeyState"/>.</summary>
    public string? State { get; init; }

    /// <summary>Error message.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>When the key last changed.</summary>
    public DateTimeOffset? Modified { get; init; }
}

/// <summary>Body of <c>report_created</c> (8.1.x <c>ResourceApiKeyReportCreatedRequest</c>).</summary>
/// <param name="Resource">Resource uuid.</param>
/// <param name="ClientId">Client id of the key.</param>
/// <param name="ApiKey">The key value (a secret: masked in dry-run plans).</param>
public sealed record ResourceApiKeyReportCreatedRequest(Guid Resource, string ClientId, string ApiKey)
{
    /// <inheritdoc />
    public override string ToString() => $"ResourceApiKeyReportCreatedRequest {{ Resource = {Resource}, ClientId = {ClientId}, ApiKey = {SecretRedactor.Mask} }}";
}

/// <summary>Body of <c>set_key</c> (8.1.x <c>ResourceApiKeySetKeyRequest</c>).</summary>
/// <param name="ApiKey">The rotated key value (a secret).</param>
/// <param name="ClientId">Client id, when it changed.</param>
public sealed record ResourceApiKeySetKeyRequest(string ApiKey, string? ClientId)
{
    /// <inheritdoc />
    public override string ToString() => $"ResourceApiKeySetKeyRequest {{ ApiKey = {SecretRedactor.Mask}, ClientId = {ClientId} }}";
}

/// <summary>Body of the API key <c>set_erred</c> action (8.1.x).</summary>
/// <param name="ErrorMessage">Why the rotation failed.</param>
public sealed record ResourceApiKeySetErredRequest(string ErrorMessage);
