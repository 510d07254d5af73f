using SiteAgent.Waldur.Emulator.Http;
using SiteAgent.Waldur.Emulator.Presenters;
using SiteAgent.Waldur.Emulator.State;

namespace SiteAgent.Waldur.Emulator.Routes;

/// <summary>What the provider and consumer resource endpoints share: the filter set, ordering and team listing.</summary>
internal static class ResourceQueries
{
    private static readonly string[] States =
        [ResourceStates.Creating, ResourceStates.Ok, ResourceStates.Erred, ResourceStates.Updating, ResourceStates.Terminating, ResourceStates.Terminated];

    private static readonly Dictionary<string, Func<Resource, IComparable?>> Ordering = new()
    {
        ["created"] = r => r.Created,
        ["name"] = r => r.Name,
        ["state"] = r => r.State,
        ["project_name"] = r => r.Project.Name,
        ["end_date"] = r => r.EndDate,
    };

    public static ApiResult List(ApiContext c)
    {
        var resources = c.State.Resources.Where(r =>
            Filters.Uuid(c, "offering_uuid", r.Offering.Uuid) &&
            Filters.Choice(c, "state", r.State, States) &&
            Filters.Uuid(c, "project_uuid", r.Project.Uuid) &&
            Filters.Uuid(c, "customer_uuid", r.Project.Customer.Uuid) &&
            Filters.Uuid(c, "provider_uuid", r.Offering.Customer.Uuid) &&
            Filters.Uuid(c, "plan_uuid", r.Plan?.Uuid ?? "") &&
            Filters.Exact(c, "backend_id", r.BackendId) &&
            Filters.Contains(c, "name", r.Name) &&
            Filters.Exact(c, "name_exact", r.Name) &&
            Filters.Exact(c, "slug", r.Slug) &&
            Filters.Contains(c, "project_name", r.Project.Name) &&
            Filters.Exact(c, "offering_type", r.Offering.Type) &&
            Filters.Bool(c, "paused", r.Paused) &&
            Filters.Bool(c, "downscaled", r.Downscaled) &&
            Filters.Bool(c, "restrict_member_access", r.RestrictMemberAccess) &&
            OrderStateMatches(c, r) &&
            (c.Query("query") is not { } q || r.Name.Contains(q, StringComparison.OrdinalIgnoreCase) || r.Uuid == Entity.NormalizeUuid(q) || r.BackendId == q)).ToList();
        return Paging.List(c, Filters.Order(c, resources, Ordering, "-created"), r => ProvisioningPresenter.Resource(c.Links, r));
    }

    public static ApiResult Retrieve(ApiContext c) => ApiResult.Ok(ProvisioningPresenter.Resource(c.Links, c.Lookup(c.State.Resources)));

    /// <summary>The project team with each member's offering user on the resource's offering.</summary>
    /// <remarks>The schema declares no page parameters but does declare <c>x-result-count</c>: the whole team, with its count.</remarks>
    public static ApiResult Team(ApiContext c)
    {
        var resource = c.Lookup(c.State.Resources);
        var consentOnly = c.QueryBool("has_consent");
        var team = new System.Text.Json.Nodes.JsonArray();
        foreach (var member in resource.Project.Members)
        {
            var offeringUser = c.State.OfferingUsers.FirstOrDefault(u => u.Offering == resource.Offering && u.User == member.User);
            if (consentOnly is { } wanted && (offeringUser?.HasConsent ?? false) != wanted) continue;
            team.Add(StructurePresenter.TeamMember(c.Links, member, offeringUser));
        }
        return new ApiResult(200, team, new Dictionary<string, string> { ["X-Result-Count"] = team.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) });
    }

    private static bool OrderStateMatches(ApiContext c, Resource r)
    {
        var wanted = c.QueryAll("order_state");
        return wanted.Count == 0 || c.State.Orders.Any(o => o.Resource == r && wanted.Contains(o.State));
    }
}
