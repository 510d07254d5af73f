using SiteAgent.Waldur.Models;

namespace SiteAgent.Core.Membership;

/// <summary>
/// Membership sync statuses (<c>set_membership_sync_statuses</c>, opt-in per offering): one entry per team
/// member saying whether the member has access, and the last report sent per resource, so that an
/// unchanged report is not sent again while the agent runs.
/// </summary>
/// <remarks>
/// The reference asks the backend for this report, and none of its backends in scope produces one; here
/// it is derived from the sync itself for every backend. States: <c>synced</c> (has access),
/// <c>pending</c> (no site username yet), <c>failed</c> (adding failed this cycle), <c>restricted</c>
/// (the resource is member-restricted).
/// </remarks>
public sealed class MembershipStatusMemory
{
    private readonly Dictionary<Guid, string> _sent = [];
    private readonly Lock _gate = new();

    /// <summary>The statuses of a resource's team after its users were synced.</summary>
    public static IReadOnlyList<MemberSyncStatusEntry> Statuses(MemberAccessResult users) => users.Team
        .Where(m => m.Username.Length > 0)
        .OrderBy(m => m.Username, StringComparer.Ordinal)
        .Select(m =>
        {
            var (state, message) = users.Restricted ? ("restricted", "Member access to this resource is restricted.")
                : m.OfferingUserUsername.Length == 0 ? ("pending", "No username on this site yet.")
                : users.FailedToAdd.Contains(m.OfferingUserUsername) ? ("failed", "Granting access failed; the next sync tries again.")
                : users.Present.Contains(m.OfferingUserUsername) ? ("synced", (string?)null)
                : ("pending", "Access not granted yet.");
            return new MemberSyncStatusEntry { Username = m.Username, UserUuid = m.Uuid, ScopeType = "project", RoleName = m.Role, State = state, Message = message };
        }).ToList();

    /// <summary>True when <paramref name="statuses"/> differ from the last report sent for the resource.</summary>
    public bool Changed(Guid resource, IReadOnlyList<MemberSyncStatusEntry> statuses)
    {
        lock (_gate)
        {
            return !_sent.TryGetValue(resource, out var last) || last != Key(statuses);
        }
    }

    /// <summary>Records a report as sent.</summary>
    public void Remember(Guid resource, IReadOnlyList<MemberSyncStatusEntry> statuses)
    {
        lock (_gate)
        {
            _sent[resource] = Key(statuses);
        }
    }

    private static string Key(IReadOnlyList<MemberSyncStatusEntry> statuses) =>
        string.Join('\n', statuses.Select(s => $"{s.Username}\t{s.RoleName}\t{s.State}\t{s.Message}"));
}
