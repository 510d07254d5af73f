namespace SiteAgent.Backends.Capabilities;

/// <summary>Per-user limits inside a resource (Waldur's component user usage limits).</summary>
[BackendCapability(BackendCapabilities.UserLimits)]
public interface IUserLimitsBackend
{
    /// <summary>
    /// Makes the per-user limits of the resource equal to <paramref name="limits"/> (Waldur units, by
    /// username): a user with an empty map has all limits cleared. Writes only what differs from the
    /// backend's current values and returns the users whose limits were written; per-user failures are
    /// logged, not thrown.
    /// </summary>
    Task<IReadOnlySet<string>> SyncUserLimitsAsync(
        string backendId, IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>> limits, CancellationToken cancellationToken);

    /// <summary>Users of the resource that currently have a per-user limit on the backend.</summary>
    Task<IReadOnlySet<string>> UsersWithLimitsAsync(string backendId, CancellationToken cancellationToken);
}
