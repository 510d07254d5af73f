using SiteAgent.Backends.Model;

namespace SiteAgent.Core.Membership;

/// <summary>
/// Who should gain or lose access to one resource: team members are keyed by their
/// offering username; names are compared ignoring case, as SLURM folds user names.
/// </summary>
/// <param name="Existing">Team members the backend already has.</param>
/// <param name="New">Team members to add.</param>
/// <param name="Stale">Backend users to remove.</param>
public sealed record TeamDiff(IReadOnlyList<string> Existing, IReadOnlyList<string> New, IReadOnlyList<string> Stale)
{
    /// <summary>Compares the team with the backend's users.</summary>
    /// <param name="team">The resource's project team.</param>
    /// <param name="backendUsers">Users the backend resource has.</param>
    /// <param name="keep">Backend users that are not team members but belong there (OK service and course accounts); never stale.</param>
    /// <param name="restricted">The resource is member-restricted: nobody is added and every backend user but <paramref name="keep"/> is stale.</param>
    /// <remarks>
    /// Members without an offering username cannot be added yet and are left out. Everyone else on the
    /// backend is stale, even users whose offering user is gone. In the restricted case the reference
    /// removed only team members, leaving former members in place; here they go too.
    /// </remarks>
    public static TeamDiff Compute(IReadOnlyList<TeamMember> team, IReadOnlyCollection<string> backendUsers, IReadOnlySet<string> keep, bool restricted)
    {
        var wanted = team.Select(m => m.OfferingUserUsername).Where(u => !string.IsNullOrWhiteSpace(u))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var present = backendUsers.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var kept = keep.ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (restricted)
        {
            return new TeamDiff([], [], backendUsers.Where(u => !kept.Contains(u)).Order(StringComparer.Ordinal).ToList());
        }

        var members = wanted.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new TeamDiff(
            wanted.Where(present.Contains).Order(StringComparer.Ordinal).ToList(),
            wanted.Where(u => !present.Contains(u)).Order(StringComparer.Ordinal).ToList(),
            backendUsers.Where(u => !members.Contains(u) && !kept.Contains(u)).Order(StringComparer.Ordinal).ToList());
    }
}
