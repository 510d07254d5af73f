using System.Text.Json.Nodes;
using SiteAgent.Waldur.Emulator.Http;
using SiteAgent.Waldur.Emulator.Presenters;
using SiteAgent.Waldur.Emulator.State;

namespace SiteAgent.Waldur.Emulator.Routes;

/// <summary>Component usages (per resource and billing period), per-user usages and per-user limits.</summary>
internal static class UsageRoutes
{
    private const string Base = "/api/marketplace-component-usages/";

    public static void Map(ApiRouteTable routes)
    {
        routes.Get(Base, "marketplace_component_usages_list", ListUsages);
        routes.Post(Base + "set_usage/", "marketplace_component_usages_set_usage", SetUsage);
        routes.Post(Base + "{uuid}/set_user_usages/", "marketplace_component_usages_set_user_usages", c =>
        {
            var parent = c.Lookup(c.State.ComponentUsages);
            foreach (var item in c.BodyObject()["usages"] as JsonArray ?? [])
                if (item is JsonObject usage) Upsert(c, parent, usage);
            return ApiResult.Empty(201);
        });
        routes.Post(Base + "{uuid}/set_user_usage/", "marketplace_component_usages_set_user_usage", c =>
        {
            Upsert(c, c.Lookup(c.State.ComponentUsages), c.BodyObject());
            return ApiResult.Empty(201);
        });
        routes.Get("/api/marketplace-component-user-usages/", "marketplace_component_user_usages_list", ListUserUsages);
        routes.Get("/api/component-user-usage-limits/", "component_user_usage_limits_list", c => Paging.List(c,
            c.State.UserUsageLimits.Where(l =>
                Filters.Uuid(c, "resource_uuid", l.Resource.Uuid) &&
                Filters.Uuid(c, "offering_uuid", l.Resource.Offering.Uuid) &&
                Filters.Exact(c, "component_type", l.Component.Type) &&
                Filters.Exact(c, "username", l.User.Username)),
            l => UsagePresenter.UserLimit(c.Links, l)));
    }

    private static ApiResult ListUsages(ApiContext c)
    {
        var period = c.QueryDate("billing_period");
        var usages = c.State.ComponentUsages.Where(u =>
            Filters.Uuid(c, "resource_uuid", u.Resource.Uuid) &&
            Filters.Uuid(c, "offering_uuid", u.Resource.Offering.Uuid) &&
            Filters.Uuid(c, "project_uuid", u.Resource.Project.Uuid) &&
            Filters.Uuid(c, "customer_uuid", u.Resource.Project.Customer.Uuid) &&
            Filters.Exact(c, "type", u.Component.Type) &&
            (c.Query("resource") is not { } r || EmulatorState.LastSegment(r) == u.Resource.Uuid) &&
            (period is null || period == u.BillingPeriod)).ToList();
        var ordering = new Dictionary<string, Func<ComponentUsage, IComparable?>> { ["billing_period"] = u => u.BillingPeriod, ["usage"] = u => u.Usage };
        return Paging.List(c, Filters.Order(c, usages, ordering, "-billing_period"), UsagePresenter.ComponentUsage);
    }

    private static ApiResult ListUserUsages(ApiContext c)
    {
        var period = c.QueryDate("component_usage__billing_period");
        var usages = c.State.ComponentUserUsages.Where(u =>
            Filters.Uuid(c, "resource_uuid", u.ComponentUsage.Resource.Uuid) &&
            Filters.Uuid(c, "offering_uuid", u.ComponentUsage.Resource.Offering.Uuid) &&
            Filters.Uuid(c, "project_uuid", u.ComponentUsage.Resource.Project.Uuid) &&
            Filters.Exact(c, "username", u.Username) &&
            Filters.Exact(c, "type", u.ComponentUsage.Component.Type) &&
            (period is null || period == u.ComponentUsage.BillingPeriod)).ToList();
        var ordering = new Dictionary<string, Func<ComponentUserUsage, IComparable?>>
        {
            ["component_usage__billing_period"] = u => u.ComponentUsage.BillingPeriod,
            ["usage"] = u => u.Usage,
            ["username"] = u => u.Username,
        };
        return Paging.List(c, Filters.Order(c, usages, ordering, "username"), u => UsagePresenter.UserUsage(c.Links, u));
    }

    /// <summary>Creates or replaces the ComponentUsage of each listed component for the billing month of <c>date</c>.</summary>
    private static ApiResult SetUsage(ApiContext c)
    {
        var body = c.BodyObject();
        var resource = c.State.Resources.Find(RequestBody.Text(body, "resource")) ?? throw ApiError.Field("resource", "Resource does not exist.");
        if (resource.State is ResourceStates.Terminated) throw ApiError.Field("resource", "Usage can not be reported for a terminated resource.");
        var date = RequestBody.Time(body, "date") ?? c.State.Now;
        var period = new DateOnly(date.UtcDateTime.Year, date.UtcDateTime.Month, 1);
        var items = (body["usages"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        foreach (var item in items)
            if (!resource.Offering.Components.Any(x => x.Type == RequestBody.Text(item, "type")))
                throw ApiError.Field("usages", $"Component {RequestBody.Text(item, "type")} is not found in offering {resource.Offering.Name}.");
        foreach (var item in items)
        {
            var component = resource.Offering.Components.First(x => x.Type == RequestBody.Text(item, "type"));
            var usage = c.State.ComponentUsages.FirstOrDefault(u => u.Resource == resource && u.Component == component && u.BillingPeriod == period)
                ?? c.State.Add(c.State.ComponentUsages, new ComponentUsage { Resource = resource, Component = component, BillingPeriod = period });
            usage.Usage = RequestBody.Decimal(item, "amount") ?? 0;
            usage.Date = date;
            usage.Description = RequestBody.Text(item, "description") ?? usage.Description;
            usage.Recurring = RequestBody.Flag(item, "recurring") ?? usage.Recurring;
            c.State.Touch(usage);
        }
        return ApiResult.Empty(201);
    }

    /// <summary>Creates or replaces one user's usage under a component usage (keyed by username).</summary>
    private static void Upsert(ApiContext c, ComponentUsage parent, JsonObject item)
    {
        var username = RequestBody.Required(item, "username");
        var usage = parent.UserUsages.FirstOrDefault(u => u.Username == username);
        if (usage is null)
        {
            usage = c.State.Add(c.State.ComponentUserUsages, new ComponentUserUsage { ComponentUsage = parent, Username = username });
            parent.UserUsages.Add(usage);
        }
        usage.Usage = RequestBody.Decimal(item, "usage") ?? 0;
        usage.Date = RequestBody.Time(item, "date") ?? parent.Date;
        if (RequestBody.Text(item, "user") is { } url)
            usage.OfferingUser = c.State.OfferingUsers.Find(EmulatorState.LastSegment(url)) ?? throw ApiError.Field("user", "Invalid hyperlink - Object does not exist.");
        c.State.Touch(usage);
    }
}
