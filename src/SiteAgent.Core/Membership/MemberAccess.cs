using Microsoft.Extensions.Logging;
using SiteAgent.Backends.Model;
using SiteAgent.Core.Observability;
using SiteAgent.Waldur;
using SiteAgent.Waldur.Models;

namespace SiteAgent.Core.Membership;

/// <summary>Who has access to a resource after its users were synced.</summary>
/// <param name="Team">The project team.</param>
/// <param name="Present">Team members with access (offering usernames).</param>
/// <param name="FailedToAdd">Team members whose addition failed this cycle.</param>
/// <param name="Restricted">The resource is member-restricted.</param>
public sealed record MemberAccessResult(IReadOnlyList<TeamMember> Team, IReadOnlySet<string> Present, IReadOnlySet<string> FailedToAdd, bool Restricted);

/// <summary>
/// The user steps of one resource's sync team members with a username in, users no
/// longer in the team out, then OK service and course accounts in and closed ones out.
/// </summary>
/// <remarks>
/// OK service and course accounts are not team members but are never removed as such: the reference
/// removed them as stale and added them back in the same cycle, two writes every cycle. When their
/// listing fails they are unknown, so nobody is removed that cycle rather than possibly them.
/// </remarks>
internal sealed partial class MemberAccess(MembershipContext context, ILogger logger)
{
    public async Task<MemberAccessResult> SyncAsync(Resource resource, ResourceRequest request, IReadOnlySet<string> backendUsers, CancellationToken cancellationToken)
    {
        var team = await context.Sources.TeamAsync(resource, cancellationToken).ConfigureAwait(false);
        ProjectAccounts? accounts;
        try
        {
            accounts = await context.Sources.AccountsAsync(resource, cancellationToken).ConfigureAwait(false);
        }
        catch (WaldurException ex) when (!ex.IsTransient)
        {
            LogAccountsFailed(logger, resource.Uuid, ex.Message);
            accounts = null;
        }

        var diff = TeamDiff.Compute(team, backendUsers, accounts?.Active ?? new HashSet<string>(), request.RestrictMemberAccess);
        var stale = diff.Stale;
        if (accounts is null && stale.Count > 0)
        {
            LogStaleKept(logger, resource.Uuid, string.Join(", ", stale));
            stale = [];
        }

        if (request.RestrictMemberAccess && stale.Count > 0)
        {
            LogRestricted(logger, resource.Uuid, stale.Count);
        }

        var details = diff.New.Count + stale.Count == 0 ? MembershipDetails.None : Details(team);
        var added = diff.New.Count == 0 ? new HashSet<string>()
            : await context.Backend.AddUsersAsync(request, diff.New, details, cancellationToken).ConfigureAwait(false);
        var removed = stale.Count == 0 ? new HashSet<string>()
            : await context.Backend.RemoveUsersAsync(request, stale, details, cancellationToken).ConfigureAwait(false);
        Report(resource.Uuid, request.BackendId, added, removed, stale);

        var present = diff.Existing.Concat(added).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var failed = diff.New.Where(u => !added.Contains(u)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var onBackend = backendUsers.Concat(added).Where(u => !removed.Contains(u)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (accounts is not null)
        {
            await SyncAccountsAsync(resource.Uuid, request, accounts, onBackend, cancellationToken).ConfigureAwait(false);
        }

        return new MemberAccessResult(team, present, failed, request.RestrictMemberAccess);
    }

    /// <summary>OK service and course accounts in, closed ones out; best effort (failures are warnings).</summary>
    private async Task SyncAccountsAsync(Guid resource, ResourceRequest request, ProjectAccounts accounts, HashSet<string> onBackend, CancellationToken cancellationToken)
    {
        try
        {
            var add = accounts.Active.Where(a => !onBackend.Contains(a)).Order(StringComparer.Ordinal).ToList();
            var remove = accounts.Closed.Where(onBackend.Contains).Order(StringComparer.Ordinal).ToList();
            var added = add.Count == 0 ? new HashSet<string>()
                : await context.Backend.AddUsersAsync(request, add, MembershipDetails.None with { HomedirUmask = context.Session.Offering.CommonSettings.DefaultHomedirUmask }, cancellationToken).ConfigureAwait(false);
            var removed = remove.Count == 0 ? new HashSet<string>()
                : await context.Backend.RemoveUsersAsync(request, remove, MembershipDetails.None, cancellationToken).ConfigureAwait(false);
            Report(resource, request.BackendId, added, removed, remove);
        }
        catch (Exception ex) when (ex is SiteAgent.Backends.BackendException or WaldurException)
        {
            LogAccountsFailed(logger, resource, ex.Message);
        }
    }

    /// <summary>What backends are told about the members: CUIDs, roles, e-mails, offering-user states and attributes, by offering username.</summary>
    private MembershipDetails Details(IReadOnlyList<TeamMember> team)
    {
        var members = team.Where(m => m.OfferingUserUsername.Length > 0).GroupBy(m => m.OfferingUserUsername, StringComparer.Ordinal)
            .Select(g => g.First()).ToList();
        var offeringUsers = members.Select(m => context.Sources.ByUsername.GetValueOrDefault(m.OfferingUserUsername)).OfType<OfferingUser>()
            .ToDictionary(u => u.Username!, StringComparer.Ordinal);
        return new MembershipDetails
        {
            HomedirUmask = context.Session.Offering.CommonSettings.DefaultHomedirUmask,
            UserCuids = members.Where(m => m.Username.Length > 0).ToDictionary(m => m.OfferingUserUsername, m => m.Username, StringComparer.Ordinal),
            UserRoles = members.ToDictionary(m => m.OfferingUserUsername, m => m.Role, StringComparer.Ordinal),
            UserEmails = offeringUsers.Where(p => !string.IsNullOrEmpty(p.Value.UserEmail)).ToDictionary(p => p.Key, p => p.Value.UserEmail!, StringComparer.Ordinal),
            OfferingUserStates = offeringUsers.Where(p => !string.IsNullOrEmpty(p.Value.State)).ToDictionary(p => p.Key, p => p.Value.State!, StringComparer.Ordinal),
            UserAttributes = offeringUsers.ToDictionary(p => p.Key, p => Users.OfferingUsersDirectory.ToInfo(p.Value).Attributes, StringComparer.Ordinal),
        };
    }

    private void Report(Guid resource, string backendId, IReadOnlySet<string> added, IReadOnlySet<string> removed, IReadOnlyList<string> toRemove)
    {
        if (added.Count > 0)
        {
            LogAdded(logger, resource, backendId, string.Join(", ", added.Order(StringComparer.Ordinal)));
        }

        if (removed.Count > 0)
        {
            LogRemoved(logger, resource, backendId, string.Join(", ", removed.Order(StringComparer.Ordinal)));
        }

        var pending = toRemove.Where(u => !removed.Contains(u)).ToList();
        if (pending.Count > 0)
        {
            LogRemovalPending(logger, resource, backendId, string.Join(", ", pending));
        }
    }

    [LoggerMessage(EventId = LogEvents.MembershipUsersAdded, Level = LogLevel.Information, Message = "Resource {Resource}: gave {BackendId} access to {Users}")]
    private static partial void LogAdded(ILogger logger, Guid resource, string backendId, string users);

    [LoggerMessage(EventId = LogEvents.MembershipUsersRemoved, Level = LogLevel.Information, Message = "Resource {Resource}: took access to {BackendId} from {Users}")]
    private static partial void LogRemoved(ILogger logger, Guid resource, string backendId, string users);

    [LoggerMessage(EventId = LogEvents.MembershipRemovalPending, Level = LogLevel.Warning,
        Message = "Resource {Resource}: {Users} should lose access to {BackendId} but still have it (see the backend's error above, e.g. jobs still running); the next cycle tries again")]
    private static partial void LogRemovalPending(ILogger logger, Guid resource, string backendId, string users);

    [LoggerMessage(EventId = LogEvents.ServiceAccountsFailed, Level = LogLevel.Warning, Message = "Resource {Resource}: service and course accounts could not be synced: {Reason}")]
    private static partial void LogAccountsFailed(ILogger logger, Guid resource, string reason);

    [LoggerMessage(EventId = LogEvents.StaleRemovalSkipped, Level = LogLevel.Warning,
        Message = "Resource {Resource}: {Users} are not in the team but keep access this cycle: without the service and course account lists they could be such accounts")]
    private static partial void LogStaleKept(ILogger logger, Guid resource, string users);

    [LoggerMessage(EventId = LogEvents.MembershipRestricted, Level = LogLevel.Information, Message = "Resource {Resource}: member access is restricted; removing {Count} users")]
    private static partial void LogRestricted(ILogger logger, Guid resource, int count);
}
