using System.Text.Json.Serialization;

namespace SiteAgent.Waldur.Models;

/// <summary>A project (schema <c>Project</c>); every field may be trimmed by <c>field=</c>.</summary>
public sealed record Project
{
    /// <summary>Project uuid.</summary>
    public Guid? Uuid { get; init; }

    /// <summary>API URL.</summary>
    public string? Url { get; init; }

    /// <summary>Name.</summary>
    public string? Name { get; init; }

    /// <summary>Slug.</summary>
    public string? Slug { get; init; }

    /// <summary>Description.</summary>
    public string? Description { get; init; }

    /// <summary>API URL of the customer.</summary>
    public string? Customer { get; init; }

    /// <summary>Customer uuid.</summary>
    public Guid? CustomerUuid { get; init; }

    /// <summary>Customer name.</summary>
    public string? CustomerName { get; init; }

    /// <summary>Backend id.</summary>
    public string? BackendId { get; init; }

    /// <summary>Start date.</summary>
    public DateOnly? StartDate { get; init; }

    /// <summary>End date.</summary>
    public DateOnly? EndDate { get; init; }

    /// <summary>When the end date last changed.</summary>
    public DateTimeOffset? EndDateUpdatedAt { get; init; }

    /// <summary>OECD FOS 2007 code (e.g. <c>1.1</c>), blank or null.</summary>
    [JsonPropertyName("oecd_fos_2007_code")]
    public string? OecdFos2007Code { get; init; }

    /// <summary>The project is industrial.</summary>
    public bool? IsIndustry { get; init; }

    /// <summary>Kind (<c>default</c>, <c>course</c>, <c>public</c>).</summary>
    public string? Kind { get; init; }

    /// <summary>Science sub-domain uuid.</summary>
    public Guid? ScienceSubDomain { get; init; }

    /// <summary>Science sub-domain code.</summary>
    public string? ScienceSubDomainCode { get; init; }

    /// <summary>The project is removed.</summary>
    public bool? IsRemoved { get; init; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset? Created { get; init; }
}

/// <summary>Body of <c>projects_create</c> (schema <c>ProjectRequest</c>).</summary>
public sealed record ProjectCreateRequest
{
    /// <summary>Name.</summary>
    public required string Name { get; init; }

    /// <summary>API URL of the customer.</summary>
    public required string Customer { get; init; }

    /// <summary>Slug.</summary>
    public string? Slug { get; init; }

    /// <summary>Description.</summary>
    public string? Description { get; init; }

    /// <summary>Backend id.</summary>
    public string? BackendId { get; init; }

    /// <summary>Start date.</summary>
    public DateOnly? StartDate { get; init; }

    /// <summary>End date.</summary>
    public DateOnly? EndDate { get; init; }

    /// <summary>OECD FOS 2007 code.</summary>
    [JsonPropertyName("oecd_fos_2007_code")]
    public string? OecdFos2007Code { get; init; }

    /// <summary>The project is industrial.</summary>
    public bool? IsIndustry { get; init; }

    /// <summary>Kind (<c>default</c>, <c>course</c>, <c>public</c>).</summary>
    public string? Kind { get; init; }

    /// <summary>Science sub-domain uuid.</summary>
    public Guid? ScienceSubDomain { get; init; }
}

/// <summary>Body of <c>projects_partial_update</c> (schema <c>PatchedProjectRequest</c>); null fields are left unchanged.</summary>
public sealed record PatchedProjectRequest
{
    /// <summary>Name.</summary>
    public string? Name { get; init; }

    /// <summary>Description.</summary>
    public string? Description { get; init; }

    /// <summary>Backend id.</summary>
    public string? BackendId { get; init; }

    /// <summary>Start date.</summary>
    public DateOnly? StartDate { get; init; }

    /// <summary>New end date; to clear it use <c>SetProjectEndDateAsync</c>, which sends null.</summary>
    public DateOnly? EndDate { get; init; }

    /// <summary>OECD FOS 2007 code.</summary>
    [JsonPropertyName("oecd_fos_2007_code")]
    public string? OecdFos2007Code { get; init; }

    /// <summary>The project is industrial.</summary>
    public bool? IsIndustry { get; init; }

    /// <summary>Kind.</summary>
    public string? Kind { get; init; }

    /// <summary>Science sub-domain uuid.</summary>
    public Guid? ScienceSubDomain { get; init; }
}

/// <summary>A PATCH of a project's end date alone; null is sent as null and clears the date.</summary>
public sealed record ProjectEndDatePatch
{
    /// <summary>New end date, or null to clear it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public DateOnly? EndDate { get; init; }
}

/// <summary>Body of <c>projects_add_user</c> and <c>projects_delete_user</c> (schemas <c>UserRoleCreateRequest</c>/<c>UserRoleDeleteRequest</c>).</summary>
public sealed record UserRoleRequest
{
    /// <summary>Role name or uuid.</summary>
    public required string Role { get; init; }

    /// <summary>User uuid.</summary>
    public required Guid User { get; init; }

    /// <summary>When the role expires.</summary>
    public DateTimeOffset? ExpirationTime { get; init; }
}

/// <summary>Answer of <c>projects_add_user</c> (schema <c>UserRoleExpirationTime</c>).</summary>
public sealed record UserRoleExpirationTime
{
    /// <summary>When the role expires, null for never.</summary>
    public DateTimeOffset? ExpirationTime { get; init; }
}

/// <summary>A user's role in a project (schema <c>UserRoleDetails</c>).</summary>
public sealed record UserRoleDetails
{
    /// <summary>Role assignment uuid.</summary>
    public Guid? Uuid { get; init; }

    /// <summary>Role name.</summary>
    public string? RoleName { get; init; }

    /// <summary>Role uuid.</summary>
    public Guid? RoleUuid { get; init; }

    /// <summary>User uuid.</summary>
    public Guid? UserUuid { get; init; }

    /// <summary>Username.</summary>
    public string? UserUsername { get; init; }

    /// <summary>Full name.</summary>
    public string? UserFullName { get; init; }

    /// <summary>E-mail.</summary>
    public string? UserEmail { get; init; }

    /// <summary>When the role expires.</summary>
    public DateTimeOffset? ExpirationTime { get; init; }

    /// <summary>When the role was granted.</summary>
    public DateTimeOffset? Created { get; init; }
}
