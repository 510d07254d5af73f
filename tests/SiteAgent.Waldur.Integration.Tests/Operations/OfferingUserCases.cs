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

            Assert.Equal([Ids.Alice, Ids.Bob, Ids.Carol], users.Select(u => u.UserUuid!.Value).Order());
            var carol = users.Single(u => u.UserUuid == Ids.Carol);
            Assert.Equal((Ids.CarolOfferingUser, OfferingUserState.Requested, null), (carol.Uuid, carol.State, carol.Username));
            Assert.Equal("alice", users.Single(u => u.UserUuid == Ids.Alice).Username);
            Assert.Null(carol.OfferingName);
        }),
        new("marketplace_offering_users_partial_update", async w =>
        {
            var user = await w.Client.UpdateOfferingUserAsync(Ids.CarolOfferingUser, new PatchedOfferingUserRequest { Username = "carol" }, Ct);

            Assert.Equal((Ids.CarolOfferingUser, "carol", OfferingUserState.Ok), (user.Uuid, user.Username, user.State));
            Assert.Equal("carol", w.Read(s => s.OfferingUsers.At(Ids.CarolOfferingUser).Username));
        }),
        new("marketplace_offering_users_begin_creating", async w =>
        {
            await w.Client.BeginCreatingOfferingUserAsync(Ids.CarolOfferingUser, Ct);

            Assert.Equal(OfferingUserState.Creating, StateOfCarol(w));
        }),
        new("marketplace_offering_users_set_pending_account_linking", async w =>
        {
            SetCarol(w, OfferingUserState.Creating);

            await w.Client.SetOfferingUserPendingAccountLinkingAsync(Ids.CarolOfferingUser, "Link your account", "https://idp.example.org/link", Ct);

            var carol = Carol(w);
            Assert.Equal(
                (OfferingUserState.PendingAccountLinking, "Link your account", "https://idp.example.org/link"),
                (carol.State, carol.ServiceProviderComment, carol.ServiceProviderCommentUrl));
        }),
        new("marketplace_offering_users_set_pending_additional_validation", async w =>
        {
            SetCarol(w, OfferingUserState.Creating);

            await w.Client.SetOfferingUserPendingAdditionalValidationAsync(Ids.CarolOfferingUser, "Send documents", cancellationToken: Ct);

            var carol = Carol(w);
            Assert.Equal((OfferingUserState.PendingAdditionalValidation, "Send documents"), (carol.State, carol.ServiceProviderComment));
        }),
        new("marketplace_offering_users_set_validation_complete", async w =>
        {
            SetCarol(w, OfferingUserState.PendingAccountLinking);

            await w.Client.SetOfferingUserValidationCompleteAsync(Ids.CarolOfferingUser, Ct);

            Assert.Equal(OfferingUserState.Ok, StateOfCarol(w));
        }),
        new("marketplace_offering_users_set_error_creating", async w =>
        {
            SetCarol(w, OfferingUserState.Creating);

            await w.Client.SetOfferingUserErrorCreatingAsync(Ids.CarolOfferingUser, Ct);

            Assert.Equal(OfferingUserState.ErrorCreating, StateOfCarol(w));
        }),
    ];

    // The call under test has completed, so reading the entity after the lock is released is safe.
    private static Emulator.State.OfferingUser Carol(EmulatedWaldur w) => w.Read(s => s.OfferingUsers.At(Ids.CarolOfferingUser));

    private static string StateOfCarol(EmulatedWaldur w) => Carol(w).State;

    private static void SetCarol(EmulatedWaldur w, string state) => w.Arrange(s => s.OfferingUsers.At(Ids.CarolOfferingUser).State = state);
}
