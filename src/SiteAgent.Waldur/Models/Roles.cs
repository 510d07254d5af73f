namespace SiteAgent.Waldur.Models;

/// <summary>A role (schema <c>RoleDetails</c>).</summary>
public sealed record RoleDetails
{
    /// <summary>Role uuid.</summary>
    public Guid? Uuid { get; init; }

    /// <summary>Role name, e.g. <c>PROJECT.MEMBER</c>.</summary>
    public string? Name { get; init; }

    /// <summary>Description.</summary>
    public string? Description { get; init; }

    /// <summary>Scope type the role applies to.</summary>
    public string? ContentType { get; init; }

    /// <summary>The role is active.</summary>
    public bool? IsActive { get; init; }

    /// <summary>The role is built in.</summary>
    public bool? IsSystemRole { get; init; }
}
