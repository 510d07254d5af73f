using Microsoft.Extensions.Logging;
using SiteAgent.Backends;
using SiteAgent.Backends.Capabilities;
using SiteAgent.Core.Observability;
using SiteAgent.Waldur;
using SiteAgent.Waldur.Models;

namespace SiteAgent.Core.Users;

/// <summary>
/// Drives offering users through username generation: Requested users
/// first, then those still pending, using the offering's username backend.
/// </summary>
public sealed partial class UsernameAssigner
{
    private const string ServiceProviderPolicy = "service_provider";

    private readonly WaldurClient _waldur;
    private readonly OfferingPluginOptions _options;
    private readonly IUsernameManagementBackend? _backend;
    private readonly string _offeringName;
    private readonly ILogger _logger;

    /// <summary>Creates the assigner; a null backend means username generation is off.</summary>
    public UsernameAssigner(WaldurClient waldur, OfferingPluginOptions options, IUsernameManagementBackend? backend, string offeringName, ILogger logger)
    {
        _waldur = waldur;
        _options = options;
        _backend = backend;
        _offeringName = offeringName;
        _logger = logger;
    }

    /// <summary>Assigns usernames where possible; true when at least one username was written.</summary>
    public async Task<bool> AssignAsync(IReadOnlyList<OfferingUser> users, CancellationToken cancellationToken)
    {
        if (users.Count == 0 || _backend is null || _options.UsernameGenerationPolicy != ServiceProviderPolicy)
        {
            return false;
        }

        if (_options.ServiceProviderCanCreateOfferingUser != true)
        {
            LogPolicyIncomplete(_logger, _offeringName);
            return false;
        }

        var changed = false;
        foreach (var user in users.Where(u => u.State == OfferingUserState.Requested && u.Uuid is not null))
        {
            changed |= await ProcessAsync(user, requested: true, cancellationToken).ConfigureAwait(false);
        }

        foreach (var user in users.Where(u => u.Uuid is not null && IsPending(u.State)))
        {
            changed |= await ProcessAsync(user, requested: false, cancellationToken).ConfigureAwait(false);
        }

        return changed;
    }

    /// <summary>Hands the offering users to the username backend's profile hook (before a membership sync); nothing without a backend.</summary>
    public Task SyncProfilesAsync(IReadOnlyList<OfferingUser> users, CancellationToken cancellationToken) =>
        _backend is null || users.Count == 0
            ? Task.CompletedTask
            : _backend.SyncUserProfilesAsync(users.Select(OfferingUsersDirectory.ToInfo).ToList(), cancellationToken);

    private static bool IsPending(string? state) => state is OfferingUserState.Creating or OfferingUserState.ErrorCreating
        or OfferingUserState.PendingAccountLinking or OfferingUserState.PendingAdditionalValidation;

    private async Task<bool> ProcessAsync(OfferingUser user, bool requested, CancellationToken cancellationToken)
    {
        var uuid = user.Uuid!.Value;
        try
        {
            if (requested || user.State == OfferingUserState.ErrorCreating)
            {
                await _waldur.BeginCreatingOfferingUserAsync(uuid, cancellationToken).ConfigureAwait(false);
            }

            return await AssignOneAsync(user, cancellationToken).ConfigureAwait(false);
        }
        catch (UsernameActionRequiredException action)
        {
            await RequestActionAsync(user, action, cancellationToken).ConfigureAwait(false);
        }
        catch (BackendException ex) when (requested || user.State is OfferingUserState.Creating or OfferingUserState.ErrorCreating)
        {
            LogFailed(_logger, uuid, ex.Message);
            try
            {
                await _waldur.SetOfferingUserErrorCreatingAsync(uuid, cancellationToken).ConfigureAwait(false);
            }
            catch (WaldurException marking)
            {
                LogFailed(_logger, uuid, "could not set error_creating: " + marking.Message);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Anything else (a network error of the username backend, a bug) changes no state: the user is retried next run.
            LogFailed(_logger, uuid, ex.Message);
        }

        return false;
    }

    private async Task<bool> AssignOneAsync(OfferingUser user, CancellationToken cancellationToken)
    {
        var info = OfferingUsersDirectory.ToInfo(user);
        var name = await _backend!.GetUsernameAsync(info, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(name))
        {
            name = await _backend.GenerateUsernameAsync(info, cancellationToken).ConfigureAwait(false);
        }

        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        if (user.State is OfferingUserState.PendingAccountLinking or OfferingUserState.PendingAdditionalValidation)
        {
            await _waldur.SetOfferingUserValidationCompleteAsync(user.Uuid!.Value, cancellationToken).ConfigureAwait(false);
        }

        await _waldur.UpdateOfferingUserAsync(user.Uuid!.Value, new PatchedOfferingUserRequest { Username = name }, cancellationToken).ConfigureAwait(false);
        LogAssigned(_logger, user.Uuid!.Value, name);
        return true;
    }

    private async Task RequestActionAsync(OfferingUser user, UsernameActionRequiredException action, CancellationToken cancellationToken)
    {
        var uuid = user.Uuid!.Value;
        LogActionRequired(_logger, uuid, action.Action.ToString(), action.Message);
        try
        {
            switch (action.Action)
            {
                case UsernameAction.AccountLinking when user.State != OfferingUserState.PendingAccountLinking:
                    await _waldur.SetOfferingUserPendingAccountLinkingAsync(uuid, action.Message, action.CommentUrl, cancellationToken).ConfigureAwait(false);
                    break;
                case UsernameAction.AdditionalValidation when user.State != OfferingUserState.PendingAdditionalValidation:
                    await _waldur.SetOfferingUserPendingAdditionalValidationAsync(uuid, action.Message, action.CommentUrl, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
        catch (WaldurException ex)
        {
            LogFailed(_logger, uuid, ex.Message);
        }
    }

    [LoggerMessage(EventId = LogEvents.UsernamePolicyNotServiceProvider, Level = LogLevel.Error,
        Message = "Offering \"{Offering}\" uses the service_provider username policy but service_provider_can_create_offering_user is not enabled; no usernames are generated")]
    private static partial void LogPolicyIncomplete(ILogger logger, string offering);

    [LoggerMessage(EventId = LogEvents.UsernameAssigned, Level = LogLevel.Information, Message = "Offering user {Uuid}: username set to {Username}")]
    private static partial void LogAssigned(ILogger logger, Guid uuid, string username);

    [LoggerMessage(EventId = LogEvents.UsernameFailed, Level = LogLevel.Warning, Message = "Offering user {Uuid}: username generation failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, Guid uuid, string reason);

    [LoggerMessage(EventId = LogEvents.UsernameActionRequired, Level = LogLevel.Information, Message = "Offering user {Uuid}: {Action} required: {Comment}")]
    private static partial void LogActionRequired(ILogger logger, Guid uuid, string action, string comment);
}
