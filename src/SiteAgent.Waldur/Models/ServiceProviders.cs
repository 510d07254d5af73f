namespace SiteAgent.Waldur.Models;

/// <summary>A service provider (schema <c>ServiceProvider</c>).</summary>
public sealed record ServiceProvider
{
    /// <summary>Service provider uuid (always requested).</summary>
    public required Guid Uuid { get; init; }

    /// <summary>API URL.</summary>
    public string? Url { get; init; }

    /// <summary>API URL of the customer.</summary>
    public string? Customer { get; init; }

    /// <summary>Customer uuid.</summary>
    public Guid? CustomerUuid { get; init; }

    /// <summary>Customer name.</summary>
    public string? CustomerName { get; init; }

    /// <summary>Description.</summary>
    public string? Description { get; init; }
}

/// <summary>An SSH key of a service provider (schema <c>SshKey</c>).</summary>
public sealed record SshKey
{
    /// <summary>Key uuid.</summary>
    public Guid? Uuid { get; init; }

    /// <summary>Key name.</summary>
    public string? Name { get; init; }

    /// <summary>Public key in OpenSSH format.</summary>
    public string? PublicKey { get; init; }

    /// <summary>SHA-256 fingerprint.</summary>
    public string? FingerprintSha256 { get; init; }

    /// <summary>Owner uuid.</summary>
    public Guid? UserUuid { get; init; }

    /// <summary>Key type, e.g. <c>ssh-ed25519</c>.</summary>
    public string? Type { get; init; }

    /// <summary>The key is shared.</summary>
    public bool? IsShared { get; init; }
}

/// <summary>A project service account of an offering (schema <c>ProjectServiceAccount</c>).</summary>
public sealed record ProjectServiceAccount
{
    /// <summary>Account uuid.</summary>
    public required Guid Uuid { get; init; }

    /// <summary>Username on the backend.</summary>
    public string? Username { get; init; }

    /// <summary>State, one of <see cref="AccountState"/>.</summary>
    public string? State { get; init; }

    /// <summary>Project uuid.</summary>
    public Guid? ProjectUuid { get; init; }

    /// <summary>Project name.</summary>
    public string? ProjectName { get; init; }

    /// <summary>E-mail.</summary>
    public string? Email { get; init; }

    /// <summary>Description.</summary>
    public string? Description { get; init; }

    /// <summary>Customer uuid.</summary>
    public Guid? CustomerUuid { get; init; }

    /// <summary>Error message.</summary>
    public string? ErrorMessage { get; init; }
}

/// <summary>A course account of an offering (schema <c>CourseAccount</c>).</summary>
public sealed record CourseAccount
{
    /// <summary>Account uuid.</summary>
    public required Guid Uuid { get; init; }

    /// <summary>Username on the backend.</summary>
    public string? Username { get; init; }

    /// <summary>State, one of <see cref="AccountState"/>.</summary>
    public string? State { get; init; }

    /// <summary>Project uuid.</summary>
    public Guid? ProjectUuid { get; init; }

    /// <summary>Project name.</summary>
    public string? ProjectName { get; init; }

    /// <summary>Project slug.</summary>
    public string? ProjectSlug { get; init; }

    /// <summary>Project end date.</summary>
    public DateOnly? ProjectEndDate { get; init; }

    /// <summary>User uuid.</summary>
    public Guid? UserUuid { get; init; }

    /// <summary>E-mail.</summary>
    public string? Email { get; init; }

    /// <summary>Error message.</summary>
    public string? ErrorMessage { get; init; }
}
