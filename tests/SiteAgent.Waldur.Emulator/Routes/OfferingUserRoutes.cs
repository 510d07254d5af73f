using SiteAgent.Waldur.Emulator.Http;
using SiteAgent.Waldur.Emulator.Presenters;
using SiteAgent.Waldur.Emulator.State;

namespace SiteAgent.Waldur.Emulator.Routes;

/// <summary>/api/marketplace-offering-users/: listing, username writes and the creation state machine.</summary>
internal static class OfferingUserRoutes
{
    private const string Base = "/api/marketplace-offering-users/";

    private static readonly string[] States =
    [
        OfferingUserStates.Requested, OfferingUserStates.Creating, OfferingUserStates.PendingAccountLinking, OfferingUserStates.PendingAdditionalValidation,
        OfferingUserStates.Ok, OfferingUserStates.RequestedDeletion, OfferingUserStates.Deleting, OfferingUserStates.Deleted,
        OfferingUserStates.ErrorCreating, OfferingUserStates.ErrorDeleting,
    ];

    private static readonly Dictionary<string, Func<OfferingUser, IComparable?>> Ordering = new()
    {
        ["created"] = u => u.Created,
        ["modified"] = u => u.Modified,
        ["username"] = u => u.Username ?? "",
    };

    public static void Map(ApiRouteTable routes)
    {
        routes.Get(Base, "marketplace_offering_users_list", List);
        routes.Patch(Base + "{uuid}/", "marketplace_offering_users_partial_update", c =>
        {
            var user = c.Lookup(c.State.OfferingUsers);
            if (c.BodyObject().ContainsKey("username"))
                OfferingUserMachine.SetUsername(c.State, user, RequestBody.Text(c.BodyObject(), "username"));
            return ApiResult.Ok(AccountPresenter.OfferingUser(c.Links, user));
        });
        Action(routes, "begin_creating", (c, u) => OfferingUserMachine.BeginCreating(c.State, u));
        Action(routes, "set_pending_account_linking", (c, u) =>
            OfferingUserMachine.SetPendingAccountLinking(c.State, u, RequestBody.Text(c.BodyObject(), "comment"), RequestBody.Text(c.BodyObject(), "comment_url")));
        Action(routes, "set_pending_additional_validation", (c, u) =>
            OfferingUserMachine.SetPendingAdditionalValidation(c.State, u, RequestBody.Text(c.BodyObject(), "comment"), RequestBody.Text(c.BodyObject(), "comment_url")));
        Action(routes, "set_validation_complete", (c, u) => OfferingUserMachine.SetValidationComplete(c.State, u));
        Action(routes, "set_error_creating", (c, u) => OfferingUserMachine.SetErrorCreating(c.State, u));
    }

    private static void Action(ApiRouteTable routes, string name, Action<ApiContext, OfferingUser> transition) =>
        routes.Post($"{Base}{{uuid}}/{name}/", $"marketplace_offering_users_{name}", c =>
        {
            transition(c, c.Lookup(c.State.OfferingUsers));
            return ApiResult.Empty();
        });

    private static ApiResult List(ApiContext c)
    {
        var users = c.State.OfferingUsers.Where(u =>
            Filters.Uuid(c, "offering_uuid", u.Offering.Uuid) &&
            Filters.Choice(c, "state", u.State, States) &&
            Filters.Uuid(c, "user_uuid", u.User.Uuid) &&
            Filters.Uuid(c, "provider_uuid", u.Offering.Customer.Uuid) &&
            Filters.Exact(c, "user_username", u.User.Username) &&
            Filters.Exact(c, "offering_slug", u.Offering.Slug) &&
            Filters.Bool(c, "is_restricted", u.IsRestricted) &&
            Filters.Bool(c, "has_consent", u.HasConsent) &&
            (c.Query("offering") is not { } offering || EmulatorState.LastSegment(offering) == u.Offering.Uuid) &&
            (c.Query("query") is not { } q || (u.Username ?? "").Contains(q, StringComparison.OrdinalIgnoreCase)
                || u.User.Username.Contains(q, StringComparison.OrdinalIgnoreCase) || u.User.FullName.Contains(q, StringComparison.OrdinalIgnoreCase))).ToList();
        return Paging.List(c, Filters.Order(c, users, Ordering, "username"), u => AccountPresenter.OfferingUser(c.Links, u));
    }
}
