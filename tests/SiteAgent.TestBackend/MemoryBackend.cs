using SiteAgent.Backends;
using SiteAgent.Backends.Capabilities;
using SiteAgent.Backends.Model;

namespace SiteAgent.TestBackend;

/// <summary>
/// A backend that keeps its resources in a <see cref="MemoryStore"/>: what the core and the conformance
/// suite need of a backend (orders, membership, usage, status, limits) without a resource manager.
/// </summary>
/// <remarks>
/// It behaves as a real backend must: every Waldur value is validated before the store is touched
/// (<see cref="MemoryNames"/>), a backend object belongs to the Waldur resource that created it, and
/// nothing is written to an object that is not the resource's own.
/// </remarks>
[Backend("memory",
    Settings = typeof(MemoryBackendSettings),
    DisplayName = "In-memory test backend",
    Description = "Keeps resources, users, limits and usage in memory; for tests of the core and the conformance suite.")]
public sealed partial class MemoryBackend : IOrderProcessingBackend
{
    private readonly BackendContext _context;

    /// <summary>Creates the backend over the store its settings name.</summary>
    public MemoryBackend(MemoryBackendSettings settings, BackendContext context)
    {
        _context = context;
        Store = MemoryStore.Get(settings.Store);
    }

    /// <summary>The store this instance works on.</summary>
    public MemoryStore Store { get; }

    /// <inheritdoc />
    public Task<BackendResourceInfo?> PullResourceAsync(ResourceRequest resource, CancellationToken cancellationToken)
    {
        var id = MemoryNames.Id(resource.BackendId, "resource backend_id");
        var stored = Store.Run($"pull {id}", r => r.GetValueOrDefault(id)?.Copy());
        return Task.FromResult(stored is null ? null : new BackendResourceInfo
        {
            BackendId = id,
            ParentId = stored.Project,
            Users = stored.Users.ToList(),
            Limits = stored.Limits,
        });
    }

    /// <inheritdoc />
    public Task<bool> ExistsAsync(ResourceRequest resource, CancellationToken cancellationToken)
    {
        var id = MemoryNames.Id(resource.BackendId, "resource backend_id");
        return Task.FromResult(Store.Run($"exists {id}", r => r.ContainsKey(id)));
    }

    /// <inheritdoc />
    public string BackendIdFor(string candidate) => MemoryNames.Id(candidate, "resource backend_id");

    /// <inheritdoc />
    public Task<Ownership> CheckOwnershipAsync(ResourceRequest resource, CancellationToken cancellationToken)
    {
        var id = MemoryNames.Id(resource.BackendId, "resource backend_id");
        return Task.FromResult(Store.Run($"owner {id}", r => OwnershipOf(r, id, resource.Uuid)));
    }

    /// <inheritdoc />
    public Task<BackendResourceInfo> CreateResourceAsync(ResourceRequest resource, string backendId, UserContext userContext, CancellationToken cancellationToken)
    {
        var (id, project) = MemoryNames.Resource(resource, backendId);
        var limits = MemoryNames.Limits(resource.Limits, _context);
        Store.Run($"create {id}", r =>
        {
            if (r.ContainsKey(id))
            {
                throw new DuplicateResourceException(id);
            }

            r[id] = new StoredResource { Owner = resource.Uuid, Project = project, Limits = limits };
            return 0;
        });
        return Task.FromResult(new BackendResourceInfo { BackendId = id, ParentId = project, Limits = limits });
    }

    /// <inheritdoc />
    public Task<string?> SetResourceLimitsAsync(ResourceRequest resource, IReadOnlyDictionary<string, decimal> waldurLimits, CancellationToken cancellationToken)
    {
        var id = MemoryNames.Id(resource.BackendId, "resource backend_id");
        var limits = MemoryNames.Limits(waldurLimits, _context);
        Store.Run($"set-limits {id}", r =>
        {
            foreach (var (component, value) in limits)
            {
                Owned(r, id, resource).Limits[component] = value;
            }

            return 0;
        });
        return Task.FromResult<string?>(null);
    }

    /// <inheritdoc />
    public Task<string?> DeleteResourceAsync(ResourceRequest resource, string projectSlug, CancellationToken cancellationToken)
    {
        if (resource.BackendId.Length == 0)
        {
            return Task.FromResult<string?>(null);
        }

        var id = MemoryNames.Id(resource.BackendId, "resource backend_id");
        Store.Run($"delete {id}", r => r.ContainsKey(id) && Owned(r, id, resource) is not null && r.Remove(id));
        return Task.FromResult<string?>(null);
    }

    private static Ownership OwnershipOf(Dictionary<string, StoredResource> resources, string id, Guid resource) =>
        !resources.TryGetValue(id, out var stored) ? Ownership.Absent
        : stored.Owner == resource ? Ownership.Owned
        : Ownership.NotOwned($"backend resource {id} belongs to resource {stored.Owner:N}");

    // The stored object when it is the resource's own; absent or another's throws before anything is written.
    private static StoredResource Owned(Dictionary<string, StoredResource> resources, string id, ResourceRequest resource)
    {
        var ownership = OwnershipOf(resources, id, resource.Uuid);
        return ownership.State switch
        {
            OwnershipState.Owned => resources[id],
            OwnershipState.Absent => throw new BackendException($"Backend resource {id} of resource {resource.Name} ({resource.Uuid:N}) does not exist"),
            _ => throw new NotOwnedException($"Not changing backend resource {id} for resource {resource.Name} ({resource.Uuid:N}): {ownership.Reason}"),
        };
    }
}
