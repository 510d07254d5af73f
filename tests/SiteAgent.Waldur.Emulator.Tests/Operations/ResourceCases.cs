using System.Text.Json.Nodes;
using SiteAgent.Waldur.Emulator.State;

namespace SiteAgent.Waldur.Emulator.Tests.Operations;

/// <summary>Provider and consumer resource endpoints.</summary>
internal static class ResourceCases
{
    private const string Provider = "/api/marketplace-provider-resources/";
    private const string Consumer = "/api/marketplace-resources/";

    private static Resource R(EmulatorState s) => s.Resources.Find(Ids.Resource)!;

    public static IEnumerable<OperationCase> All() =>
    [
        new("marketplace_provider_resources_list", "GET", Provider + "?offering_uuid={O}&state=OK&state=Erred&field=uuid&field=backend_id&field=limits",
            Check: async (b, _) => await Assert.That((await Assert.That(b!.AsArray()).HasSingleItem())!["backend_id"]!.GetValue<string>()).IsEqualTo("a_climate")),
        new("marketplace_provider_resources_retrieve", "GET", Provider + "{R}/",
            Check: async (b, _) => await Assert.That(b!["project_slug"]!.GetValue<string>()).IsEqualTo("climate")),
        new("marketplace_provider_resources_team_list", "GET", Provider + "{R}/team/",
            Check: async (b, _) => await Assert.That(b!.AsArray().Select(m => m!["offering_user_username"]!.GetValue<string>()).Order()).IsEquivalentTo(["alice", "bob"], CollectionOrdering.Matching)),
        new("marketplace_provider_resources_refresh_last_sync", "POST", Provider + "{R}/refresh_last_sync/",
            Check: async (_, s) => await Assert.That(R(s).LastSync).IsNotNull()),
        new("marketplace_provider_resources_set_as_erred", "POST", Provider + "{R}/set_as_erred/", """{"error_message": "sync failed", "error_traceback": ""}""",
            Check: async (_, s) => await Assert.That(R(s).State).IsEqualTo(ResourceStates.Erred)),
        new("marketplace_provider_resources_set_as_ok", "POST", Provider + "{R}/set_as_ok/",
            Arrange: s => { R(s).State = ResourceStates.Erred; return []; },
            Check: async (_, s) => await Assert.That(R(s).State).IsEqualTo(ResourceStates.Ok)),
        new("marketplace_provider_resources_set_backend_id", "POST", Provider + "{R}/set_backend_id/", """{"backend_id": "a_climate_2"}""",
            Check: async (_, s) => await Assert.That(R(s).BackendId).IsEqualTo("a_climate_2")),
        new("marketplace_provider_resources_set_backend_metadata", "POST", Provider + "{R}/set_backend_metadata/",
            """{"backend_metadata": {"qos": "normal", "partition": "cpu"}}""", Check: async (_, s) => await Assert.That(R(s).BackendMetadata["qos"]!.GetValue<string>()).IsEqualTo("normal")),
        new("marketplace_provider_resources_set_effective_id", "POST", Provider + "{R}/set_effective_id/", """{"effective_id": "remote-climate"}""",
            Check: async (_, s) => await Assert.That(R(s).EffectiveId).IsEqualTo("remote-climate")),
        new("marketplace_provider_resources_set_end_date", "POST", Provider + "{R}/set_end_date/", """{"end_date": "2027-01-31"}""",
            Check: async (_, s) => await Assert.That(R(s).EndDate).IsEqualTo(new DateOnly(2027, 1, 31))),
        new("marketplace_provider_resources_set_endpoints", "POST", Provider + "{R}/set_endpoints/",
            """{"endpoints": [{"name": "login", "url": "ssh://login.rocket.example.org"}]}""", Check: async (_, s) => await Assert.That((await Assert.That(R(s).Endpoints).HasSingleItem()).Name).IsEqualTo("login")),
        new("marketplace_provider_resources_set_limits", "POST", Provider + "{R}/set_limits/", """{"limits": {"cpu": 150, "mem": 4096}}""",
            Check: async (_, s) => await Assert.That(R(s).Limits["cpu"]).IsEqualTo(150)),
        new("marketplace_provider_resources_set_membership_sync_statuses", "POST", Provider + "{R}/set_membership_sync_statuses/",
            """{"statuses": [{"username": "alice", "scope_type": "resource", "role_name": "PROJECT.ADMIN", "state": "OK"}]}""",
            Arrange: s => { s.Offerings.Find(Ids.Offering)!.PluginOptions["enable_membership_sync_status"] = true; return []; },
            Check: async (b, _) => await Assert.That(b!["stored"]!.GetValue<int>()).IsEqualTo(1)),
        new("marketplace_resources_list", "GET", Consumer + "?offering_uuid={O}&state=OK&state=Erred&field=uuid&field=name&field=backend_id&field=limits",
            Check: async (b, _) => await Assert.That(b!.AsArray()).HasSingleItem()),
        new("marketplace_resources_retrieve", "GET", Consumer + "{R}/?field=uuid&field=state",
            Check: async (b, _) => await Assert.That(b!["state"]!.GetValue<string>()).IsEqualTo("OK")),
        new("marketplace_resources_team_list", "GET", Consumer + "{R}/team/?has_consent=true", Check: async (b, _) => await Assert.That(b!.AsArray().Count).IsEqualTo(2)),
        new("marketplace_resources_set_end_date", "POST", Consumer + "{R}/set_end_date/", """{"end_date": null}""",
            Check: async (_, s) => await Assert.That(R(s).EndDate).IsNull()),
        new("marketplace_resources_terminate", "POST", Consumer + "{R}/terminate/", """{"attributes": {}}""",
            Check: async (b, s) => await Assert.That(s.Orders.Find(b!["order_uuid"]!.GetValue<string>())!.Type).IsEqualTo(OrderTypes.Terminate)),
        new("marketplace_resources_update_limits", "POST", Consumer + "{R}/update_limits/", """{"limits": {"cpu": 300}}""",
            Check: async (b, s) => await Assert.That(s.Orders.Find(b!["order_uuid"]!.GetValue<string>())!.Limits["cpu"]).IsEqualTo(300)),
    ];
}
