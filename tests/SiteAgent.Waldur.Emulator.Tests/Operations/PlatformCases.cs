using SiteAgent.Waldur.Emulator.State;

namespace SiteAgent.Waldur.Emulator.Tests.Operations;

/// <summary>Usage, agent registration, events, import, projects, users and the 8.1.x API keys.</summary>
internal static class PlatformCases
{
    private const string IdentityBody =
        """{"offering": "{O}", "name": "agent-{O}", "version": "0.1.0", "dependencies": [{"package": "SiteAgent.Backends.Slurm", "version": "0.1.0"}], "config_file_path": "", "config_file_content": "", "last_restarted": "2026-11-22T08:00:00+00:00"}""";

    public static IEnumerable<OperationCase> All() =>
    [
        new("marketplace_component_usages_list", "GET",
            "/api/marketplace-component-usages/?resource_uuid={R}&billing_period=2026-10-01&field=uuid&field=type&field=usage",
            Check: async (b, _) => await Assert.That((await Assert.That(b!.AsArray()).HasSingleItem())!["usage"]!.GetValue<long>()).IsEqualTo(12)),
        new("marketplace_component_usages_set_usage", "POST", "/api/marketplace-component-usages/set_usage/",
            """{"resource": "{R}", "date": "2026-11-01T00:00:00+02:00", "usages": [{"type": "cpu", "amount": "5.50"}, {"type": "mem", "amount": "1024.00"}]}""",
            201, Check: async (_, s) => await Assert.That(s.ComponentUsages.Count(u => u.BillingPeriod == new DateOnly(2026, 10, 1))).IsEqualTo(2)),
        new("marketplace_component_usages_set_user_usages", "POST", "/api/marketplace-component-usages/{CU}/set_user_usages/",
            """{"usages": [{"username": "alice", "usage": "11.00", "date": "2026-10-15T00:00:00Z"}, {"username": "carol", "usage": "1.00"}]}""",
            201, Check: async (_, s) => await Assert.That(s.ComponentUsages.Find(Ids.ComponentUsage)!.UserUsages.Count).IsEqualTo(3)),
        new("marketplace_component_usages_set_user_usage", "POST", "/api/marketplace-component-usages/{CU}/set_user_usage/",
            """{"username": "bob", "usage": "0.00", "date": "2026-10-31T00:00:00Z", "user": "{api}/marketplace-offering-users/{bob}/"}""",
            201, Arrange: s => new() { ["bob"] = s.OfferingUsers.First(u => u.User.Uuid == Ids.Bob).Uuid },
            Check: async (_, s) => await Assert.That(s.ComponentUsages.Find(Ids.ComponentUsage)!.UserUsages.Single(u => u.Username == "bob").Usage).IsEqualTo(0m)),
        new("marketplace_component_user_usages_list", "GET",
            "/api/marketplace-component-user-usages/?resource_uuid={R}&component_usage__billing_period=2026-10-01&field=username&field=usage&field=component_usage",
            Check: async (b, _) => await Assert.That(b!.AsArray().Count).IsEqualTo(2)),
        new("component_user_usage_limits_list", "GET", "/api/component-user-usage-limits/?resource_uuid={R}",
            Check: async (b, _) => await Assert.That((await Assert.That(b!.AsArray()).HasSingleItem())!["limit"]!.GetValue<string>()).IsEqualTo("50.00")),
        new("marketplace_site_agent_identities_list", "GET", "/api/marketplace-site-agent-identities/?name=agent-{O}", Arrange: Identity,
            Check: async (b, _) => await Assert.That(b!.AsArray()).HasSingleItem()),
        new("marketplace_site_agent_identities_create", "POST", "/api/marketplace-site-agent-identities/", IdentityBody, 201,
            Check: async (b, s) => await Assert.That((await Assert.That(s.AgentIdentities).HasSingleItem()).Name).IsEqualTo($"agent-{Ids.Offering}")),
        new("marketplace_site_agent_identities_update", "PUT", "/api/marketplace-site-agent-identities/{identity}/", IdentityBody, Arrange: Identity,
            Check: async (_, s) => await Assert.That((await Assert.That(s.AgentIdentities).HasSingleItem()).Version).IsEqualTo("0.1.0")),
        new("marketplace_site_agent_identities_register_service", "POST", "/api/marketplace-site-agent-identities/{identity}/register_service/",
            """{"name": "order_process", "mode": "order_process"}""", 201, Arrange: Identity,
            Check: async (b, _) => await Assert.That(b!["state"]!.GetValue<string>()).IsEqualTo("Active")),
        new("marketplace_site_agent_identities_register_event_subscription", "POST",
            "/api/marketplace-site-agent-identities/{identity}/register_event_subscription/",
            """{"observable_object_type": "order", "description": "orders of the offering"}""", 201, Arrange: Identity,
            Check: async (b, _) => await Assert.That(b!["observable_objects"]![0]!["object_type"]!.GetValue<string>()).IsEqualTo("order")),
        new("marketplace_site_agent_services_register_processor", "POST", "/api/marketplace-site-agent-services/{service}/register_processor/",
            """{"name": "OfferingOrderProcessor", "backend_type": "slurm", "backend_version": "0.1.0"}""", 201, Arrange: Service,
            Check: async (b, _) => await Assert.That(b!["last_run"]!.GetValue<string>()).IsNotNull()),
        new("marketplace_site_agent_logs_create", "POST", "/api/marketplace-site-agent-logs/",
            """[{"agent_identity_uuid": "{identity}", "timestamp": 1763798400.5, "level": "WARNING", "message": "slurmctld slow", "module": "SiteAgent.Core"}]""",
            201, Arrange: Identity, Check: async (_, s) => await Assert.That((await Assert.That(s.SiteAgentLogs).HasSingleItem()).Message).IsEqualTo("slurmctld slow")),
        new("event_subscriptions_destroy", "DELETE", "/api/event-subscriptions/{subscription}/", Status: 204, Arrange: Subscription,
            Check: async (_, s) => await Assert.That(s.EventSubscriptions).IsEmpty()),
        new("event_subscriptions_create_queue", "POST", "/api/event-subscriptions/{subscription}/create_queue/",
            """{"offering_uuid": "{O}", "object_type": "order"}""", 201, Arrange: Subscription,
            Check: async (b, _) => await Assert.That(b!["queue_name"]!.GetValue<string>()).EndsWith($"_offering_{Ids.Offering}_order")),
        new("backend_resource_requests_retrieve", "GET", $"/api/backend-resource-requests/{Ids.SentRequest}/",
            Check: async (b, _) => await Assert.That(b!["state"]!.GetValue<string>()).IsEqualTo("Sent")),
        new("backend_resource_requests_start_processing", "POST", $"/api/backend-resource-requests/{Ids.SentRequest}/start_processing/",
            Check: async (_, s) => await Assert.That(s.BackendResourceRequests.Find(Ids.SentRequest)!.State).IsEqualTo("Processing")),
        new("backend_resource_requests_set_done", "POST", $"/api/backend-resource-requests/{Ids.ProcessingRequest}/set_done/",
            Check: async (_, s) => await Assert.That(s.BackendResourceRequests.Find(Ids.ProcessingRequest)!.State).IsEqualTo("Done")),
        new("backend_resource_requests_set_erred", "POST", $"/api/backend-resource-requests/{Ids.ProcessingRequest}/set_erred/",
            """{"error_message": "squeue failed", "error_traceback": ""}""",
            Check: async (_, s) => await Assert.That(s.BackendResourceRequests.Find(Ids.ProcessingRequest)!.State).IsEqualTo("Erred")),
        new("backend_resources_list", "GET", "/api/backend-resources/?offering_uuid={O}&project_uuid={P}&backend_id=legacy_account",
            Check: async (b, _) => await Assert.That(b!.AsArray()).HasSingleItem()),
        new("backend_resources_create", "POST", "/api/backend-resources/",
            """{"name": "acct2", "project": "{P}", "offering": "{O}", "backend_id": "acct2", "backend_metadata": {"limits": {"cpu": 10}}}""", 201,
            Check: async (_, s) => await Assert.That(s.BackendResources.Count).IsEqualTo(2)),
        new("marketplace_slurm_periodic_usage_policies_list", "GET", "/api/marketplace-slurm-periodic-usage-policies/?scope_uuid={O}",
            Check: async (b, _) => await Assert.That(b![0]!["component_limits_set"]![0]!["limit"]!.GetValue<long>()).IsEqualTo(100)),
        new("marketplace_slurm_periodic_usage_policies_report_command_result", "POST",
            $"/api/marketplace-slurm-periodic-usage-policies/{Ids.Policy}/report-command-result/",
            """{"resource_uuid": "{R}", "success": true, "error_message": "", "mode": "production", "commands_executed": ["sacctmgr -i modify account a_climate set GrpTRESMins=cpu=6000000"]}""",
            Check: async (_, s) => await Assert.That(s.SlurmPolicies.Find(Ids.Policy)!.CommandResults).HasSingleItem()),
        new("marketplace_resource_api_keys_list", "GET", "/api/marketplace-resource-api-keys/?resource_uuid={R}",
            Check: async (b, _) => await Assert.That((await Assert.That(b!.AsArray()).HasSingleItem())!["client_id"]!.GetValue<string>()).IsEqualTo("key-1")),
        new("marketplace_resource_api_keys_report_created", "POST", "/api/marketplace-resource-api-keys/report_created/",
            """{"resource": "{R}", "client_id": "key-2", "api_key": "s3cret"}""", 201, Check: async (_, s) => await Assert.That(s.ApiKeys.Count).IsEqualTo(2)),
        new("marketplace_resource_api_keys_set_key", "POST", $"/api/marketplace-resource-api-keys/{Ids.ApiKey}/set_key/", """{"api_key": "rotated"}""",
            Check: async (_, s) => await Assert.That(s.ApiKeys.Find(Ids.ApiKey)!.ApiKey).IsEqualTo("rotated")),
        new("marketplace_resource_api_keys_set_erred", "POST", $"/api/marketplace-resource-api-keys/{Ids.ApiKey}/set_erred/",
            """{"error_message": "rotation failed"}""", Check: async (b, _) => await Assert.That(b!["state"]!.GetValue<string>()).IsEqualTo("Erred")),
    ];

    private static Dictionary<string, string> Identity(EmulatorState s)
    {
        var identity = s.Add(s.AgentIdentities, new AgentIdentity { OfferingUuid = Ids.Offering, Name = $"agent-{Ids.Offering}", Version = "0.0.9" });
        return new() { ["identity"] = identity.Uuid };
    }

    private static Dictionary<string, string> Service(EmulatorState s)
    {
        var identity = s.Add(s.AgentIdentities, new AgentIdentity { OfferingUuid = Ids.Offering, Name = $"agent-{Ids.Offering}" });
        var service = s.Add(s.AgentServices, new AgentService { Identity = identity, Name = "order_process", Mode = "order_process" });
        identity.Services.Add(service);
        return new() { ["service"] = service.Uuid };
    }

    private static Dictionary<string, string> Subscription(EmulatorState s)
    {
        var subscription = s.Add(s.EventSubscriptions, new EventSubscription { User = s.FindUser("site-agent")! });
        return new() { ["subscription"] = subscription.Uuid };
    }
}
