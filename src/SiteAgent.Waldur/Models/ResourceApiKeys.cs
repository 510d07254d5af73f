using SiteAgent.Waldur.Secrets;

namespace SiteAgent.Waldur.Models;

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
