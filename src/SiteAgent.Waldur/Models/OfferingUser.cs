namespace SiteAgent.Waldur.Models;

/// <summary>An offering user: a Waldur user's account on the offering (schema <c>OfferingUser</c>).</summary>
/// <remarks>
/// Every field is optional: the listing is trimmed with <c>field=</c>, and callers that only read
/// usernames (home directories) do not need the uuid. The client still adds <c>uuid</c> to any field
/// selection, so it is present whenever Waldur sends it; state transitions need it.
/// </remarks>
public sealed record OfferingUser
{
    /// <summary>Offering user uuid.</summary>
    public Guid? Uuid { get; init; }

    /// <summary>API URL (used as the <c>user</c> of per-user usages).</summary>
    public string? Url { get; init; }

    /// <summary>Username on the backend; null or empty until generated.</summary>
    public string? Username { get; init; }

    /// <summary>State, one of <see cref="OfferingUserState"/>.</summary>
    public string? State { get; init; }

    /// <summary>Runtime state (<c>Active</c>, <c>Pending account linking</c>…).</summary>
    public string? RuntimeState { get; init; }

    /// <summary>API URL of the Waldur user.</summary>
    public string? User { get; init; }

    /// <summary>Waldur user uuid.</summary>
    public Guid? UserUuid { get; init; }

    /// <summary>API URL of the offering.</summary>
    public string? Offering { get; init; }

    /// <summary>Offering uuid.</summary>
    public Guid? OfferingUuid { get; init; }

    /// <summary>Offering name.</summary>
    public string? OfferingName { get; init; }

    /// <summary>Customer uuid.</summary>
    public Guid? CustomerUuid { get; init; }

    /// <summary>The user is restricted (no backend account wanted).</summary>
    public bool? IsRestricted { get; init; }

    /// <summary>Comment of the service provider (pending states).</summary>
    public string? ServiceProviderComment { get; init; }

    /// <summary>Link shown with the service provider's comment.</summary>
    public string? ServiceProviderCommentUrl { get; init; }

    /// <summary>The user consented to the offering's terms.</summary>
    public bool? HasConsent { get; init; }

    /// <summary>When the offering user was created.</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>When the offering user last changed.</summary>
    public DateTimeOffset? Modified { get; init; }

    /// <summary>Waldur username.</summary>
    public string? UserUsername { get; init; }

    /// <summary>Full name (exposed attribute).</summary>
    public string? UserFullName { get; init; }

    /// <summary>First name (exposed attribute).</summary>
    public string? UserFirstName { get; init; }

    /// <summary>Last name (exposed attribute).</summary>
    public string? UserLastName { get; init; }

    /// <summary>E-mail (exposed attribute).</summary>
    public string? UserEmail { get; init; }

    /// <summary>Phone number (exposed attribute).</summary>
    public string? UserPhoneNumber { get; init; }

    /// <summary>Organization (exposed attribute).</summary>
    public string? UserOrganization { get; init; }

    /// <summary>Job title (exposed attribute).</summary>
    public string? UserJobTitle { get; init; }

    /// <summary>Affiliations (exposed attribute).</summary>
    public IReadOnlyList<string>? UserAffiliations { get; init; }

    /// <summary>Gender: <c>male</c>, <c>female</c>, <c>unknown</c>, blank or null.</summary>
    public string? UserGender { get; init; }

    /// <summary>Personal title (exposed attribute).</summary>
    public string? UserPersonalTitle { get; init; }

    /// <summary>Place of birth (exposed attribute).</summary>
    public string? UserPlaceOfBirth { get; init; }

    /// <summary>Address (exposed attribute).</summary>
    public string? UserAddress { get; init; }

    /// <summary>Country of residence (exposed attribute).</summary>
    public string? UserCountryOfResidence { get; init; }

    /// <summary>Nationality (exposed attribute).</summary>
    public string? UserNationality { get; init; }

    /// <summary>Nationalities (exposed attribute).</summary>
    public IReadOnlyList<string>? UserNationalities { get; init; }

    /// <summary>Organization country (exposed attribute).</summary>
    public string? UserOrganizationCountry { get; init; }

    /// <summary>Organization type (exposed attribute).</summary>
    public string? UserOrganizationType { get; init; }

    /// <summary>Organization registry code (exposed attribute).</summary>
    public string? UserOrganizationRegistryCode { get; init; }

    /// <summary>eduPerson assurance (exposed attribute).</summary>
    public IReadOnlyList<string>? UserEdupersonAssurance { get; init; }

    /// <summary>Civil number (exposed attribute).</summary>
    public string? UserCivilNumber { get; init; }

    /// <summary>Birth date (exposed attribute).</summary>
    public DateOnly? UserBirthDate { get; init; }

    /// <summary>Identity source (exposed attribute).</summary>
    public string? UserIdentitySource { get; init; }

    /// <summary>Active ISDs (exposed attribute).</summary>
    public IReadOnlyList<string>? UserActiveIsds { get; init; }
}

/// <summary>Body of <c>marketplace_offering_users_partial_update</c> (schema <c>PatchedOfferingUserRequest</c>).</summary>
public sealed record PatchedOfferingUserRequest
{
    /// <summary>New username.</summary>
    public string? Username { get; init; }
}

/// <summary>Body of the pending-state actions of offering users (schema <c>OfferingUserStateTransitionRequest</c>).</summary>
public sealed record OfferingUserStateTransitionRequest
{
    /// <summary>What the user must do, shown in Waldur.</summary>
    public string? Comment { get; init; }

    /// <summary>Link to where the user can do it.</summary>
    public string? CommentUrl { get; init; }
}
