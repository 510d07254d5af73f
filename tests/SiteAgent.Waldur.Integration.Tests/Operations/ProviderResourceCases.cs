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

            var resource = Assert.Single(resources);
            Assert.Equal((Ids.Resource, "a_climate", 100m), (resource.Uuid, resource.BackendId, resource.Limits!["cpu"]));
            Assert.Null(resource.Name);
        }),
        new("marketplace_provider_resources_retrieve", async w =>
        {
            var resource = await w.Client.GetProviderResourceAsync(Ids.Resource, cancellationToken: Ct);

            Assert.Equal((Ids.Resource, "climate-main", ResourceState.Ok), (resource.Uuid, resource.Name, resource.State));
            Assert.Equal((Ids.Project, "climate", Ids.Offering), (resource.ProjectUuid, resource.ProjectSlug, resource.OfferingUuid));
            Assert.Equal("rocket", resource.OfferingBackendId);
            Assert.Equal("service_provider", resource.OfferingPluginOptions!.UsernameGenerationPolicy);
        }),
        new("marketplace_provider_resources_team_list", async w =>
        {
            var team = await w.Client.ListProviderResourceTeamAsync(Ids.Resource, cancellationToken: Ct);

            Assert.Equal([("alice", "PROJECT.ADMIN"), ("bob", "PROJECT.MEMBER")], team.Select(m => (m.OfferingUserUsername!, m.Role!)).Order());
            Assert.Equal(Ids.Alice, team.Single(m => m.OfferingUserUsername == "alice").Uuid);
            Assert.All(team, m => Assert.Equal(OfferingUserState.Ok, m.OfferingUserState));
        }),
        new("marketplace_provider_resources_refresh_last_sync", async w =>
        {
            await w.Client.RefreshProviderResourceLastSyncAsync(Ids.Resource, Ct);

            Assert.NotNull(Resource(w).LastSync);
        }),
        new("marketplace_provider_resources_set_as_erred", async w =>
        {
            await w.Client.SetProviderResourceAsErredAsync(Ids.Resource, "sync failed", "Traceback: sacctmgr", Ct);

            var resource = Resource(w);
            Assert.Equal((ResourceState.Erred, "sync failed", "Traceback: sacctmgr"), (resource.State, resource.ErrorMessage, resource.ErrorTraceback));
        }),
        new("marketplace_provider_resources_set_as_ok", async w =>
        {
            w.Arrange(s => s.Resources.At(Ids.Resource).State = ResourceState.Erred);

            await w.Client.SetProviderResourceAsOkAsync(Ids.Resource, Ct);

            Assert.Equal(ResourceState.Ok, Resource(w).State);
        }),
        new("marketplace_provider_resources_set_backend_id", async w =>
        {
            var answer = await w.Client.SetProviderResourceBackendIdAsync(Ids.Resource, "a_climate_2", Ct);

            Assert.Equal("Resource backend_id has been changed.", answer.Status);
            Assert.Equal("a_climate_2", Resource(w).BackendId);
        }),
        new("marketplace_provider_resources_set_backend_metadata", async w =>
        {
            var answer = await w.Client.SetProviderResourceBackendMetadataAsync(Ids.Resource, new JsonObject { ["qos"] = "normal", ["partition"] = "cpu" }, Ct);

            Assert.False(string.IsNullOrEmpty(answer.Status));
            Assert.Equal("""{"qos":"normal","partition":"cpu"}""", Resource(w).BackendMetadata.ToJsonString());
        }),
        new("marketplace_provider_resources_set_effective_id", async w =>
        {
            await w.Client.SetProviderResourceEffectiveIdAsync(Ids.Resource, "remote-climate", Ct);

            Assert.Equal("remote-climate", Resource(w).EffectiveId);
        }),
        new("marketplace_provider_resources_set_end_date", async w =>
        {
            await w.Client.SetProviderResourceEndDateAsync(Ids.Resource, new DateOnly(2027, 1, 31), Ct);

            Assert.Equal(new DateOnly(2027, 1, 31), Resource(w).EndDate);
        }),
        new("marketplace_provider_resources_set_endpoints", async w =>
        {
            await w.Client.SetProviderResourceEndpointsAsync(Ids.Resource, [new("login", "ssh://login.rocket.example.org")], Ct);

            var endpoint = Assert.Single(Resource(w).Endpoints);
            Assert.Equal(("login", "ssh://login.rocket.example.org"), (endpoint.Name, endpoint.Url));
        }),
        new("marketplace_provider_resources_set_limits", async w =>
        {
            await w.Client.SetProviderResourceLimitsAsync(Ids.Resource, new Dictionary<string, long> { ["cpu"] = 150, ["mem"] = 4096 }, Ct);

            Assert.Equal(new Dictionary<string, long> { ["cpu"] = 150, ["mem"] = 4096 }, Resource(w).Limits);
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

            Assert.Equal(2, result.Stored);
            Assert.Empty(result.Skipped!);
            Assert.Equal(["alice", "bob"], Resource(w).MembershipSyncStatuses.Select(e => e!["username"]!.GetValue<string>()));
        }),
    ];

    private static Emulator.State.Resource Resource(EmulatedWaldur w) => w.Read(s => s.Resources.At(Ids.Resource));
}
