using System.Text.Json.Nodes;

namespace SiteAgent.Waldur.Emulator.State;

/// <summary>Offering-user states (<c>OfferingUserState</c>).</summary>
public static class OfferingUserStates
{
    public const string Requested = "Requested", Creating = "Creating", PendingAccountLinking = "Pending account linking",
        PendingAdditionalValidation = "Pending additional validation", Ok = "OK", RequestedDeletion = "Requested deletion",
        Deleting = "Deleting", Deleted = "Deleted", ErrorCreating = "Error creating", ErrorDeleting = "Error deleting";
}

/// <summary>A user's account on an offering: the site-local <see cref="Username"/> and its lifecycle state.</summary>
public sealed class OfferingUser : Entity
{
    public required Offering Offering { get; init; }
    public required User User { get; init; }
    public string? Username { get; set; }
    public string State { get; set; } = OfferingUserStates.Requested;
    public bool IsRestricted { get; set; }
    public bool HasConsent { get; set; } = true;
    public string ServiceProviderComment { get; set; } = "";
    public string ServiceProviderCommentUrl { get; set; } = "";
}

/// <summary>A service account of a project, listed per offering.</summary>
public sealed class ProjectServiceAccount : Entity
{
    public required Project Project { get; init; }
    public required Offering Offering { get; init; }
    public string Username { get; set; } = "";
    public string State { get; set; } = "OK";
    public string Email { get; set; } = "";
    public string Description { get; set; } = "";
}

/// <summary>A course account of a course project, listed per offering.</summary>
public sealed class CourseAccount : Entity
{
    public required Project Project { get; init; }
    public required Offering Offering { get; init; }
    public User? User { get; set; }
    public string Username { get; set; } = "";
    public string State { get; set; } = "OK";
    public string Email { get; set; } = "";
    public string Description { get; set; } = "";
}

/// <summary>A user pushed through the identity bridge (federation target).</summary>
public sealed class BridgedIdentity : Entity
{
    public required string Username { get; init; }
    public required string Source { get; init; }
    public JsonObject Fields { get; set; } = [];
    public bool Active { get; set; } = true;
}

/// <summary>An API key of a resource (8.1.x <c>marketplace-resource-api-keys</c>).</summary>
public sealed class ResourceApiKey : Entity
{
    public required Resource Resource { get; init; }
    public required string ClientId { get; set; }
    /// <summary>8.1.x ResourceApiKeyState: Creating, OK, Updating or Erred.</summary>
    public string State { get; set; } = "OK";
    public string ApiKey { get; set; } = "";
    public string ErrorMessage { get; set; } = "";
}
