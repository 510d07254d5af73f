namespace SiteAgent.Waldur.Models;

/// <summary>The authenticated user (schema <c>UserMe</c>); every field may be trimmed by <c>field=</c>.</summary>
public sealed record UserMe
{
    /// <summary>User uuid.</summary>
    public Guid? Uuid { get; init; }

    /// <summary>Username.</summary>
    public string? Username { get; init; }

    /// <summary>Full name.</summary>
    public string? FullName { get; init; }

    /// <summary>E-mail.</summary>
    public string? Email { get; init; }

    /// <summary>The user is staff.</summary>
    public bool? IsStaff { get; init; }

    /// <summary>The user is support.</summary>
    public bool? IsSupport { get; init; }

    /// <summary>The user is active.</summary>
    public bool? IsActive { get; init; }

    /// <summary>The user's roles.</summary>
    public IReadOnlyList<Permission>? Permissions { get; init; }

    /// <summary>When the user's token expires.</summary>
    public DateTimeOffset? TokenExpiresAt { get; init; }
}

/// <summary>A role of a user on a scope (schema <c>Permission</c>).</summary>
public sealed record Permission
{
    /// <summary>Role name, e.g. <c>OFFERING.MANAGER</c>.</summary>
    public string? RoleName { get; init; }

    /// <summary>Scope type.</summary>
    public string? ScopeType { get; init; }

    /// <summary>Scope name.</summary>
    public string? ScopeName { get; init; }

    /// <summary>Scope uuid.</summary>
    public Guid? ScopeUuid { get; init; }

    /// <summary>When the role expires.</summary>
    public DateTimeOffset? ExpirationTime { get; init; }
}

/// <summary>A Waldur user (schema <c>User</c>); every field may be trimmed by <c>field=</c>.</summary>
public sealed record User
{
    /// <summary>User uuid.</summary>
    public Guid? Uuid { get; init; }

    /// <summary>API URL.</summary>
    public string? Url { get; init; }

    /// <summary>Username.</summary>
    public string? Username { get; init; }

    /// <summary>Full name.</summary>
    public string? FullName { get; init; }

    /// <summary>First name.</summary>
    public string? FirstName { get; init; }

    /// <summary>Last name.</summary>
    public string? LastName { get; init; }

    /// <summary>E-mail.</summary>
    public string? Email { get; init; }

    /// <summary>Civil number.</summary>
    public string? CivilNumber { get; init; }

    /// <summary>Organization.</summary>
    public string? Organization { get; init; }

    /// <summary>Registration method.</summary>
    public string? RegistrationMethod { get; init; }

    /// <summary>Identity source.</summary>
    public string? IdentitySource { get; init; }

    /// <summary>Gender: <c>male</c>, <c>female</c>, <c>unknown</c>, blank or null.</summary>
    public string? Gender { get; init; }

    /// <summary>The user is active.</summary>
    public bool? IsActive { get; init; }

    /// <summary>The user is staff.</summary>
    public bool? IsStaff { get; init; }
}

/// <summary>Waldur's version (schema <c>Version</c>).</summary>
public sealed record WaldurVersion
{
    /// <summary>Running version.</summary>
    public required string Version { get; init; }

    /// <summary>Latest released version, if known.</summary>
    public string? LatestVersion { get; init; }
}
