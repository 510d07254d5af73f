using System.Text.Json.Nodes;
using SiteAgent.Waldur.Integration.Tests.Infrastructure;
using SiteAgent.Waldur.Models;
using SiteAgent.Waldur.Queries;
using static SiteAgent.Waldur.Integration.Tests.Infrastructure.EmulatedWaldur;

namespace SiteAgent.Waldur.Integration.Tests.Operations;

/// <summary>Consumer-side resources, as the federation backend uses them on the target Waldur.</summary>
internal static class ResourceCases
{
    public static IEnumerable<ClientCase> All() =>
    [
        new("marketplace_resources_list", async w =>
        {
            var resources = await w.Client.ListResources(new ResourceListQuery
            {
                OfferingUuids = [Ids.Offering],
                States = [ResourceState.Ok, ResourceState.Erred],
                Fields = ["name", "backend_id", "limits"],
            }).ToListAsync(Ct);

            var resource = await Assert.That(resources).HasSingleItem();
            await Assert.That((resource.Uuid, resource.Name, resource.BackendId)).IsEqualTo((Ids.Resource, "climate-main", "a_climate"));
        }),
        new("marketplace_resources_retrieve", async w =>
        {
            var resource = await w.Client.GetResourceAsync(Ids.Resource, ["state"], Ct);

            await Assert.That((resource.Uuid, resource.State)).IsEqualTo((Ids.Resource, ResourceState.Ok));
            await Assert.That(resource.BackendId).IsNull();
        }),
        new("marketplace_resources_team_list", async w =>
        {
            var team = await w.Client.ListResourceTeamAsync(Ids.Resource, hasConsent: true, Ct);

            await Assert.That(team.Select(m => m.Uuid).Order()).IsEquivalentTo([Ids.Alice, Ids.Bob], CollectionOrdering.Matching);
        }),
        new("marketplace_resources_set_end_date", async w =>
        {
            w.Arrange(s => s.Resources.At(Ids.Resource).EndDate = new DateOnly(2026, 12, 31));

            await w.Client.SetResourceEndDateAsync(Ids.Resource, null, Ct);

            await Assert.That(w.Read(s => s.Resources.At(Ids.Resource).EndDate)).IsNull();
        }),
        new("marketplace_resources_terminate", async w =>
        {
            var answer = await w.Client.TerminateResourceAsync(Ids.Resource, new ResourceTerminateRequest { Attributes = new JsonObject { ["reason"] = "project ended" } }, Ct);

            var order = w.Read(s => s.Orders.At(answer.OrderUuid));
            await Assert.That((order.Type, order.State, order.Resource.Uuid)).IsEqualTo((OrderType.Terminate, OrderState.PendingProvider, Ids.Resource.Hex()));
        }),
        new("marketplace_resources_update_limits", async w =>
        {
            var answer = await w.Client.UpdateResourceLimitsAsync(
                Ids.Resource,
                new ResourceUpdateLimitsRequest { Limits = new Dictionary<string, long> { ["cpu"] = 300 }, RequestComment = "more cpu" },
                Ct);

            var order = w.Read(s => s.Orders.At(answer.OrderUuid));
            await Assert.That((order.Type, order.Limits["cpu"], order.RequestComment)).IsEqualTo((OrderType.Update, 300L, "more cpu"));
        }),
    ];
}
