using System.Text.Json;
using SiteAgent.Backends.Capabilities;

namespace SiteAgent.TestBackend;

/// <content>User attributes: kept by username, values as JSON text; only valid usernames reach the store.</content>
public sealed partial class MemoryBackend : IUserAttributesBackend
{
    /// <inheritdoc />
    public Task UpdateUserAttributesAsync(string username, IReadOnlyDictionary<string, JsonElement> attributes, CancellationToken cancellationToken)
    {
        var user = MemoryNames.Username(username);
        Store.WriteUserAttributes(user, attributes.ToDictionary(a => a.Key, a => a.Value.GetRawText(), StringComparer.Ordinal));
        return Task.CompletedTask;
    }
}
