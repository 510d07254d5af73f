using System.Text.Json.Nodes;
using SiteAgent.Waldur.Integration.Tests.Infrastructure;
using SiteAgent.Waldur.Models;
using SiteAgent.Waldur.Queries;
using static SiteAgent.Waldur.Integration.Tests.Infrastructure.EmulatedWaldur;

namespace SiteAgent.Waldur.Integration.Tests.Operations;

/// <summary>Marketplace orders: listing, reading, creating and the provider's transitions.</summary>
internal static class OrderCases
{
    public static IEnumerable<ClientCase> All() =>
    [
        new("marketplace_orders_list", async w =>
        {
            var orders = await w.Client.ListOrders(new OrderListQuery
            {
                OfferingUuid = Ids.Offering,
                States = [OrderState.PendingProvider, OrderState.Executing],
                Fields = ["type", "limits"],
            }).ToListAsync(Ct);

            Assert.Equal([Ids.PendingOrder, Ids.PendingOrder2, Ids.ExecutingOrder], orders.Select(o => o.Uuid).Order());
            Assert.Equal(OrderState.Executing, orders.Single(o => o.Uuid == Ids.ExecutingOrder).State);
            Assert.Equal(200m, orders.Single(o => o.Uuid == Ids.PendingOrder).Limits!["cpu"]);
            Assert.All(orders, o => Assert.Equal(OrderType.Create, o.Type));
        }),
        new("marketplace_orders_create", async w =>
        {
            var order = await w.Client.CreateOrderAsync(
                new OrderCreateRequest
                {
                    Offering = $"{w.ApiUrl}marketplace-public-offerings/{Ids.Offering.Hex()}/",
                    Project = $"{w.ApiUrl}projects/{Ids.Project.Hex()}/",
                    Plan = $"{w.ApiUrl}marketplace-public-plans/{Ids.Plan.Hex()}/",
                    Attributes = new JsonObject { ["name"] = "new-alloc" },
                    Limits = new Dictionary<string, long> { ["cpu"] = 5 },
                    Type = OrderType.Create,
                    RequestComment = "federated",
                },
                Ct);

            Assert.Equal(OrderState.PendingProvider, order.State);
            Assert.Equal(5m, order.Limits!["cpu"]);
            Assert.Equal(Ids.Project, order.ProjectUuid);
            Assert.Equal("new-alloc", w.Read(s => s.Orders.At(order.Uuid).Resource.Name));
        }),
        new("marketplace_orders_retrieve", async w =>
        {
            var full = await w.Client.GetOrderAsync(Ids.PendingOrder, cancellationToken: Ct);
            var sparse = await w.Client.GetOrderAsync(Ids.ExecutingOrder, ["type"], Ct);

            Assert.Equal((Ids.PendingOrder, OrderState.PendingProvider, OrderType.Create), (full.Uuid, full.State, full.Type));
            Assert.Equal((Ids.Offering, Ids.Plan, "climate"), (full.OfferingUuid, full.PlanUuid, full.ProjectSlug));
            Assert.Equal(200m, full.Limits!["cpu"]);
            Assert.Equal("climate-2025", full.ResourceName);
            Assert.Equal((Ids.ExecutingOrder, OrderState.Executing, OrderType.Create), (sparse.Uuid, sparse.State, sparse.Type));
            Assert.Null(sparse.Limits);
        }),
        new("marketplace_orders_approve_by_provider", async w =>
        {
            var answer = await w.Client.ApproveOrderByProviderAsync(Ids.PendingOrder, Ct);

            Assert.Equal("Order has been approved.", answer.Detail);
            Assert.Equal(OrderState.Executing, w.Read(s => s.Orders.At(Ids.PendingOrder).State));
        }),
        new("marketplace_orders_reject_by_provider", async w =>
        {
            await w.Client.RejectOrderByProviderAsync(Ids.PendingOrder2, "no capacity", Ct);

            var order = w.Read(s => s.Orders.At(Ids.PendingOrder2));
            Assert.Equal((OrderState.Rejected, "no capacity"), (order.State, order.ProviderRejectionComment));
        }),
        new("marketplace_orders_set_backend_id", async w =>
        {
            var answer = await w.Client.SetOrderBackendIdAsync(Ids.ExecutingOrder, "remote-1", Ct);

            Assert.False(string.IsNullOrEmpty(answer.Status));
            Assert.Equal("remote-1", w.Read(s => s.Orders.At(Ids.ExecutingOrder).BackendId));
        }),
        new("marketplace_orders_set_state_done", async w =>
        {
            await w.Client.SetOrderStateDoneAsync(Ids.ExecutingOrder, Ct);

            var order = w.Read(s => s.Orders.At(Ids.ExecutingOrder));
            Assert.Equal((OrderState.Done, ResourceState.Ok), (order.State, order.Resource.State));
        }),
        new("marketplace_orders_set_state_erred", async w =>
        {
            await w.Client.SetOrderStateErredAsync(Ids.ExecutingOrder, "sacctmgr failed", "Traceback: exit 1", Ct);

            var order = w.Read(s => s.Orders.At(Ids.ExecutingOrder));
            Assert.Equal((OrderState.Erred, "sacctmgr failed", "Traceback: exit 1"), (order.State, order.ErrorMessage, order.ErrorTraceback));
            Assert.Equal(ResourceState.Erred, order.Resource.State);
        }),
    ];
}
