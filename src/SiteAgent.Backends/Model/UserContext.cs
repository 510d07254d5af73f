namespace SiteAgent.Backends.Model;

/// <summary>A member of the resource's project team.</summary>
public sealed record TeamMember(
    Guid Uuid,
    string Username,
    string FullName,
    string Email,
    string Role,
    string OfferingUserUsername,
    string OfferingUserState);

/// <summary>An offering user: a Waldur user's site-local account for this offering.</summary>
public sealed record OfferingUserInfo
{
    /// <summary>Offering-user uuid.</summary>
    public required Guid Uuid { get; init; }

    /// <summary>The Waldur user's uuid.</summary>
    public Guid? UserUuid { get; init; }

    /// <summary>Site-local username; empty when not assigned yet.</summary>
    public string Username { get; init; } = string.Empty;

    /// <summary>Offering-user state as Waldur spells it (<c>OK</c>, <c>Requested</c>…).</summary>
    public string State { get; init; } = string.Empty;

    /// <summary>The Waldur username (CUID), when exposed.</summary>
    public string UserUsername { get; init; } = string.Empty;

    /// <summary>Exposed profile attributes by name (first_name, email…), non-empty values only.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();
}

/// <summary>Who should have access to a resource being created (order processing only).</summary>
public sealed record UserContext
{
    /// <summary>An empty context: creation proceeds without users.</summary>
    public static UserContext Empty { get; } = new();

    /// <summary>The project team.</summary>
    public IReadOnlyList<TeamMember> Team { get; init; } = [];

    /// <summary>Offering users of the team members.</summary>
    public IReadOnlyList<OfferingUserInfo> OfferingUsers { get; init; } = [];

    /// <summary>Non-zero quotas of the resource's plan, by component.</summary>
    public IReadOnlyDictionary<string, long> PlanQuotas { get; init; } = new Dictionary<string, long>();

    /// <summary>SSH public keys visible to the provider, by key uuid.</summary>
    public IReadOnlyDictionary<string, string> SshKeys { get; init; } = new Dictionary<string, string>();
}

/// <summary>Extra facts for membership calls, keyed by the sync username.</summary>
public sealed record MembershipDetails
{
    /// <summary>No details.</summary>
    public static MembershipDetails None { get; } = new();

    /// <summary>Umask for new home directories; null when the caller passes none.</summary>
    public string? HomedirUmask { get; init; }

    /// <summary>Username → Waldur username (CUID).</summary>
    public IReadOnlyDictionary<string, string> UserCuids { get; init; } = new Dictionary<string, string>();

    /// <summary>Username → project role name.</summary>
    public IReadOnlyDictionary<string, string> UserRoles { get; init; } = new Dictionary<string, string>();

    /// <summary>Username → e-mail.</summary>
    public IReadOnlyDictionary<string, string> UserEmails { get; init; } = new Dictionary<string, string>();

    /// <summary>Username → offering-user state.</summary>
    public IReadOnlyDictionary<string, string> OfferingUserStates { get; init; } = new Dictionary<string, string>();

    /// <summary>Username → exposed profile attributes.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> UserAttributes { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();
}
