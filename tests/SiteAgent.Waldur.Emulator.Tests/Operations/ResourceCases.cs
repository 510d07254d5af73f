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
            Check: (b, _) => Assert.Equal("a_climate", Assert.Single(b!.AsArray())!["backend_id"]!.GetValue<string>())),
        new("marketplace_provider_resources_retrieve", "GET", Provider + "{R}/",
            Check: (b, _) => Assert.Equal("climate", b!["project_slug"]!.GetValue<string>())),
        new("marketplace_provider_resources_team_list", "GET", Provider + "{R}/team/",
            Check: (b, _) => Assert.Equal(["alice", "bob"], b!.AsArray().Select(m => m!["offering_user_username"]!.GetValue<string>()).Order())),
        new("marketplace_provider_resources_refresh_last_sync", "POST", Provider + "{R}/refresh_last_sync/",
            Check: (_, s) => Assert.NotNull(R(s).LastSync)),
        new("marketplace_provider_resources_set_as_erred", "POST", Provider + "{R}/set_as_erred/", """{"error_message": "sync failed", "error_traceback": ""}""",
            Check: (_, s) => Assert.Equal(ResourceStates.Erred, R(s).State)),
        new("marketplace_provider_resources_set_as_ok", "POST", Provider + "{R}/set_as_ok/",
            Arrange: s => { R(s).State = ResourceStates.Erred; return []; },
            Check: (_, s) => Assert.Equal(ResourceStates.Ok, R(s).State)),
        new("marketplace_provider_resources_set_backend_id", "POST", Provider + "{R}/set_backend_id/", """{"backend_id": "a_climate_2"}""",
            Check: (_, s) => Assert.Equal("a_climate_2", R(s).BackendId)),
        new("marketplace_provider_resources_set_backend_metadata", "POST", Provider + "{R}/set_backend_metadata/",
            """{"backend_metadata": {"qos": "normal", "partition": "cpu"}}""", Check: (_, s) => Assert.Equal("normal", R(s).BackendMetadata["qos"]!.GetValue<string>())),
        new("marketplace_provider_resources_set_effective_id", "POST", Provider + "{R}/set_effective_id/", """{"effective_id": "remote-climate"}""",
            Check: (_, s) => Assert.Equal("remote-climate", R(s).EffectiveId)),
        new("marketplace_provider_resources_set_end_date", "POST", Provider + "{R}/set_end_date/", """{"end_date": "2027-01-31"}""",
            Check: (_, s) => Assert.Equal(new DateOnly(2027, 1, 31), R(s).EndDate)),
        new("marketplace_provider_resources_set_endpoints", "POST", Provider + "{R}/set_endpoints/",
            """{"endpoints": [{"name": "login", "url": "ssh://login.rocket.example.org"}]}""", Check: (_, s) => Assert.Equal("login", Assert.Single(R(s).Endpoints).Name)),
        new("marketplace_provider_resources_set_limits", "POST", Provider + "{R}/set_limits/", """{"limits": {"cpu": 150, "mem": 4096}}""",
            Check: (_, s) => Assert.Equal(150, R(s).Limits["cpu"])),
        new("marketplace_provider_resources_set_membership_sync_statuses", "POST", Provider + "{R}/set_membership_sync_statuses/",
            """{"statuses": [{"username": "alice", "scope_type": "resource", "role_name": "PROJECT.ADMIN", "state": "OK"}]}""",
            Arrange: s => { s.Offerings.Find(Ids.Offering)!.PluginOptions["enable_membership_sync_status"] = true; return []; },
            Check: (b, _) => Assert.Equal(1, b!["stored"]!.GetValue<int>())),
        new("marketplace_resources_list", "GET", Consumer + "?offering_uuid={O}&state=OK&state=Erred&field=uuid&field=name&field=backend_id&field=limits",
            Check: (b, _) => Assert.Single(b!.AsArray())),
        new("marketplace_resources_retrieve", "GET", Consumer + "{R}/?field=uuid&field=state",
            Check: (b, _) => Assert.Equal("OK", b!["state"]!.GetValue<string>())),
        new("marketplace_resources_team_list", "GET", Consumer + "{R}/team/?has_consent=true", Check: (b, _) => Assert.Equal(2, b!.AsArray().Count)),
        new("marketplace_resources_set_end_date", "POST", Consumer + "{R}/set_end_date/", """{"end_date": null}""",
            Check: (_, s) => Assert.Null(R(s).EndDate)),
        new("marketplace_resources_terminate", "POST", Consumer + "{R}/terminate/", """{"attributes": {}}""",
            Check: (b, s) => Assert.Equal(OrderTypes.Terminate, s.Orders.Find(b!["order_uuid"]!.GetValue<string>())!.Type)),
        new("marketplace_resources_update_limits", "POST", Consumer + "{R}/update_limits/", """{"limits": {"cpu": 300}}""",
            Check: (b, s) => Assert.Equal(300, s.Orders.Find(b!["order_uuid"]!.GetValue<string>())!.Limits["cpu"])),
    ];
}
