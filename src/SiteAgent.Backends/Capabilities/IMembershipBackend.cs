using SiteAgent.Backends.Model;

namespace SiteAgent.Backends.Capabilities;

/// <summary>Keeps the users of a backend resource in step with the Waldur project team.</summary>
[BackendCapability(BackendCapabilities.MembershipSync)]
public interface IMembershipBackend
{
    /// <summary>Gives users access to the resource; returns those that now have it. Per-user failures are logged, not thrown.</summary>
    Task<IReadOnlySet<string>> AddUsersAsync(
        ResourceRequest resource, IReadOnlyList<string> usernames, MembershipDetails details, CancellationToken cancellationToken);

    /// <summary>
    /// Takes access away; returns those removed. Per-user failures are logged, not thrown; an object that is
    /// not the resource's own throws <see cref="NotOwnedException"/> before any user is touched.
    /// </summary>
    Task<IReadOnlySet<string>> RemoveUsersAsync(
        ResourceRequest resource, IReadOnlyList<string> usernames, MembershipDetails details, CancellationToken cancellationToken);
}
