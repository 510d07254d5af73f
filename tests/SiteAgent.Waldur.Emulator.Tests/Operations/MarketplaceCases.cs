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
            Check: async (b, _) => await Assert.That(Count(b)).IsEqualTo(3)),
        new("marketplace_orders_create", "POST", "/api/marketplace-orders/",
            """{"offering": "{api}/marketplace-public-offerings/{O}/", "project": "{api}/projects/{P}/", "plan": "{api}/marketplace-public-plans/{PL}/", "attributes": {"name": "new-alloc"}, "limits": {"cpu": 5}, "type": "Create"}""",
            201, Check: async (b, s) =>
            {
                await Assert.That(b!["state"]!.GetValue<string>()).IsEqualTo("pending-provider");
                await Assert.That(s.FindResource("new-alloc")!.State).IsEqualTo(ResourceStates.Creating);
            }),
        new("marketplace_orders_retrieve", "GET", $"/api/marketplace-orders/{Ids.PendingOrder}/?field=uuid&field=state",
            Check: async (b, _) => await Assert.That(b!.AsObject().Count).IsEqualTo(2)),
        new("marketplace_orders_approve_by_provider", "POST", $"/api/marketplace-orders/{Ids.PendingOrder}/approve_by_provider/", "{}",
            Check: async (_, s) => await Assert.That(s.Orders.Find(Ids.PendingOrder)!.State).IsEqualTo(OrderStates.Executing)),
        new("marketplace_orders_reject_by_provider", "POST", $"/api/marketplace-orders/{Ids.PendingOrder2}/reject_by_provider/", "{}",
            Check: async (_, s) => await Assert.That(s.Orders.Find(Ids.PendingOrder2)!.State).IsEqualTo(OrderStates.Rejected)),
        new("marketplace_orders_set_backend_id", "POST", $"/api/marketplace-orders/{Ids.ExecutingOrder}/set_backend_id/", """{"backend_id": "remote-1"}""",
            Check: async (_, s) => await Assert.That(s.Orders.Find(Ids.ExecutingOrder)!.BackendId).IsEqualTo("remote-1")),
        new("marketplace_orders_set_state_done", "POST", $"/api/marketplace-orders/{Ids.ExecutingOrder}/set_state_done/",
            Check: async (_, s) => await Assert.That(s.Orders.Find(Ids.ExecutingOrder)!.Resource.State).IsEqualTo(ResourceStates.Ok)),
        new("marketplace_orders_set_state_erred", "POST", $"/api/marketplace-orders/{Ids.ExecutingOrder}/set_state_erred/",
            """{"error_message": "sacctmgr failed", "error_traceback": "trace"}""",
            Check: async (_, s) => await Assert.That(s.Orders.Find(Ids.ExecutingOrder)!.Resource.State).IsEqualTo(ResourceStates.Erred)),
        new("marketplace_plans_retrieve", "GET", "/api/marketplace-plans/{PL}/", Check: async (b, _) => await Assert.That(b!["quotas"]!["cpu"]!.GetValue<long>()).IsEqualTo(100)),
        new("marketplace_provider_offerings_retrieve", "GET",
            "/api/marketplace-provider-offerings/{O}/?field=components&field=customer_uuid&field=partitions&field=plugin_options",
            Check: async (b, _) => await Assert.That(b!["components"]!.AsArray().Count).IsEqualTo(2)),
        new("marketplace_provider_offerings_check_unique_backend_id", "POST", "/api/marketplace-provider-offerings/{O}/check_unique_backend_id/",
            """{"backend_id": "a_climate", "check_all_offerings": false}""", Check: async (b, _) => await Assert.That(b!["is_unique"]!.GetValue<bool>()).IsFalse()),
        new("marketplace_provider_offerings_create_offering_component", "POST", "/api/marketplace-provider-offerings/{O}/create_offering_component/",
            """{"type": "gpu", "name": "GPU", "billing_type": "limit", "measured_unit": "GPU-Hours", "unit_factor": 60, "limit_amount": null, "limit_period": null}""",
            201, Check: async (_, s) => await Assert.That(s.Offerings.Find(Ids.Offering)!.Components.Count).IsEqualTo(3)),
        new("marketplace_provider_offerings_update_offering_component", "POST", "/api/marketplace-provider-offerings/{O}/update_offering_component/",
            """{"uuid": "{cpu}", "type": "cpu", "name": "CPU cores", "billing_type": "limit", "measured_unit": "k-Hours", "limit_amount": 1000}""",
            Arrange: s => new() { ["cpu"] = s.Offerings.Find(Ids.Offering)!.Components.First(c => c.Type == "cpu").Uuid },
            Check: async (_, s) => await Assert.That(s.Offerings.Find(Ids.Offering)!.Components.First(c => c.Type == "cpu").LimitAmount).IsEqualTo(1000)),
        new("marketplace_provider_offerings_list_course_accounts_list", "GET", "/api/marketplace-provider-offerings/{O}/list_course_accounts/",
            Check: async (b, _) => await Assert.That(b![0]!["username"]!.GetValue<string>()).IsEqualTo("course-01")),
        new("marketplace_provider_offerings_list_project_service_accounts_list", "GET", "/api/marketplace-provider-offerings/{O}/list_project_service_accounts/",
            Check: async (b, _) => await Assert.That(b![0]!["username"]!.GetValue<string>()).IsEqualTo("svc-climate")),
        new("marketplace_provider_offerings_user_attribute_config_retrieve", "GET", "/api/marketplace-provider-offerings/{O}/user-attribute-config/",
            Check: async (b, _) => await Assert.That(b!["exposed_fields"]!.AsArray().Select(f => f!.GetValue<string>())).Contains("organization")),
        new("marketplace_public_offerings_plans_list", "GET", "/api/marketplace-public-offerings/{O}/plans/",
            Check: async (b, _) => await Assert.That(b![0]!["url"]!.GetValue<string>()).EndsWith($"/api/marketplace-plans/{Ids.Plan}/")),
        new("marketplace_offering_users_list", "GET",
            "/api/marketplace-offering-users/?offering_uuid={O}&is_restricted=false&field=uuid&field=username&field=state&field=user_uuid&field=url",
            Check: async (b, _) => await Assert.That(Count(b)).IsEqualTo(3)),
        new("marketplace_offering_users_partial_update", "PATCH", $"/api/marketplace-offering-users/{Ids.CarolOfferingUser}/", """{"username": "carol"}""",
            Check: async (b, _) => await Assert.That(b!["state"]!.GetValue<string>()).IsEqualTo("OK")),
        new("marketplace_offering_users_begin_creating", "POST", $"/api/marketplace-offering-users/{Ids.CarolOfferingUser}/begin_creating/",
            Check: async (_, s) => await Assert.That(s.OfferingUsers.Find(Ids.CarolOfferingUser)!.State).IsEqualTo(OfferingUserStates.Creating)),
        new("marketplace_offering_users_set_pending_account_linking", "POST", $"/api/marketplace-offering-users/{Ids.CarolOfferingUser}/set_pending_account_linking/",
            """{"comment": "Link your account", "comment_url": "https://idp.example.org/link"}""", Arrange: s => Carol(s, OfferingUserStates.Creating),
            Check: async (_, s) => await Assert.That(s.OfferingUsers.Find(Ids.CarolOfferingUser)!.State).IsEqualTo(OfferingUserStates.PendingAccountLinking)),
        new("marketplace_offering_users_set_pending_additional_validation", "POST",
            $"/api/marketplace-offering-users/{Ids.CarolOfferingUser}/set_pending_additional_validation/",
            """{"comment": "Send documents", "comment_url": "https://docs.example.org/validation"}""", Arrange: s => Carol(s, OfferingUserStates.Creating),
            Check: async (_, s) => await Assert.That(s.OfferingUsers.Find(Ids.CarolOfferingUser)!.State).IsEqualTo(OfferingUserStates.PendingAdditionalValidation)),
        new("marketplace_offering_users_set_validation_complete", "POST", $"/api/marketplace-offering-users/{Ids.CarolOfferingUser}/set_validation_complete/",
            Arrange: s => Carol(s, OfferingUserStates.PendingAccountLinking),
            Check: async (_, s) => await Assert.That(s.OfferingUsers.Find(Ids.CarolOfferingUser)!.State).IsEqualTo(OfferingUserStates.Ok)),
        new("marketplace_offering_users_set_error_creating", "POST", $"/api/marketplace-offering-users/{Ids.CarolOfferingUser}/set_error_creating/",
            Check: async (_, s) => await Assert.That(s.OfferingUsers.Find(Ids.CarolOfferingUser)!.State).IsEqualTo(OfferingUserStates.ErrorCreating)),
    ];

    private static Dictionary<string, string> Carol(EmulatorState state, string offeringUserState)
    {
        state.OfferingUsers.Find(Ids.CarolOfferingUser)!.State = offeringUserState;
        return [];
    }
}
