using SiteAgent.Backends.Model;

namespace SiteAgent.Backends.Capabilities;

/// <summary>
/// Mirrors a Waldur resource's <c>paused</c>/<c>downscaled</c> flags on the backend and reports the
/// backend's view back as metadata. The membership sync calls, per resource and
/// cycle: pause when paused, else downscale when downscaled, else restore; then the metadata. The
/// three writes take the resource, not only its id, so that a backend can check that the object is the
/// resource's own first (<see cref="NotOwnedException"/> otherwise).
/// </summary>
[BackendCapability(BackendCapabilities.ResourceStatus)]
public interface IResourceStatusBackend
{
    /// <summary>Stops new work on the resource; false when the backend is not configured for it. The result is only logged.</summary>
    Task<bool> PauseResourceAsync(ResourceRequest resource, CancellationToken cancellationToken);

    /// <summary>Restricts the resource; false when the backend is not configured for it. The result is only logged.</summary>
    Task<bool> DownscaleResourceAsync(ResourceRequest resource, CancellationToken cancellationToken);

    /// <summary>Returns the resource to normal; false when it already was. The result is only logged.</summary>
    Task<bool> RestoreResourceAsync(ResourceRequest resource, CancellationToken cancellationToken);

    /// <summary>Metadata that replaces the Waldur resource's <c>backend_metadata</c> (empty clears it).</summary>
    Task<IReadOnlyDictionary<string, string>> GetResourceMetadataAsync(string backendId, CancellationToken cancellationToken);

    /// <summary>
    /// How the backend's state of the resource differs from what Waldur's flags ask for (the <c>drift</c>
    /// command); null when it matches or the backend cannot tell. Reads only.
    /// </summary>
    Task<string?> DescribeStatusDriftAsync(string backendId, bool paused, bool downscaled, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(null);
}
