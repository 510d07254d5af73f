namespace SiteAgent.Waldur.Models;

/// <summary>Body of <c>identity_bridge</c>: push a user's profile from an identity source (schema <c>IdentityBridgeRequestRequest</c>).</summary>
public sealed record IdentityBridgeRequest
{
    /// <summary>Username.</summary>
    public required string Username { get; init; }

    /// <summary>Identity source, e.g. <c>isd:example</c>.</summary>
    public required string Source { get; init; }

    /// <summary>First name.</summary>
    public string? FirstName { get; init; }

    /// <summary>Last name.</summary>
    public string? LastName { get; init; }

    /// <summary>E-mail.</summary>
    public string? Email { get; init; }

    /// <summary>Organization.</summary>
    public string? Organization { get; init; }

    /// <summary>Affiliations.</summary>
    public IReadOnlyList<string>? Affiliations { get; init; }

    /// <summary>Civil number.</summary>
    public string? CivilNumber { get; init; }

    /// <summary>Phone number.</summary>
    public string? PhoneNumber { get; init; }

    /// <summary>Identity source label.</summary>
    public string? IdentitySource { get; init; }

    /// <summary>Gender (<c>male</c>, <c>female</c>, <c>unknown</c>).</summary>
    public string? Gender { get; init; }

    /// <summary>Personal title.</summary>
    public string? PersonalTitle { get; init; }

    /// <summary>Birth date.</summary>
    public DateOnly? BirthDate { get; init; }

    /// <summary>Place of birth.</summary>
    public string? PlaceOfBirth { get; init; }

    /// <summary>Address.</summary>
    public string? Address { get; init; }

    /// <summary>Country of residence (ISO alpha-2).</summary>
    public string? CountryOfResidence { get; init; }

    /// <summary>Nationality (ISO alpha-2).</summary>
    public string? Nationality { get; init; }

    /// <summary>Nationalities.</summary>
    public IReadOnlyList<string>? Nationalities { get; init; }

    /// <summary>Organization country.</summary>
    public string? OrganizationCountry { get; init; }

    /// <summary>Organization type.</summary>
    public string? OrganizationType { get; init; }

    /// <summary>eduPerson assurance.</summary>
    public IReadOnlyList<string>? EdupersonAssurance { get; init; }
}

/// <summary>Answer of <c>identity_bridge</c> (schema <c>IdentityBridgeResult</c>).</summary>
public sealed record IdentityBridgeResult
{
    /// <summary>Waldur user uuid; <see cref="Guid.Empty"/> in dry-run.</summary>
    public required Guid Uuid { get; init; }

    /// <summary>The user was created.</summary>
    public bool? Created { get; init; }

    /// <summary>Fields that changed.</summary>
    public IReadOnlyList<string>? UpdatedFields { get; init; }
}

/// <summary>Answer of <c>identity_bridge_allowed_fields_retrieve</c>.</summary>
public sealed record IdentityBridgeAllowedFields
{
    /// <summary>Profile fields the identity bridge accepts.</summary>
    public IReadOnlyList<string>? AllowedFields { get; init; }
}

/// <summary>Body of <c>identity_bridge_remove</c> (schema <c>IdentityBridgeRemoveRequest</c>).</summary>
/// <param name="Username">Username.</param>
/// <param name="Source">Identity source.</param>
public sealed record IdentityBridgeRemoveRequest(string Username, string Source);

/// <summary>Answer of <c>identity_bridge_remove</c> (schema <c>IdentityBridgeRemoveResult</c>).</summary>
public sealed record IdentityBridgeRemoveResult
{
    /// <summary>Waldur user uuid.</summary>
    public Guid? Uuid { get; init; }

    /// <summary>The user was deactivated.</summary>
    public bool? Deactivated { get; init; }
}

/// <summary>Body of <c>remote_eduteams</c> (schema <c>RemoteEduteamsRequestRequest</c>).</summary>
/// <param name="Cuid">The eduTEAMS community user id.</param>
public sealed record RemoteEduteamsRequest(string Cuid);

/// <summary>Answer of <c>remote_eduteams</c> (schema <c>RemoteEduteamsUUID</c>).</summary>
public sealed record RemoteEduteamsUuid
{
    /// <summary>Waldur user uuid; <see cref="Guid.Empty"/> in dry-run.</summary>
    public required Guid Uuid { get; init; }
}
