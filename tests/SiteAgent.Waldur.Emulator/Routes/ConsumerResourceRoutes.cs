using System.Text.Json.Nodes;
using SiteAgent.Waldur.Emulator.Http;
using SiteAgent.Waldur.Emulator.State;

namespace SiteAgent.Waldur.Emulator.Routes;

/// <summary>/api/marketplace-resources/: the consumer view used by the federation backend on the target Waldur.</summary>
internal static class ConsumerResourceRoutes
{
    private const string Base = "/api/marketplace-resources/";

    public static void Map(ApiRouteTable routes)
    {
        routes.Get(Base, "marketplace_resources_list", ResourceQueries.List);
        routes.Get(Base + "{uuid}/", "marketplace_resources_retrieve", ResourceQueries.Retrieve);
        routes.Get(Base + "{uuid}/team/", "marketplace_resources_team_list", ResourceQueries.Team);
        routes.Post(Base + "{uuid}/set_end_date/", "marketplace_resources_set_end_date", ProviderResourceRoutes.SetEndDate);
        routes.Post(Base + "{uuid}/terminate/", "marketplace_resources_terminate", c =>
            NewOrder(c, OrderTypes.Terminate, [], c.BodyObject()["attributes"] as JsonObject));
        routes.Post(Base + "{uuid}/update_limits/", "marketplace_resources_update_limits", c =>
            NewOrder(c, OrderTypes.Update, RequestBody.Limits(c.BodyObject(), "limits"), null, RequestBody.Text(c.BodyObject(), "request_comment")));
    }

    /// <summary>Creates an order on an existing resource (pending-provider) and answers <c>{"order_uuid": …}</c>.</summary>
    private static ApiResult NewOrder(ApiContext c, string type, Dictionary<string, long> limits, JsonObject? attributes, string? comment = null)
    {
        var resource = c.Lookup(c.State.Resources);
        if (resource.State is not (ResourceStates.Ok or ResourceStates.Erred))
            throw ApiError.InvalidState(ResourceStates.Ok, ResourceStates.Erred);
        var order = c.State.Add(c.State.Orders, new Order
        {
            Type = type,
            Resource = resource,
            Plan = resource.Plan,
            OldPlan = resource.Plan,
            Limits = limits,
            Attributes = (JsonObject?)attributes?.DeepClone() ?? [],
            RequestComment = comment,
            CreatedBy = c.User,
            State = OrderStates.PendingProvider,
        });
        return ApiResult.Ok(new JsonObject { ["order_uuid"] = order.Uuid });
    }
}
