namespace SiteAgent.Backends.Capabilities;

/// <summary>
/// Mirrors a Waldur resource's <c>paused</c>/<c>downscaled</c> flags on the backend and reports the
/// backend's view back as metadata (contract.md §6.1). The membership sync calls, per resource and
/// cycle: pause when paused, else downscale when downscaled, else restore; then the metadata.
/// </summary>
[BackendCapability(BackendCapabilities.ResourceStatus)]
public interface IResourceStatusBackend
{
    /// <summary>Stops new work on the resource; false when the backend is not configured for it. The result is only logged.</summary>
    Task<bool> PauseResourceAsync(string backendId, CancellationToken cancellationToken);

    /// <summary>Restricts the resource; false when the backend is not configured for it. The result is only logged.</summary>
    Task<bool> DownscaleResourceAsync(string backendId, CancellationToken cancellationToken);

    /// <summary>Returns the resource to normal; false when it already was. The result is only logged.</summary>
    Task<bool> RestoreResourceAsync(string backendId, CancellationToken cancellationToken);

    /// <summary>Metadata that replaces the Waldur resource's <c>backend_metadata</c> (empty clears it).</summary>
    Task<IReadOnlyDictionary<string, string>> GetResourceMetadataAsync(string backendId, CancellationToken cancellationToken);

    /// <summary>
    /// How the backend's state of the resource differs from what Waldur's flags ask for (the <c>drift</c>
    /// command); null when it matches or the backend cannot tell. Reads only.
    /// </summary>
    Task<string?> DescribeStatusDriftAsync(string backendId, bool paused, bool downscaled, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(null);
}
