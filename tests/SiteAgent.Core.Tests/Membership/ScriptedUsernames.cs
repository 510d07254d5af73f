using SiteAgent.Backends;
using SiteAgent.Backends.Capabilities;
using SiteAgent.Backends.Model;
using SiteAgent.Backends.Registry;
using SiteAgent.Backends.Settings;
using SiteAgent.Core.Tests.Support;

namespace SiteAgent.Core.Tests.Membership;

/// <summary>
/// A username backend that answers per user (by e-mail) what the test wants: a name, nothing yet, an action
/// the user must take, a backend error or another failure — every outcome a real username backend has.
/// </summary>
internal sealed class ScriptedUsernames : IUsernameManagementBackend, ICatalogAddition
{
    public Dictionary<string, Func<string>> Answers { get; } = new(StringComparer.Ordinal);

    public List<string> ProfilesSynced { get; } = [];

    public BackendDescriptor Descriptor => new("scripted", "Scripted", "1.0.0", "", typeof(ScriptedUsernames).FullName!,
        [BackendCapabilities.UsernameManagement], r => NoSettings.Read(r), (_, _) => this);

    public static Func<string> Name(string name) => () => name;

    public static Func<string> Linking(string comment) => () => throw new UsernameActionRequiredException(UsernameAction.AccountLinking, comment, "https://idp.example.org/link");

    public static Func<string> Validation(string comment) => () => throw new UsernameActionRequiredException(UsernameAction.AdditionalValidation, comment);

    public static Func<string> Fails(string reason) => () => throw new BackendException(reason);

    public static Func<string> Breaks(string reason) => () => throw new HttpRequestException(reason);

    public Task<string?> GetUsernameAsync(OfferingUserInfo offeringUser, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    public Task<string> GenerateUsernameAsync(OfferingUserInfo offeringUser, CancellationToken cancellationToken) =>
        Task.FromResult(Answers.TryGetValue(offeringUser.Attributes.GetValueOrDefault("email", string.Empty), out var answer) ? answer() : string.Empty);

    public Task SyncUserProfilesAsync(IReadOnlyList<OfferingUserInfo> offeringUsers, CancellationToken cancellationToken)
    {
        ProfilesSynced.AddRange(offeringUsers.Select(u => u.Attributes.GetValueOrDefault("email", string.Empty)));
        return Task.CompletedTask;
    }
}
