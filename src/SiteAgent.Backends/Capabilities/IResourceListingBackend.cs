using SiteAgent.Backends.Model;

namespace SiteAgent.Backends.Capabilities;

/// <summary>
/// Lists the backend's own resources, so that resources made outside Waldur can be offered for import.
/// Reads only.
/// </summary>
[BackendCapability(BackendCapabilities.ResourceListing)]
public interface IResourceListingBackend
{
    /// <summary>
    /// Every resource the backend holds, each with its <see cref="BackendResourceInfo.BackendId"/>, the
    /// backend id of its parent (<see cref="BackendResourceInfo.ParentId"/>, the project object it sits
    /// under; empty when none) and its <see cref="BackendResourceInfo.Limits"/> in Waldur units.
    /// </summary>
    Task<IReadOnlyList<BackendResourceInfo>> ListResourcesAsync(CancellationToken cancellationToken);
}
