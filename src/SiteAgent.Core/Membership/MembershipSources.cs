using SiteAgent.Backends.Model;
using SiteAgent.Core.Offerings;
using SiteAgent.Core.WaldurAccess;
using SiteAgent.Waldur;
using SiteAgent.Waldur.Models;
using SiteAgent.Waldur.Queries;

namespace SiteAgent.Core.Membership;

/// <summary>Service and course accounts of one project: who belongs on its resources besides the team.</summary>
/// <param name="Active">Usernames of accounts in state OK.</param>
/// <param name="Closed">Usernames of accounts in state Closed.</param>
public sealed record ProjectAccounts(IReadOnlySet<string> Active, IReadOnlySet<string> Closed)
{
    /// <summary>No accounts.</summary>
    public static ProjectAccounts None { get; } = new(new HashSet<string>(), new HashSet<string>());
}

/// <summary>
/// The Waldur side of one offering's membership cycle, each read once and served per resource: teams
/// (per project), service and course accounts, per-user limits, and the offering users.
/// </summary>
/// <remarks>The per-resource sync reads nothing else, so reusing one instance across resources is what keeps Waldur reads from growing with them.</remarks>
public sealed class MembershipSources
{
    private readonly OfferingSession _session;
    private readonly WaldurClient _waldur;
    private readonly Dictionary<Guid, IReadOnlyList<TeamMember>> _teams = [];
    private IReadOnlyList<ProjectServiceAccount>? _serviceAccounts;
    private IReadOnlyList<CourseAccount>? _courseAccounts;
    private Dictionary<Guid, Dictionary<string, Dictionary<string, decimal>>>? _userLimits;

    /// <summary>Creates the sources of one offering cycle.</summary>
    /// <param name="session">The offering.</param>
    /// <param name="waldur">The client reads go through.</param>
    /// <param name="offeringUsers">The offering users as processed this cycle (possibly empty).</param>
    public MembershipSources(OfferingSession session, WaldurClient waldur, IReadOnlyList<OfferingUser> offeringUsers)
    {
        _session = session;
        _waldur = waldur;
        OfferingUsers = offeringUsers;
        ByUsername = offeringUsers.Where(u => !string.IsNullOrEmpty(u.Username))
            .GroupBy(u => u.Username!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    /// <summary>The offering users of this cycle.</summary>
    public IReadOnlyList<OfferingUser> OfferingUsers { get; }

    /// <summary>The offering users of this cycle by site username (indexed once, looked up per resource).</summary>
    public IReadOnlyDictionary<string, OfferingUser> ByUsername { get; }

    /// <summary>The resource's project team (read once per project).</summary>
    public async Task<IReadOnlyList<TeamMember>> TeamAsync(Resource resource, CancellationToken cancellationToken)
    {
        var key = resource.ProjectUuid ?? resource.Uuid;
        if (!_teams.TryGetValue(key, out var team))
        {
            team = (await _waldur.ListProviderResourceTeamAsync(resource.Uuid, cancellationToken: cancellationToken).ConfigureAwait(false))
                .Select(m => m.ToMember()).ToList();
            _teams[key] = team;
        }

        return team;
    }

    /// <summary>Service and course accounts of the resource's project (the offering's lists read once).</summary>
    /// <exception cref="WaldurException">A list could not be read; the caller treats the accounts as unknown.</exception>
    public async Task<ProjectAccounts> AccountsAsync(Resource resource, CancellationToken cancellationToken)
    {
        var offering = _session.Offering.OfferingUuid;
        _serviceAccounts ??= await _waldur.ListProjectServiceAccounts(offering).ToListAsync(cancellationToken).ConfigureAwait(false);
        _courseAccounts ??= await _waldur.ListCourseAccounts(offering).ToListAsync(cancellationToken).ConfigureAwait(false);
        var accounts = _serviceAccounts.Where(a => a.ProjectUuid == resource.ProjectUuid).Select(a => (a.Username, a.State))
            .Concat(_courseAccounts.Where(a => a.ProjectUuid == resource.ProjectUuid).Select(a => (a.Username, a.State)))
            .Where(a => !string.IsNullOrWhiteSpace(a.Username)).ToList();
        return new ProjectAccounts(
            accounts.Where(a => a.State == AccountState.Ok).Select(a => a.Username!).ToHashSet(StringComparer.Ordinal),
            accounts.Where(a => a.State == AccountState.Closed).Select(a => a.Username!).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>
    /// Per-user limits of the resource in Waldur units, by offering username (the offering's list read
    /// once). Waldur names the user by username or, in newer versions, by its API URL; a URL is resolved
    /// through the offering users.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>>> UserLimitsAsync(Guid resource, CancellationToken cancellationToken)
    {
        _userLimits ??= Group(await _waldur.ListComponentUserUsageLimits(new ComponentUserUsageLimitListQuery { OfferingUuid = _session.Offering.OfferingUuid })
            .ToListAsync(cancellationToken).ConfigureAwait(false));
        return _userLimits.TryGetValue(resource, out var limits)
            ? limits.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<string, decimal>)p.Value, StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, IReadOnlyDictionary<string, decimal>>();
    }

    private Dictionary<Guid, Dictionary<string, Dictionary<string, decimal>>> Group(IReadOnlyList<ComponentUserUsageLimit> limits)
    {
        var byUserUuid = OfferingUsers.Where(u => u.UserUuid is not null && !string.IsNullOrEmpty(u.Username))
            .GroupBy(u => u.UserUuid!.Value).ToDictionary(g => g.Key, g => g.First().Username!);
        var result = new Dictionary<Guid, Dictionary<string, Dictionary<string, decimal>>>();
        foreach (var limit in limits)
        {
            if (LastSegment(limit.Resource) is not { } resource || limit.ComponentType is null || limit.Limit is null || Username(limit.User, byUserUuid) is not { } user)
            {
                continue;
            }

            if (!result.TryGetValue(resource, out var users))
            {
                result[resource] = users = [];
            }

            if (!users.TryGetValue(user, out var components))
            {
                users[user] = components = new Dictionary<string, decimal>(StringComparer.Ordinal);
            }

            // The reference truncates the stored decimal to an integer (int(float(limit))).
            components[limit.ComponentType] = decimal.Truncate(limit.Limit.Value);
        }

        return result;
    }

    private static string? Username(string? user, Dictionary<Guid, string> byUserUuid)
    {
        if (string.IsNullOrWhiteSpace(user))
        {
            return null;
        }

        if (!user.Contains('/', StringComparison.Ordinal))
        {
            return user;
        }

        return LastSegment(user) is { } uuid && byUserUuid.TryGetValue(uuid, out var name) ? name : null;
    }

    private static Guid? LastSegment(string? url)
    {
        var trimmed = url?.TrimEnd('/');
        return trimmed is null ? null : Guid.TryParse(trimmed[(trimmed.LastIndexOf('/') + 1)..], out var uuid) ? uuid : null;
    }
}
