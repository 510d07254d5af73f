namespace SiteAgent.Backends.Capabilities;

/// <summary>
/// API keys that give a resource's users access to a service the backend runs (Waldur's resource API
/// keys). Waldur holds each key's client id and secret; the backend holds what it accepts.
/// </summary>
[BackendCapability(BackendCapabilities.ResourceApiKeys)]
public interface IResourceApiKeyBackend
{
    /// <summary>Creates <paramref name="count"/> new keys for the resource and returns them.</summary>
    Task<IReadOnlyList<ResourceKey>> GenerateResourceKeysAsync(string backendId, int count, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the secret of the key <paramref name="clientId"/> and returns the new secret (and the new
    /// client id, for backends whose public id changes on rotation). The new key is in force before the
    /// old one is removed, and rotating a key the backend no longer has creates it, so a rotation
    /// interrupted half-way converges when it runs again. <paramref name="knownClientIds"/> are the
    /// client ids Waldur holds for the resource, or null when unknown: keys outside the set may be
    /// removed, and with null none is.
    /// </summary>
    Task<RotatedResourceKey> RotateResourceKeyAsync(string clientId, string backendId, IReadOnlySet<string>? knownClientIds, CancellationToken cancellationToken);

    /// <summary>Removes the resource's keys whose client id is not in <paramref name="keep"/>; null keeps every key.</summary>
    Task PruneUnknownResourceKeysAsync(string backendId, IReadOnlySet<string>? keep, CancellationToken cancellationToken);
}

/// <summary>A resource key: its public client id and its secret.</summary>
/// <param name="ClientId">Public id of the key.</param>
/// <param name="ApiKey">The secret; never logged.</param>
public sealed record ResourceKey(string ClientId, string ApiKey)
{
    /// <inheritdoc />
    public override string ToString() => $"ResourceKey {{ ClientId = {ClientId}, ApiKey = *** }}";
}

/// <summary>The result of a rotation: the new secret, and the new client id when it changed.</summary>
/// <param name="ApiKey">The new secret; never logged.</param>
/// <param name="ClientId">The new client id, or null when it stayed the same.</param>
public sealed record RotatedResourceKey(string ApiKey, string? ClientId = null)
{
    /// <inheritdoc />
    public override string ToString() => $"RotatedResourceKey {{ ApiKey = ***, ClientId = {ClientId} }}";
}
