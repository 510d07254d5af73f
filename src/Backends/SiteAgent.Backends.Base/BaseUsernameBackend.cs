using SiteAgent.Backends.Capabilities;
using SiteAgent.Backends.Model;

namespace SiteAgent.Backends.Base;

/// <summary>
/// The default username-management backend: it knows no usernames and
/// generates none, for sites that assign usernames by other means.
/// </summary>
/// <remarks>
/// Under the <c>service_provider</c> username policy this moves <c>Requested</c> offering users to
/// <c>Creating</c>, where they wait until a username is set elsewhere — as the reference does.
/// </remarks>
[Backend("base",
    DisplayName = "Basic username management",
    Description = "Default username backend: generates no usernames; usernames come from Waldur or are set by other means.")]
public sealed class BaseUsernameBackend : IUsernameManagementBackend
{
    /// <inheritdoc />
    public Task<string?> GetUsernameAsync(OfferingUserInfo offeringUser, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(null);

    /// <inheritdoc />
    public Task<string> GenerateUsernameAsync(OfferingUserInfo offeringUser, CancellationToken cancellationToken) =>
        Task.FromResult(string.Empty);
}
