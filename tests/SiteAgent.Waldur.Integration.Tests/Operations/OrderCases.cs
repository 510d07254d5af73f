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

            await Assert.That(orders.Select(o => o.Uuid).Order()).IsEquivalentTo([Ids.PendingOrder, Ids.PendingOrder2, Ids.ExecutingOrder], CollectionOrdering.Matching);
            await Assert.That(orders.Single(o => o.Uuid == Ids.ExecutingOrder).State).IsEqualTo(OrderState.Executing);
            await Assert.That(orders.Single(o => o.Uuid == Ids.PendingOrder).Limits!["cpu"]).IsEqualTo(200m);
            foreach (var o in orders) { await Assert.That(o.Type).IsEqualTo(OrderType.Create); }
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

            await Assert.That(order.State).IsEqualTo(OrderState.PendingProvider);
            await Assert.That(order.Limits!["cpu"]).IsEqualTo(5m);
            await Assert.That(order.ProjectUuid).IsEqualTo(Ids.Project);
            await Assert.That(w.Read(s => s.Orders.At(order.Uuid).Resource.Name)).IsEqualTo("new-alloc");
        }),
        new("marketplace_orders_retrieve", async w =>
        {
            var full = await w.Client.GetOrderAsync(Ids.PendingOrder, cancellationToken: Ct);
            var sparse = await w.Client.GetOrderAsync(Ids.ExecutingOrder, ["type"], Ct);

            await Assert.That((full.Uuid, full.State, full.Type)).IsEqualTo((Ids.PendingOrder, OrderState.PendingProvider, OrderType.Create));
            await Assert.That((full.OfferingUuid, full.PlanUuid, full.ProjectSlug)).IsEqualTo((Ids.Offering, Ids.Plan, "climate"));
            await Assert.That(full.Limits!["cpu"]).IsEqualTo(200m);
            await Assert.That(full.ResourceName).IsEqualTo("climate-2025");
            await Assert.That((sparse.Uuid, sparse.State, sparse.Type)).IsEqualTo((Ids.ExecutingOrder, OrderState.Executing, OrderType.Create));
            await Assert.That(sparse.Limits).IsNull();
        }),
        new("marketplace_orders_approve_by_provider", async w =>
        {
            var answer = await w.Client.ApproveOrderByProviderAsync(Ids.PendingOrder, Ct);

            await Assert.That(answer.Detail).IsEqualTo("Order has been approved.");
            await Assert.That(w.Read(s => s.Orders.At(Ids.PendingOrder).State)).IsEqualTo(OrderState.Executing);
        }),
        new("marketplace_orders_reject_by_provider", async w =>
        {
            await w.Client.RejectOrderByProviderAsync(Ids.PendingOrder2, "no capacity", Ct);

            var order = w.Read(s => s.Orders.At(Ids.PendingOrder2));
            await Assert.That((order.State, order.ProviderRejectionComment)).IsEqualTo((OrderState.Rejected, "no capacity"));
        }),
        new("marketplace_orders_set_backend_id", async w =>
        {
            var answer = await w.Client.SetOrderBackendIdAsync(Ids.ExecutingOrder, "remote-1", Ct);

            await Assert.That(string.IsNullOrEmpty(answer.Status)).IsFalse();
            await Assert.That(w.Read(s => s.Orders.At(Ids.ExecutingOrder).BackendId)).IsEqualTo("remote-1");
        }),
        new("marketplace_orders_set_state_done", async w =>
        {
            await w.Client.SetOrderStateDoneAsync(Ids.ExecutingOrder, Ct);

            var order = w.Read(s => s.Orders.At(Ids.ExecutingOrder));
            await Assert.That((order.State, order.Resource.State)).IsEqualTo((OrderState.Done, ResourceState.Ok));
        }),
        new("marketplace_orders_set_state_erred", async w =>
        {
            await w.Client.SetOrderStateErredAsync(Ids.ExecutingOrder, "sacctmgr failed", "Traceback: exit 1", Ct);

            var order = w.Read(s => s.Orders.At(Ids.ExecutingOrder));
            await Assert.That((order.State, order.ErrorMessage, order.ErrorTraceback)).IsEqualTo((OrderState.Erred, "sacctmgr failed", "Traceback: exit 1"));
            await Assert.That(order.Resource.State).IsEqualTo(ResourceState.Erred);
        }),
    ];
}
