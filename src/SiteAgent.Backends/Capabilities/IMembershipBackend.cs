using SiteAgent.Backends.Model;

namespace SiteAgent.Backends.Capabilities;

/// <summary>Keeps the users of a backend resource in step with the Waldur project team.</summary>
[BackendCapability(BackendCapabilities.MembershipSync)]
public interface IMembershipBackend
{
    /// <summary>
    /// Reads the users of many resources at once, as few backend reads as the backend allows (SLURM: one
    /// <c>sacctmgr</c> read for the whole offering). An id absent from the answer has no backend resource.
    /// </summary>
    /// <remarks>
    /// The membership sync calls it once per cycle before the per-resource calls; afterwards the backend
    /// may answer that cycle's reads (users, limits, QoS, per-user limits) from what it read here, and
    /// keeps that view up to date with its own writes.
    /// </remarks>
    Task<IReadOnlyDictionary<string, IReadOnlySet<string>>> ReadMembershipAsync(IReadOnlyList<string> backendIds, CancellationToken cancellationToken);

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
