using SiteAgent.Backends.Capabilities;
using SiteAgent.Backends.Model;

namespace SiteAgent.TestBackend;

/// <content>Users of a resource: only valid usernames reach the store; invalid ones are left out of the answer.</content>
public sealed partial class MemoryBackend : IMembershipBackend
{
    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, IReadOnlySet<string>>> ReadMembershipAsync(IReadOnlyList<string> backendIds, CancellationToken cancellationToken)
    {
        var ids = backendIds.Select(id => MemoryNames.Id(id, "resource backend_id")).ToList();
        var found = Store.Run($"read-membership {string.Join(',', ids)}", r => ids.Where(r.ContainsKey)
            .ToDictionary(id => id, id => (IReadOnlySet<string>)new HashSet<string>(r[id].Users, StringComparer.Ordinal), StringComparer.Ordinal));
        return Task.FromResult<IReadOnlyDictionary<string, IReadOnlySet<string>>>(found);
    }

    /// <inheritdoc />
    public Task<IReadOnlySet<string>> AddUsersAsync(ResourceRequest resource, IReadOnlyList<string> usernames, MembershipDetails details, CancellationToken cancellationToken) =>
        ChangeUsersAsync("add-users", resource, usernames, (users, user) =>
        {
            users.Add(user);
            return true;
        });

    /// <inheritdoc />
    public Task<IReadOnlySet<string>> RemoveUsersAsync(ResourceRequest resource, IReadOnlyList<string> usernames, MembershipDetails details, CancellationToken cancellationToken) =>
        ChangeUsersAsync("remove-users", resource, usernames, (users, user) => users.Remove(user));

    private Task<IReadOnlySet<string>> ChangeUsersAsync(string operation, ResourceRequest resource, IReadOnlyList<string> usernames, Func<SortedSet<string>, string, bool> change)
    {
        var id = MemoryNames.Id(resource.BackendId, "resource backend_id");
        var valid = usernames.Where(MemoryNames.IsUsername).Distinct(StringComparer.Ordinal).ToList();
        if (valid.Count == 0)
        {
            return Task.FromResult<IReadOnlySet<string>>(new HashSet<string>());
        }

        var changed = Store.Run($"{operation} {id} {string.Join(',', valid)}", r =>
        {
            var users = Owned(r, id, resource).Users;
            return valid.Where(user => change(users, user)).ToHashSet(StringComparer.Ordinal);
        });
        return Task.FromResult<IReadOnlySet<string>>(changed);
    }
}
