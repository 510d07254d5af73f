using SiteAgent.Waldur.Models;
using SiteAgent.Waldur.Operations;
using SiteAgent.Waldur.Queries;

namespace SiteAgent.Waldur;

// Offering users: listing, usernames and the state machine of username generation.
public sealed partial class WaldurClient
{
    /// <summary>Lists offering users (<c>marketplace_offering_users_list</c>); enumerate for all pages.</summary>
    public WaldurPages<OfferingUser> ListOfferingUsers(OfferingUserListQuery? query = null) =>
        Pages(WaldurOperations.MarketplaceOfferingUsersList, null, q => query?.AppendTo(q), Json.ListOfferingUser);

    /// <summary>Changes fields of an offering user, in practice its username (<c>marketplace_offering_users_partial_update</c>).</summary>
    /// <remarks>Idempotent. Dry-run answers an offering user with the new username.</remarks>
    public Task<OfferingUser> UpdateOfferingUserAsync(Guid offeringUserUuid, PatchedOfferingUserRequest patch, CancellationToken cancellationToken = default) =>
        WriteAsync(
            WaldurOperations.MarketplaceOfferingUsersPartialUpdate,
            offeringUserUuid,
            patch,
            Json.PatchedOfferingUserRequest,
            Json.OfferingUser,
            () => new OfferingUser { Uuid = offeringUserUuid, Username = patch.Username },
            cancellationToken);

    /// <summary>Moves an offering user from Requested (or Error creating) to Creating (<c>marketplace_offering_users_begin_creating</c>).</summary>
    /// <remarks>Guarded: a state transition; re-read the user's state before repeating.</remarks>
    public Task BeginCreatingOfferingUserAsync(Guid offeringUserUuid, CancellationToken cancellationToken = default) =>
        WriteAsync(WaldurOperations.MarketplaceOfferingUsersBeginCreating, offeringUserUuid, cancellationToken);

    /// <summary>Marks username generation failed (<c>marketplace_offering_users_set_error_creating</c>).</summary>
    /// <remarks>Guarded: a state transition.</remarks>
    public Task SetOfferingUserErrorCreatingAsync(Guid offeringUserUuid, CancellationToken cancellationToken = default) =>
        WriteAsync(WaldurOperations.MarketplaceOfferingUsersSetErrorCreating, offeringUserUuid, cancellationToken);

    /// <summary>Asks the user to link an account first (<c>marketplace_offering_users_set_pending_account_linking</c>).</summary>
    /// <remarks>Guarded: a state transition.</remarks>
    public Task SetOfferingUserPendingAccountLinkingAsync(Guid offeringUserUuid, string comment, string? commentUrl = null, CancellationToken cancellationToken = default) =>
        WriteAsync(
            WaldurOperations.MarketplaceOfferingUsersSetPendingAccountLinking,
            offeringUserUuid,
            new OfferingUserStateTransitionRequest { Comment = comment, CommentUrl = commentUrl },
            Json.OfferingUserStateTransitionRequest,
            cancellationToken);

    /// <summary>Asks the user to pass additional validation first (<c>marketplace_offering_users_set_pending_additional_validation</c>).</summary>
    /// <remarks>Guarded: a state transition.</remarks>
    public Task SetOfferingUserPendingAdditionalValidationAsync(Guid offeringUserUuid, string comment, string? commentUrl = null, CancellationToken cancellationToken = default) =>
        WriteAsync(
            WaldurOperations.MarketplaceOfferingUsersSetPendingAdditionalValidation,
            offeringUserUuid,
            new OfferingUserStateTransitionRequest { Comment = comment, CommentUrl = commentUrl },
            Json.OfferingUserStateTransitionRequest,
            cancellationToken);

    /// <summary>Marks a pending user validated: state OK, comments cleared (<c>marketplace_offering_users_set_validation_complete</c>).</summary>
    /// <remarks>Guarded: a state transition.</remarks>
    public Task SetOfferingUserValidationCompleteAsync(Guid offeringUserUuid, CancellationToken cancellationToken = default) =>
        WriteAsync(WaldurOperations.MarketplaceOfferingUsersSetValidationComplete, offeringUserUuid, cancellationToken);
}
