using SiteAgent.Waldur.Integration.Tests.Infrastructure;
using SiteAgent.Waldur.Models;
using SiteAgent.Waldur.Queries;
using static SiteAgent.Waldur.Integration.Tests.Infrastructure.EmulatedWaldur;

namespace SiteAgent.Waldur.Integration.Tests.Operations;

/// <summary>Offering users: listing, usernames and the username-generation state machine.</summary>
internal static class OfferingUserCases
{
    public static IEnumerable<ClientCase> All() =>
    [
        new("marketplace_offering_users_list", async w =>
        {
            var users = await w.Client.ListOfferingUsers(new OfferingUserListQuery
            {
                OfferingUuids = [Ids.Offering],
                IsRestricted = false,
                Fields = ["username", "state", "user_uuid", "url"],
            }).ToListAsync(Ct);

            await Assert.That(users.Select(u => u.UserUuid!.Value).Order()).IsEquivalentTo([Ids.Alice, Ids.Bob, Ids.Carol], CollectionOrdering.Matching);
            var carol = users.Single(u => u.UserUuid == Ids.Carol);
            await Assert.That((carol.Uuid, carol.State, carol.Username)).IsEqualTo((Ids.CarolOfferingUser, OfferingUserState.Requested, null));
            await Assert.That(users.Single(u => u.UserUuid == Ids.Alice).Username).IsEqualTo("alice");
            await Assert.That(carol.OfferingName).IsNull();
        }),
        new("marketplace_offering_users_partial_update", async w =>
        {
            var user = await w.Client.UpdateOfferingUserAsync(Ids.CarolOfferingUser, new PatchedOfferingUserRequest { Username = "carol" }, Ct);

            await Assert.That((user.Uuid, user.Username, user.State)).IsEqualTo((Ids.CarolOfferingUser, "carol", OfferingUserState.Ok));
            await Assert.That(w.Read(s => s.OfferingUsers.At(Ids.CarolOfferingUser).Username)).IsEqualTo("carol");
        }),
        new("marketplace_offering_users_begin_creating", async w =>
        {
            await w.Client.BeginCreatingOfferingUserAsync(Ids.CarolOfferingUser, Ct);

            await Assert.That(StateOfCarol(w)).IsEqualTo(OfferingUserState.Creating);
        }),
        new("marketplace_offering_users_set_pending_account_linking", async w =>
        {
            SetCarol(w, OfferingUserState.Creating);

            await w.Client.SetOfferingUserPendingAccountLinkingAsync(Ids.CarolOfferingUser, "Link your account", "https://idp.example.org/link", Ct);

            var carol = Carol(w);
            await Assert.That((carol.State, carol.ServiceProviderComment, carol.ServiceProviderCommentUrl)).IsEqualTo((OfferingUserState.PendingAccountLinking, "Link your account", "https://idp.example.org/link"));
        }),
        new("marketplace_offering_users_set_pending_additional_validation", async w =>
        {
            SetCarol(w, OfferingUserState.Creating);

            await w.Client.SetOfferingUserPendingAdditionalValidationAsync(Ids.CarolOfferingUser, "Send documents", cancellationToken: Ct);

            var carol = Carol(w);
            await Assert.That((carol.State, carol.ServiceProviderComment)).IsEqualTo((OfferingUserState.PendingAdditionalValidation, "Send documents"));
        }),
        new("marketplace_offering_users_set_validation_complete", async w =>
        {
            SetCarol(w, OfferingUserState.PendingAccountLinking);

            await w.Client.SetOfferingUserValidationCompleteAsync(Ids.CarolOfferingUser, Ct);

            await Assert.That(StateOfCarol(w)).IsEqualTo(OfferingUserState.Ok);
        }),
        new("marketplace_offering_users_set_error_creating", async w =>
        {
            SetCarol(w, OfferingUserState.Creating);

            await w.Client.SetOfferingUserErrorCreatingAsync(Ids.CarolOfferingUser, Ct);

            await Assert.That(StateOfCarol(w)).IsEqualTo(OfferingUserState.ErrorCreating);
        }),
    ];

    // The call under test has completed, so reading the entity after the lock is released is safe.
    private static Emulator.State.OfferingUser Carol(EmulatedWaldur w) => w.Read(s => s.OfferingUsers.At(Ids.CarolOfferingUser));

    private static string StateOfCarol(EmulatedWaldur w) => Carol(w).State;

    private static void SetCarol(EmulatedWaldur w, string state) => w.Arrange(s => s.OfferingUsers.At(Ids.CarolOfferingUser).State = state);
}
