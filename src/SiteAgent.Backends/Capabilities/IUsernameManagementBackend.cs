using SiteAgent.Backends.Model;

namespace SiteAgent.Backends.Capabilities;

/// <summary>Finds or generates site-local usernames for offering users.</summary>
/// <remarks>
/// Throw <see cref="UsernameActionRequiredException"/> when the user must act in Waldur, and
/// <see cref="BackendException"/> when creation failed.
/// </remarks>
[BackendCapability(BackendCapabilities.UsernameManagement)]
public interface IUsernameManagementBackend
{
    /// <summary>The existing username in the local identity system, or null/empty when unknown.</summary>
    Task<string?> GetUsernameAsync(OfferingUserInfo offeringUser, CancellationToken cancellationToken);

    /// <summary>Creates a username; empty means "not possible yet" and leaves the user's state alone.</summary>
    Task<string> GenerateUsernameAsync(OfferingUserInfo offeringUser, CancellationToken cancellationToken);

    /// <summary>Hook called before every membership synchronisation; the default does nothing.</summary>
    Task SyncUserProfilesAsync(IReadOnlyList<OfferingUserInfo> offeringUsers, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}
