namespace SiteAgent.Waldur.Emulator.State;

/// <summary>A Waldur organisation: owns projects (as consumer) and offerings (as provider).</summary>
public sealed class Customer : Entity
{
    public required string Name { get; set; }
    public required string Slug { get; set; }
    public string Abbreviation { get; set; } = "";
    public string NativeName { get; set; } = "";
    public string Country { get; set; } = "";
}

/// <summary>A Waldur user; the agent sees them as team members and offering users.</summary>
public sealed class User : Entity
{
    public required string Username { get; set; }
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public string Email { get; set; } = "";
    public string Organization { get; set; } = "";
    public string JobTitle { get; set; } = "";
    public string PhoneNumber { get; set; } = "";
    public string? CivilNumber { get; set; }
    public List<string> Affiliations { get; set; } = [];
    public bool IsStaff { get; set; }
    public bool IsSupport { get; set; }
    public bool IsActive { get; set; } = true;
    public string IdentitySource { get; set; } = "";

    /// <summary>"First Last", or the username when both are empty.</summary>
    public string FullName => $"{FirstName} {LastName}".Trim() is { Length: > 0 } name ? name : Username;
}

/// <summary>A role as <c>/api/roles/</c> lists it (PROJECT.ADMIN, CUSTOMER.OWNER, …).</summary>
public sealed class Role : Entity
{
    public required string Name { get; set; }
    public string Description { get; set; } = "";
    public string ContentType { get; set; } = "project";
    public bool IsSystemRole { get; set; } = true;
    public bool IsActive { get; set; } = true;
}

/// <summary>One user's role in one project.</summary>
public sealed class ProjectMember : Entity
{
    public required User User { get; init; }
    public required Role Role { get; set; }
    public DateTimeOffset? ExpirationTime { get; set; }
    public User? CreatedBy { get; init; }
}

/// <summary>A project: the consumer side of resources and orders.</summary>
public sealed class Project : Entity
{
    public required string Name { get; set; }
    public required string Slug { get; set; }
    public required Customer Customer { get; set; }
    public string Description { get; set; } = "";
    public string BackendId { get; set; } = "";
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public DateTimeOffset? EndDateUpdatedAt { get; set; }
    public string Kind { get; set; } = "default";
    public string? OecdFos2007Code { get; set; }
    public bool IsIndustry { get; set; }
    public ScienceSubDomain? ScienceSubDomain { get; set; }
    public string StaffNotes { get; set; } = "";
    public int? GracePeriodDays { get; set; }
    public List<ProjectMember> Members { get; } = [];
}

/// <summary>An entry of <c>/api/science-sub-domains/</c>.</summary>
public sealed class ScienceSubDomain : Entity
{
    public required string Name { get; set; }
    public required string Code { get; set; }
    public string DomainName { get; set; } = "";
    public string DomainCode { get; set; } = "";
    public string DomainUuid { get; init; } = NewUuid();
}
