using System.Security.Cryptography;
using SiteAgent.Backends;
using SiteAgent.Backends.Capabilities;

namespace SiteAgent.TestBackend;

/// <content>
/// Resource API keys: each resource keeps secrets by client id. A rotation puts the new secret in
/// force before anything is removed, and creates a key the resource no longer has, so running it
/// again converges.
/// </content>
public sealed partial class MemoryBackend : IResourceApiKeyBackend
{
    /// <inheritdoc />
    public Task<IReadOnlyList<ResourceKey>> GenerateResourceKeysAsync(string backendId, int count, CancellationToken cancellationToken)
    {
        var id = MemoryNames.Id(backendId, "resource backend_id");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var keys = Store.Run($"generate-keys {id} {count}", r =>
        {
            var keys = ResourceOf(r, id).Keys;
            var made = Enumerable.Range(0, count).Select(_ => new ResourceKey(NewClientId(id), NewSecret())).ToList();
            foreach (var key in made)
            {
                keys[key.ClientId] = key.ApiKey;
            }

            return made;
        });
        return Task.FromResult<IReadOnlyList<ResourceKey>>(keys);
    }

    /// <inheritdoc />
    public Task<RotatedResourceKey> RotateResourceKeyAsync(string clientId, string backendId, IReadOnlySet<string>? knownClientIds, CancellationToken cancellationToken)
    {
        var id = MemoryNames.Id(backendId, "resource backend_id");
        var client = MemoryNames.Id(clientId, "client_id");
        var rotated = Store.Run($"rotate-key {id} {client}", r =>
        {
            var keys = ResourceOf(r, id).Keys;
            var result = new RotatedResourceKey(NewSecret(), Store.RotateClientIds ? NewClientId(id) : null);
            keys[result.ClientId ?? client] = result.ApiKey;
            if (result.ClientId is not null)
            {
                keys.Remove(client);
            }

            Prune(keys, knownClientIds, result.ClientId ?? client);
            return result;
        });
        return Task.FromResult(rotated);
    }

    /// <inheritdoc />
    public Task PruneUnknownResourceKeysAsync(string backendId, IReadOnlySet<string>? keep, CancellationToken cancellationToken)
    {
        var id = MemoryNames.Id(backendId, "resource backend_id");
        Store.Run($"prune-keys {id}", r =>
        {
            Prune(ResourceOf(r, id).Keys, keep, null);
            return 0;
        });
        return Task.CompletedTask;
    }

    private static StoredResource ResourceOf(Dictionary<string, StoredResource> resources, string id) =>
        resources.GetValueOrDefault(id) ?? throw new BackendException($"resource {id} does not exist in the memory backend; its keys cannot change");

    private static void Prune(Dictionary<string, string> keys, IReadOnlySet<string>? keep, string? alsoKeep)
    {
        if (keep is null)
        {
            return;
        }

        foreach (var unknown in keys.Keys.Where(k => !keep.Contains(k) && k != alsoKeep).ToList())
        {
            keys.Remove(unknown);
        }
    }

    private static string NewClientId(string backendId) => $"{backendId}-{RandomNumberGenerator.GetHexString(12, lowercase: true)}";

    private static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
