using System.Text.Json.Nodes;
using SiteAgent.Waldur.Emulator.Http;
using SiteAgent.Waldur.Emulator.Presenters;
using SiteAgent.Waldur.Emulator.State;

namespace SiteAgent.Waldur.Emulator.Routes;

/// <summary>/api/marketplace-orders/: listing, creation and the provider-side state machine.</summary>
internal static class OrderRoutes
{
    private static readonly string[] Types = [OrderTypes.Create, OrderTypes.Update, OrderTypes.Terminate, OrderTypes.Restore];

    private static readonly Dictionary<string, Func<Order, IComparable?>> Ordering = new()
    {
        ["created"] = o => o.Created,
        ["state"] = o => o.State,
        ["cost"] = _ => 0,
        ["consumer_reviewed_at"] = o => o.Created,
    };

    public static void Map(ApiRouteTable routes)
    {
        routes.Get("/api/marketplace-orders/", "marketplace_orders_list", List);
        routes.Post("/api/marketplace-orders/", "marketplace_orders_create", Create);
        routes.Get("/api/marketplace-orders/{uuid}/", "marketplace_orders_retrieve",
            c => ApiResult.Ok(ProvisioningPresenter.Order(c.Links, c.Lookup(c.State.Orders))));
        routes.Post("/api/marketplace-orders/{uuid}/approve_by_provider/", "marketplace_orders_approve_by_provider", c =>
        {
            OrderMachine.Approve(c.State, c.Lookup(c.State.Orders), c.User);
            return ApiResult.Ok(new JsonObject { ["detail"] = "Order has been approved." });
        });
        routes.Post("/api/marketplace-orders/{uuid}/reject_by_provider/", "marketplace_orders_reject_by_provider", c =>
        {
            OrderMachine.Reject(c.State, c.Lookup(c.State.Orders), c.User, RequestBody.Text(c.BodyObject(), "provider_rejection_comment"));
            return ApiResult.Empty();
        });
        routes.Post("/api/marketplace-orders/{uuid}/set_backend_id/", "marketplace_orders_set_backend_id", c =>
        {
            var order = c.Lookup(c.State.Orders);
            order.BackendId = RequestBody.Required(c.BodyObject(), "backend_id");
            c.State.Touch(order);
            return ApiResult.Status200("Order backend_id has been changed.");
        });
        routes.Post("/api/marketplace-orders/{uuid}/set_state_done/", "marketplace_orders_set_state_done", c =>
        {
            OrderMachine.Done(c.State, c.Lookup(c.State.Orders));
            return ApiResult.Empty();
        });
        routes.Post("/api/marketplace-orders/{uuid}/set_state_erred/", "marketplace_orders_set_state_erred", c =>
        {
            var body = c.BodyObject();
            OrderMachine.Erred(c.State, c.Lookup(c.State.Orders), RequestBody.Text(body, "error_message") ?? "", RequestBody.Text(body, "error_traceback") ?? "");
            return ApiResult.Empty();
        });
    }

    private static ApiResult List(ApiContext c)
    {
        var orders = c.State.Orders.Where(o =>
            Filters.Uuid(c, "offering_uuid", o.Offering.Uuid) &&
            Filters.Choice(c, "state", o.State, OrderStates.All) &&
            Filters.Choice(c, "type", o.Type, Types) &&
            Filters.Uuid(c, "resource_uuid", o.Resource.Uuid) &&
            Filters.Uuid(c, "project_uuid", o.Project.Uuid) &&
            Filters.Uuid(c, "customer_uuid", o.Project.Customer.Uuid) &&
            Filters.Uuid(c, "provider_uuid", o.Offering.Customer.Uuid) &&
            Filters.Contains(c, "resource_name", o.Resource.Name) &&
            Filters.Exact(c, "slug", o.Slug) &&
            Filters.Exact(c, "offering_type", o.Offering.Type) &&
            (c.Query("offering") is not { } offering || EmulatorState.LastSegment(offering) == o.Offering.Uuid) &&
            (c.Query("resource") is not { } resource || EmulatorState.LastSegment(resource) == o.Resource.Uuid)).ToList();
        var ordered = Filters.Order(c, orders, Ordering, "-created");
        return Paging.List(c, ordered, o => ProvisioningPresenter.Order(c.Links, o));
    }

    /// <summary>A consumer order; Create orders get a new resource in Creating, like Waldur's order serializer.</summary>
    private static ApiResult Create(ApiContext c)
    {
        var body = c.BodyObject();
        var offering = c.State.Offerings.Find(EmulatorState.LastSegment(RequestBody.Required(body, "offering")))
            ?? throw ApiError.Field("offering", "Invalid hyperlink - Object does not exist.");
        var project = c.State.Projects.Find(EmulatorState.LastSegment(RequestBody.Required(body, "project")))
            ?? throw ApiError.Field("project", "Invalid hyperlink - Object does not exist.");
        Plan? plan = null;
        if (RequestBody.Text(body, "plan") is { } planUrl)
            plan = c.State.FindPlan(offering, EmulatorState.LastSegment(planUrl)) ?? throw ApiError.Field("plan", "Invalid hyperlink - Object does not exist.");
        var type = RequestBody.Text(body, "type") ?? OrderTypes.Create;
        if (type != OrderTypes.Create)
            throw ApiError.Field("type", "Only Create orders can be created here; use the resource's update_limits or terminate.");
        var attributes = body["attributes"] as JsonObject ?? [];
        var name = RequestBody.Text(attributes, "name") ?? $"resource-{c.State.Resources.Count + 1}";
        var resource = c.State.Add(c.State.Resources, new Resource
        {
            Name = name,
            Slug = EmulatorState.Slugify(name, c.State.Resources.Select(r => r.Slug)),
            Offering = offering,
            Project = project,
            Plan = plan,
            Attributes = (JsonObject)attributes.DeepClone(),
            Description = RequestBody.Text(attributes, "description") ?? "",
        });
        var order = c.State.Add(c.State.Orders, new Order
        {
            Type = type,
            Resource = resource,
            Plan = plan,
            Limits = RequestBody.Limits(body, "limits"),
            Attributes = (JsonObject)attributes.DeepClone(),
            RequestComment = RequestBody.Text(body, "request_comment"),
            CallbackUrl = RequestBody.Text(body, "callback_url"),
            CreatedBy = c.User,
            State = OrderStates.PendingProvider,
        });
        resource.Limits = new Dictionary<string, long>(order.Limits);
        return ApiResult.Created(ProvisioningPresenter.Order(c.Links, order));
    }
}
