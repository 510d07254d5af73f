using System.Text.Json.Nodes;
using SiteAgent.Waldur.Integration.Tests.Infrastructure;
using SiteAgent.Waldur.Models;
using SiteAgent.Waldur.Queries;
using static SiteAgent.Waldur.Integration.Tests.Infrastructure.EmulatedWaldur;

namespace SiteAgent.Waldur.Integration.Tests.Operations;

/// <summary>Provider-side resources: what the agent reads and updates.</summary>
internal static class ProviderResourceCases
{
    public static IEnumerable<ClientCase> All() =>
    [
        new("marketplace_provider_resources_list", async w =>
        {
            var resources = await w.Client.ListProviderResources(new ResourceListQuery
            {
                OfferingUuids = [Ids.Offering],
                States = [ResourceState.Ok, ResourceState.Erred],
                Fields = ["backend_id", "limits"],
            }).ToListAsync(Ct);

            var resource = await Assert.That(resources).HasSingleItem();
            await Assert.That((resource.Uuid, resource.BackendId, resource.Limits!["cpu"])).IsEqualTo((Ids.Resource, "a_climate", 100m));
            await Assert.That(resource.Name).IsNull();
        }),
        new("marketplace_provider_resources_retrieve", async w =>
        {
            var resource = await w.Client.GetProviderResourceAsync(Ids.Resource, cancellationToken: Ct);

            await Assert.That((resource.Uuid, resource.Name, resource.State)).IsEqualTo((Ids.Resource, "climate-main", ResourceState.Ok));
            await Assert.That((resource.ProjectUuid, resource.ProjectSlug, resource.OfferingUuid)).IsEqualTo((Ids.Project, "climate", Ids.Offering));
            await Assert.That(resource.OfferingBackendId).IsEqualTo("rocket");
            await Assert.That(resource.OfferingPluginOptions!.UsernameGenerationPolicy).IsEqualTo("service_provider");
        }),
        new("marketplace_provider_resources_team_list", async w =>
        {
            var team = await w.Client.ListProviderResourceTeamAsync(Ids.Resource, cancellationToken: Ct);

            await Assert.That(team.Select(m => (m.OfferingUserUsername!, m.Role!)).Order()).IsEquivalentTo([("alice", "PROJECT.ADMIN"), ("bob", "PROJECT.MEMBER")], CollectionOrdering.Matching);
            await Assert.That(team.Single(m => m.OfferingUserUsername == "alice").Uuid).IsEqualTo(Ids.Alice);
            foreach (var m in team) { await Assert.That(m.OfferingUserState).IsEqualTo(OfferingUserState.Ok); }
        }),
        new("marketplace_provider_resources_refresh_last_sync", async w =>
        {
            await w.Client.RefreshProviderResourceLastSyncAsync(Ids.Resource, Ct);

            await Assert.That(Resource(w).LastSync).IsNotNull();
        }),
        new("marketplace_provider_resources_set_as_erred", async w =>
        {
            await w.Client.SetProviderResourceAsErredAsync(Ids.Resource, "sync failed", "Traceback: sacctmgr", Ct);

            var resource = Resource(w);
            await Assert.That((resource.State, resource.ErrorMessage, resource.ErrorTraceback)).IsEqualTo((ResourceState.Erred, "sync failed", "Traceback: sacctmgr"));
        }),
        new("marketplace_provider_resources_set_as_ok", async w =>
        {
            w.Arrange(s => s.Resources.At(Ids.Resource).State = ResourceState.Erred);

            await w.Client.SetProviderResourceAsOkAsync(Ids.Resource, Ct);

            await Assert.That(Resource(w).State).IsEqualTo(ResourceState.Ok);
        }),
        new("marketplace_provider_resources_set_backend_id", async w =>
        {
            var answer = await w.Client.SetProviderResourceBackendIdAsync(Ids.Resource, "a_climate_2", Ct);

            await Assert.That(answer.Status).IsEqualTo("Resource backend_id has been changed.");
            await Assert.That(Resource(w).BackendId).IsEqualTo("a_climate_2");
        }),
        new("marketplace_provider_resources_set_backend_metadata", async w =>
        {
            var answer = await w.Client.SetProviderResourceBackendMetadataAsync(Ids.Resource, new JsonObject { ["qos"] = "normal", ["partition"] = "cpu" }, Ct);

            await Assert.That(string.IsNullOrEmpty(answer.Status)).IsFalse();
            await Assert.That(Resource(w).BackendMetadata.ToJsonString()).IsEqualTo("""{"qos":"normal","partition":"cpu"}""");
        }),
        new("marketplace_provider_resources_set_effective_id", async w =>
        {
            await w.Client.SetProviderResourceEffectiveIdAsync(Ids.Resource, "remote-climate", Ct);

            await Assert.That(Resource(w).EffectiveId).IsEqualTo("remote-climate");
        }),
        new("marketplace_provider_resources_set_end_date", async w =>
        {
            await w.Client.SetProviderResourceEndDateAsync(Ids.Resource, new DateOnly(2027, 1, 31), Ct);

            await Assert.That(Resource(w).EndDate).IsEqualTo(new DateOnly(2027, 1, 31));
        }),
        new("marketplace_provider_resources_set_endpoints", async w =>
        {
            await w.Client.SetProviderResourceEndpointsAsync(Ids.Resource, [new("login", "ssh://login.rocket.example.org")], Ct);

            var endpoint = await Assert.That(Resource(w).Endpoints).HasSingleItem();
            await Assert.That((endpoint.Name, endpoint.Url)).IsEqualTo(("login", "ssh://login.rocket.example.org"));
        }),
        new("marketplace_provider_resources_set_limits", async w =>
        {
            await w.Client.SetProviderResourceLimitsAsync(Ids.Resource, new Dictionary<string, long> { ["cpu"] = 150, ["mem"] = 4096 }, Ct);

            await Assert.That(Resource(w).Limits).IsEquivalentTo(new Dictionary<string, long> { ["cpu"] = 150, ["mem"] = 4096 });
        }),
        new("marketplace_provider_resources_set_membership_sync_statuses", async w =>
        {
            w.Arrange(s => s.Offerings.At(Ids.Offering).PluginOptions["enable_membership_sync_status"] = true);
            MemberSyncStatusEntry[] statuses =
            [
                new() { Username = "alice", ScopeType = "resource", RoleName = "PROJECT.ADMIN", State = "synced" },
                new() { Username = "bob", UserUuid = Ids.Bob, ScopeType = "resource", RoleName = "PROJECT.MEMBER", State = "error", Message = "sacctmgr failed" },
            ];

            var result = await w.Client.SetMembershipSyncStatusesAsync(Ids.Resource, statuses, Ct);

            await Assert.That(result.Stored).IsEqualTo(2);
            await Assert.That(result.Skipped!).IsEmpty();
            await Assert.That(Resource(w).MembershipSyncStatuses.Select(e => e!["username"]!.GetValue<string>())).IsEquivalentTo(["alice", "bob"], CollectionOrdering.Matching);
        }),
    ];

    private static Emulator.State.Resource Resource(EmulatedWaldur w) => w.Read(s => s.Resources.At(Ids.Resource));
}
