using System.Text.Json.Nodes;
using SiteAgent.Waldur.Emulator.State;

namespace SiteAgent.Waldur.Emulator.Tests.Operations;

/// <summary>Orders, plans, offerings, resources and offering users.</summary>
internal static class MarketplaceCases
{
    private static int Count(JsonNode? body) => body!.AsArray().Count;

    public static IEnumerable<OperationCase> All() =>
    [
        new("marketplace_orders_list", "GET", "/api/marketplace-orders/?offering_uuid={O}&state=pending-provider&state=executing",
            Check: (b, _) => Assert.Equal(3, Count(b))),
        new("marketplace_orders_create", "POST", "/api/marketplace-orders/",
            """{"offering": "{api}/marketplace-public-offerings/{O}/", "project": "{api}/projects/{P}/", "plan": "{api}/marketplace-public-plans/{PL}/", "attributes": {"name": "new-alloc"}, "limits": {"cpu": 5}, "type": "Create"}""",
            201, Check: (b, s) =>
            {
                Assert.Equal("pending-provider", b!["state"]!.GetValue<string>());
                Assert.Equal(ResourceStates.Creating, s.FindResource("new-alloc")!.State);
            }),
        new("marketplace_orders_retrieve", "GET", $"/api/marketplace-orders/{Ids.PendingOrder}/?field=uuid&field=state",
            Check: (b, _) => Assert.Equal(2, b!.AsObject().Count)),
        new("marketplace_orders_approve_by_provider", "POST", $"/api/marketplace-orders/{Ids.PendingOrder}/approve_by_provider/", "{}",
            Check: (_, s) => Assert.Equal(OrderStates.Executing, s.Orders.Find(Ids.PendingOrder)!.State)),
        new("marketplace_orders_reject_by_provider", "POST", $"/api/marketplace-orders/{Ids.PendingOrder2}/reject_by_provider/", "{}",
            Check: (_, s) => Assert.Equal(OrderStates.Rejected, s.Orders.Find(Ids.PendingOrder2)!.State)),
        new("marketplace_orders_set_backend_id", "POST", $"/api/marketplace-orders/{Ids.ExecutingOrder}/set_backend_id/", """{"backend_id": "remote-1"}""",
            Check: (_, s) => Assert.Equal("remote-1", s.Orders.Find(Ids.ExecutingOrder)!.BackendId)),
        new("marketplace_orders_set_state_done", "POST", $"/api/marketplace-orders/{Ids.ExecutingOrder}/set_state_done/",
            Check: (_, s) => Assert.Equal(ResourceStates.Ok, s.Orders.Find(Ids.ExecutingOrder)!.Resource.State)),
        new("marketplace_orders_set_state_erred", "POST", $"/api/marketplace-orders/{Ids.ExecutingOrder}/set_state_erred/",
            """{"error_message": "sacctmgr failed", "error_traceback": "trace"}""",
            Check: (_, s) => Assert.Equal(ResourceStates.Erred, s.Orders.Find(Ids.ExecutingOrder)!.Resource.State)),
        new("marketplace_plans_retrieve", "GET", "/api/marketplace-plans/{PL}/", Check: (b, _) => Assert.Equal(100, b!["quotas"]!["cpu"]!.GetValue<long>())),
        new("marketplace_provider_offerings_retrieve", "GET",
            "/api/marketplace-provider-offerings/{O}/?field=components&field=customer_uuid&field=partitions&field=plugin_options",
            Check: (b, _) => Assert.Equal(2, b!["components"]!.AsArray().Count)),
        new("marketplace_provider_offerings_check_unique_backend_id", "POST", "/api/marketplace-provider-offerings/{O}/check_unique_backend_id/",
            """{"backend_id": "a_climate", "check_all_offerings": false}""", Check: (b, _) => Assert.False(b!["is_unique"]!.GetValue<bool>())),
        new("marketplace_provider_offerings_create_offering_component", "POST", "/api/marketplace-provider-offerings/{O}/create_offering_component/",
            """{"type": "gpu", "name": "GPU", "billing_type": "limit", "measured_unit": "GPU-Hours", "unit_factor": 60, "limit_amount": null, "limit_period": null}""",
            201, Check: (_, s) => Assert.Equal(3, s.Offerings.Find(Ids.Offering)!.Components.Count)),
        new("marketplace_provider_offerings_update_offering_component", "POST", "/api/marketplace-provider-offerings/{O}/update_offering_component/",
            """{"uuid": "{cpu}", "type": "cpu", "name": "CPU cores", "billing_type": "limit", "measured_unit": "k-Hours", "limit_amount": 1000}""",
            Arrange: s => new() { ["cpu"] = s.Offerings.Find(Ids.Offering)!.Components.First(c => c.Type == "cpu").Uuid },
            Check: (_, s) => Assert.Equal(1000, s.Offerings.Find(Ids.Offering)!.Components.First(c => c.Type == "cpu").LimitAmount)),
        new("marketplace_provider_offerings_list_course_accounts_list", "GET", "/api/marketplace-provider-offerings/{O}/list_course_accounts/",
            Check: (b, _) => Assert.Equal("course-01", b![0]!["username"]!.GetValue<string>())),
        new("marketplace_provider_offerings_list_project_service_accounts_list", "GET", "/api/marketplace-provider-offerings/{O}/list_project_service_accounts/",
            Check: (b, _) => Assert.Equal("svc-climate", b![0]!["username"]!.GetValue<string>())),
        new("marketplace_provider_offerings_user_attribute_config_retrieve", "GET", "/api/marketplace-provider-offerings/{O}/user-attribute-config/",
            Check: (b, _) => Assert.Contains("organization", b!["exposed_fields"]!.AsArray().Select(f => f!.GetValue<string>()))),
        new("marketplace_public_offerings_plans_list", "GET", "/api/marketplace-public-offerings/{O}/plans/",
            Check: (b, _) => Assert.EndsWith($"/api/marketplace-plans/{Ids.Plan}/", b![0]!["url"]!.GetValue<string>())),
        new("marketplace_offering_users_list", "GET",
            "/api/marketplace-offering-users/?offering_uuid={O}&is_restricted=false&field=uuid&field=username&field=state&field=user_uuid&field=url",
            Check: (b, _) => Assert.Equal(3, Count(b))),
        new("marketplace_offering_users_partial_update", "PATCH", $"/api/marketplace-offering-users/{Ids.CarolOfferingUser}/", """{"username": "carol"}""",
            Check: (b, _) => Assert.Equal("OK", b!["state"]!.GetValue<string>())),
        new("marketplace_offering_users_begin_creating", "POST", $"/api/marketplace-offering-users/{Ids.CarolOfferingUser}/begin_creating/",
            Check: (_, s) => Assert.Equal(OfferingUserStates.Creating, s.OfferingUsers.Find(Ids.CarolOfferingUser)!.State)),
        new("marketplace_offering_users_set_pending_account_linking", "POST", $"/api/marketplace-offering-users/{Ids.CarolOfferingUser}/set_pending_account_linking/",
            """{"comment": "Link your account", "comment_url": "https://idp.example.org/link"}""", Arrange: s => Carol(s, OfferingUserStates.Creating),
            Check: (_, s) => Assert.Equal(OfferingUserStates.PendingAccountLinking, s.OfferingUsers.Find(Ids.CarolOfferingUser)!.State)),
        new("marketplace_offering_users_set_pending_additional_validation", "POST",
            $"/api/marketplace-offering-users/{Ids.CarolOfferingUser}/set_pending_additional_validation/",
            """{"comment": "Send documents", "comment_url": "https://docs.example.org/validation"}""", Arrange: s => Carol(s, OfferingUserStates.Creating),
            Check: (_, s) => Assert.Equal(OfferingUserStates.PendingAdditionalValidation, s.OfferingUsers.Find(Ids.CarolOfferingUser)!.State)),
        new("marketplace_offering_users_set_validation_complete", "POST", $"/api/marketplace-offering-users/{Ids.CarolOfferingUser}/set_validation_complete/",
            Arrange: s => Carol(s, OfferingUserStates.PendingAccountLinking),
            Check: (_, s) => Assert.Equal(OfferingUserStates.Ok, s.OfferingUsers.Find(Ids.CarolOfferingUser)!.State)),
        new("marketplace_offering_users_set_error_creating", "POST", $"/api/marketplace-offering-users/{Ids.CarolOfferingUser}/set_error_creating/",
            Check: (_, s) => Assert.Equal(OfferingUserStates.ErrorCreating, s.OfferingUsers.Find(Ids.CarolOfferingUser)!.State)),
    ];

    private static Dictionary<string, string> Carol(EmulatorState state, string offeringUserState)
    {
        state.OfferingUsers.Find(Ids.CarolOfferingUser)!.State = offeringUserState;
        return [];
    }
}
