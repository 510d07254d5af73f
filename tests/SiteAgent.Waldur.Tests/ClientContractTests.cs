using System.Text.Json.Nodes;
using SiteAgent.Waldur.Models;
using SiteAgent.Waldur.Operations;
using SiteAgent.Waldur.Queries;
using SiteAgent.Waldur.Tests.Infrastructure;

namespace SiteAgent.Waldur.Tests;

/// <summary>
/// Calls every client method against a loopback server that checks each request against
/// openapi-subset.json and answers with the schema's example of the success response.
/// </summary>
public sealed class ClientContractTests
{
    private static readonly Guid Id = Guid.Parse("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");
    private static readonly Guid Other = Guid.Parse("a0000000-0000-4000-8000-000000000001");

    public static IEnumerable<bool> Variants => [false, true];

    [Test]
    [MethodDataSource(nameof(Variants))]
    public async Task EveryOperation_RequestsMatchSchemaAndAnswersParse(bool sparse)
    {
        var responder = new SchemaResponder(sparse ? SchemaExamples.Sparse : SchemaExamples.Full);
        await using var server = new LoopbackServer(responder.Answer);
        using var client = TestClients.Client(server);

        foreach (var (name, call) in Tour())
        {
            try
            {
                await call(client);
            }
            catch (Exception ex)
            {
                Assert.Fail($"{name} failed: {ex}");
            }
        }

        await Assert.That(responder.Problems).IsEmpty();
        var missing = WaldurOperations.All.Select(o => o.Id).Except(responder.Calls.Keys).ToList();
        await Assert.That(missing).IsEmpty();
    }

    [Test]
    public async Task Catalogue_MatchesSchemaOperations()
    {
        var document = OpenApiDocument.Default;
        var inSchema = WaldurOperations.All.Where(o => o.InSchema).ToList();
        await Assert.That(inSchema.Count).IsEqualTo(83);
        await Assert.That(WaldurOperations.All.Count(o => !o.InSchema)).IsEqualTo(5);
        await Assert.That(WaldurOperations.All.Select(o => o.Id).Distinct().Count()).IsEqualTo(88);
        foreach (var operation in inSchema)
        {
            var schema = document.Operation(operation.Id);
            await Assert.That(operation.Method.Method).IsEqualTo(schema.Method);
            await Assert.That(operation.PathTemplate).IsEqualTo(schema.PathTemplate);
            var isQueryPost = operation.Id == WaldurOperations.MarketplaceProviderOfferingsCheckUniqueBackendId.Id;
            await Assert.That(operation.IsRead).IsEqualTo(schema.Method == "GET" || isQueryPost);
        }

        foreach (var o in WaldurOperations.All.Where(o => o.Method == HttpMethod.Get)) { await Assert.That(o.IsRead).IsTrue(); }
        await Assert.That(inSchema.Count).IsEqualTo(document.Operations.Count);
    }

    [Test]
    public async Task RelativePath_UsesHexUuidBelowApiRoot()
    {
        await Assert.That(WaldurOperations.MarketplaceOrdersApproveByProvider.RelativePath(Id)).IsEqualTo("marketplace-orders/0f1e2d3c4b5a69788796a5b4c3d2e1f0/approve_by_provider/");
        await Assert.That(WaldurOperations.MarketplaceOrdersList.RelativePath()).IsEqualTo("marketplace-orders/");
        Assert.ThrowsExactly<ArgumentNullException>(() => WaldurOperations.MarketplaceOrdersRetrieve.RelativePath());
    }

    private static IEnumerable<(string Name, Func<WaldurClient, Task> Call)> Tour()
    {
        var fields = new[] { "name", "backend_id" };
        var states = new[] { "OK", "Erred" };
        var entry = new MemberSyncStatusEntry { ScopeType = "project", RoleName = "PROJECT.MEMBER", State = "ok", Username = "alice", UserUuid = Other };
        var component = new OfferingComponentRequest { BillingType = BillingType.Usage, Type = "cpu", Name = "CPU", MeasuredUnit = "hours", LimitPeriod = LimitPeriod.Month };
        var identity = new AgentIdentityRequest
        {
            Offering = Id,
            Name = $"agent-{Id:N}",
            Version = "0.1.0",
            Dependencies = [new AgentDependency("SiteAgent.Waldur", "0.1.0")],
            ConfigFilePath = string.Empty,
            ConfigFileContent = string.Empty,
            LastRestarted = new DateTimeOffset(2025, 5, 1, 8, 0, 0, TimeSpan.Zero),
        };

        yield return ("orders list", c => c.ListOrders(new OrderListQuery { OfferingUuid = Id, States = [OrderState.PendingProvider, OrderState.Executing], Types = [OrderType.Create], Fields = ["type"], Ordering = ["-created"] }).ToListAsync());
        yield return ("orders retrieve", c => c.GetOrderAsync(Id, ["uuid", "state"]));
        yield return ("orders create", c => c.CreateOrderAsync(new OrderCreateRequest
        {
            Offering = "https://waldur.example.com/api/marketplace-public-offerings/0f1e2d3c4b5a69788796a5b4c3d2e1f0/",
            Project = "https://waldur.example.com/api/projects/0f1e2d3c4b5a69788796a5b4c3d2e1f0/",
            Plan = "https://waldur.example.com/api/marketplace-public-plans/0f1e2d3c4b5a69788796a5b4c3d2e1f0/",
            Attributes = new JsonObject { ["name"] = "alloc-1" },
            Limits = new Dictionary<string, long> { ["cpu"] = 100 },
            Type = OrderType.Create,
            AcceptingTermsOfService = true,
        }));
        yield return ("approve", c => c.ApproveOrderByProviderAsync(Id));
        yield return ("reject", c => c.RejectOrderByProviderAsync(Id));
        yield return ("order backend id", c => c.SetOrderBackendIdAsync(Id, "remote-42"));
        yield return ("done", c => c.SetOrderStateDoneAsync(Id));
        yield return ("erred", c => c.SetOrderStateErredAsync(Id, "failed", "trace"));
        yield return ("plan", c => c.GetPlanAsync(Id));
        yield return ("public plans", c => c.ListPublicOfferingPlansAsync(Id));
        yield return ("offering", c => c.GetProviderOfferingAsync(Id, ["components", "plugin_options"]));
        yield return ("attribute config", c => c.GetOfferingUserAttributeConfigAsync(Id));
        yield return ("check unique", c => c.CheckUniqueBackendIdAsync(Id, new CheckUniqueBackendIdRequest { BackendId = "acc1", CheckAllOfferings = true }));
        yield return ("create component", c => c.CreateOfferingComponentAsync(Id, component));
        yield return ("update component", c => c.UpdateOfferingComponentAsync(Id, new UpdateOfferingComponentRequest { Uuid = Other, BillingType = BillingType.Limit, Type = "mem", Name = "Memory", LimitAmount = 10 }));
        yield return ("service accounts", c => c.ListProjectServiceAccounts(Id).ToListAsync());
        yield return ("course accounts", c => c.ListCourseAccounts(Id).ToListAsync());
        yield return ("provider resources", c => c.ListProviderResources(new ResourceListQuery { OfferingUuids = [Id, Other], States = states, ProjectUuid = Other, Fields = fields }).ToListAsync());
        yield return ("provider resource", c => c.GetProviderResourceAsync(Id, fields));
        yield return ("provider team", c => c.ListProviderResourceTeamAsync(Id, hasConsent: true));
        yield return ("refresh", c => c.RefreshProviderResourceLastSyncAsync(Id));
        yield return ("as erred", c => c.SetProviderResourceAsErredAsync(Id, "boom", "trace"));
        yield return ("as ok", c => c.SetProviderResourceAsOkAsync(Id));
        yield return ("resource backend id", c => c.SetProviderResourceBackendIdAsync(Id, "acc1"));
        yield return ("metadata", c => c.SetProviderResourceBackendMetadataAsync(Id, new JsonObject { ["partition"] = "gpu" }));
        yield return ("effective id", c => c.SetProviderResourceEffectiveIdAsync(Id, "eff-1"));
        yield return ("provider end date", c => c.SetProviderResourceEndDateAsync(Id, new DateOnly(2026, 1, 31)));
        yield return ("provider end date cleared", c => c.SetProviderResourceEndDateAsync(Id, null));
        yield return ("endpoints", c => c.SetProviderResourceEndpointsAsync(Id, [new ResourceEndpointRequest("Login", "ssh://login.example.com")]));
        yield return ("limits", c => c.SetProviderResourceLimitsAsync(Id, new Dictionary<string, long> { ["cpu"] = 10 }));
        yield return ("membership statuses", c => c.SetMembershipSyncStatusesAsync(Id, [entry]));
        yield return ("resources", c => c.ListResources(new ResourceListQuery { OfferingUuids = [Id], BackendId = "acc1" }).ToListAsync());
        yield return ("resource", c => c.GetResourceAsync(Id));
        yield return ("resource team", c => c.ListResourceTeamAsync(Id));
        yield return ("resource end date", c => c.SetResourceEndDateAsync(Id, new DateOnly(2026, 1, 31)));
        yield return ("terminate", c => c.TerminateResourceAsync(Id));
        yield return ("update limits", c => c.UpdateResourceLimitsAsync(Id, new ResourceUpdateLimitsRequest { Limits = new Dictionary<string, long> { ["cpu"] = 20 } }));
        yield return ("service providers", c => c.ListServiceProviders(new ServiceProviderListQuery { CustomerUuid = Id, Fields = ["uuid"] }).FirstPageAsync());
        yield return ("keys", c => c.ListServiceProviderKeys(Id).ToListAsync());
        yield return ("sp projects", c => c.ListServiceProviderProjects(Id, new ProjectListQuery { Query = Id.ToString("N"), Fields = ["oecd_fos_2007_code", "is_industry"] }).FirstPageAsync());
        yield return ("offering users", c => c.ListOfferingUsers(new OfferingUserListQuery { OfferingUuids = [Id], IsRestricted = false, States = [OfferingUserState.Ok, OfferingUserState.PendingAccountLinking], Fields = ["username", "url"] }).ToListAsync());
        yield return ("update offering user", c => c.UpdateOfferingUserAsync(Id, new PatchedOfferingUserRequest { Username = "alice01" }));
        yield return ("begin creating", c => c.BeginCreatingOfferingUserAsync(Id));
        yield return ("error creating", c => c.SetOfferingUserErrorCreatingAsync(Id));
        yield return ("account linking", c => c.SetOfferingUserPendingAccountLinkingAsync(Id, "Link your account", "https://idp.example.com/link"));
        yield return ("validation", c => c.SetOfferingUserPendingAdditionalValidationAsync(Id, "Send your passport"));
        yield return ("validation complete", c => c.SetOfferingUserValidationCompleteAsync(Id));
        yield return ("usages", c => c.ListComponentUsages(new ComponentUsageListQuery { ResourceUuid = Id, BillingPeriod = new DateOnly(2025, 5, 1), Fields = ["type", "usage"] }).ToListAsync());
        yield return ("set usage", c => c.SetComponentUsageAsync(new ComponentUsageCreateRequest
        {
            Resource = Id,
            Date = new DateTimeOffset(2025, 5, 1, 0, 0, 0, TimeSpan.FromHours(2)),
            Usages = [new ComponentUsageItemRequest { Type = "cpu", Amount = 12.345m }],
        }));
        yield return ("set user usage", c => c.SetComponentUserUsageAsync(Id, new ComponentUserUsageCreateRequest { Username = "alice", Usage = 1.5m, Date = new DateTimeOffset(2025, 5, 1, 0, 0, 0, TimeSpan.Zero), User = "https://waldur.example.com/api/marketplace-offering-users/0f1e2d3c4b5a69788796a5b4c3d2e1f0/" }));
        yield return ("set user usages", c => c.SetComponentUserUsagesAsync(Id, [new ComponentUserUsageCreateRequest { Username = "bob", Usage = 0m }]));
        yield return ("user usages", c => c.ListComponentUserUsages(new ComponentUserUsageListQuery { ResourceUuid = Id, ComponentUsageBillingPeriod = new DateOnly(2025, 5, 1), Fields = ["component_usage"] }).ToListAsync());
        yield return ("user limits", c => c.ListComponentUserUsageLimits(new ComponentUserUsageLimitListQuery { ResourceUuid = Id }).ToListAsync());
        yield return ("api keys", c => c.ListResourceApiKeys(new ResourceApiKeyListQuery { ResourceUuid = Id, States = [ResourceApiKeyState.Ok] }).ToListAsync());
        yield return ("report key", c => c.ReportResourceApiKeyCreatedAsync(new ResourceApiKeyReportCreatedRequest(Id, "c1", "key-value")));
        yield return ("set key", c => c.SetResourceApiKeyAsync(Id, new ResourceApiKeySetKeyRequest("key-value-2", null)));
        yield return ("key erred", c => c.SetResourceApiKeyErredAsync(Id, "rotation failed"));
        yield return ("identities", c => c.ListAgentIdentities(new AgentIdentityListQuery { Name = $"agent-{Id:N}" }).FirstPageAsync());
        yield return ("create identity", c => c.CreateAgentIdentityAsync(identity));
        yield return ("update identity", c => c.UpdateAgentIdentityAsync(Id, identity));
        yield return ("register service", c => c.RegisterAgentServiceAsync(Id, new AgentServiceCreateRequest("order_process", "order_process")));
        yield return ("register processor", c => c.RegisterAgentProcessorAsync(Id, new AgentProcessorCreateRequest("OfferingOrderProcessor", "slurm", "22.05")));
        yield return ("logs", c => c.CreateSiteAgentLogsAsync([new SiteAgentLogCreateRequest { AgentIdentityUuid = Id, Timestamp = 1718445600.123, Level = "WARNING", Message = "hello", Module = "SiteAgent.Core" }]));
        yield return ("me", c => c.GetCurrentUserAsync(["uuid"]));
        yield return ("version", c => c.GetVersionAsync());
        yield return ("register subscription", c => c.RegisterEventSubscriptionAsync(Id, new AgentEventSubscriptionCreateRequest(ObservableObjectType.Order, "orders")));
        yield return ("queue", c => c.CreateEventSubscriptionQueueAsync(Id, new EventSubscriptionQueueCreateRequest(Other, ObservableObjectType.Order)));
        yield return ("delete subscription", c => c.DeleteEventSubscriptionAsync(Id));
        yield return ("policies", c => c.ListSlurmPeriodicUsagePolicies(new SlurmPolicyListQuery { ScopeUuid = Id }).ToListAsync());
        yield return ("command result", c => c.ReportSlurmCommandResultAsync(Id, new SlurmCommandResultRequest { ResourceUuid = Other, Success = true, Mode = "production", CommandsExecuted = ["sacctmgr -i modify account acc1 set GrpTRESMins=cpu=10"] }));
        yield return ("backend request", c => c.GetBackendResourceRequestAsync(Id));
        yield return ("start processing", c => c.StartBackendResourceRequestAsync(Id));
        yield return ("request done", c => c.SetBackendResourceRequestDoneAsync(Id));
        yield return ("request erred", c => c.SetBackendResourceRequestErredAsync(Id, "boom", "trace"));
        yield return ("backend resources", c => c.ListBackendResources(new BackendResourceListQuery { BackendId = "acc1", ProjectUuid = Other, OfferingUuid = Id }).ToListAsync());
        yield return ("create backend resource", c => c.CreateBackendResourceAsync(new BackendResourceCreateRequest { Name = "acc1", Project = Other, Offering = Id, BackendId = "acc1", BackendMetadata = new JsonObject { ["limits"] = new JsonObject { ["cpu"] = 10 } } }));
        yield return ("projects", c => c.ListProjects(new ProjectListQuery { Slug = "project-1", Fields = ["uuid"] }).FirstPageAsync());
        yield return ("create project", c => c.CreateProjectAsync(new ProjectCreateRequest { Name = "P", Customer = "https://waldur.example.com/api/customers/0f1e2d3c4b5a69788796a5b4c3d2e1f0/", BackendId = "p1", OecdFos2007Code = "1.1", EndDate = new DateOnly(2026, 1, 1) }));
        yield return ("update project", c => c.UpdateProjectAsync(Id, new PatchedProjectRequest { Description = "d", IsIndustry = false }));
        yield return ("project end date", c => c.SetProjectEndDateAsync(Id, null));
        yield return ("add user", c => c.AddProjectUserAsync(Id, new UserRoleRequest { Role = "PROJECT.MEMBER", User = Other }));
        yield return ("delete user", c => c.DeleteProjectUserAsync(Id, new UserRoleRequest { Role = "PROJECT.MEMBER", User = Other }));
        yield return ("project users", c => c.ListProjectUsers(Id, new ProjectUserListQuery { UserUuid = Other }).ToListAsync());
        yield return ("identity bridge", c => c.PushIdentityBridgeUserAsync(new IdentityBridgeRequest { Username = "alice", Source = "isd:test", Email = "alice@example.com", Affiliations = ["member"] }));
        yield return ("allowed fields", c => c.GetIdentityBridgeAllowedFieldsAsync());
        yield return ("bridge remove", c => c.RemoveIdentityBridgeUserAsync(new IdentityBridgeRemoveRequest("alice", "isd:test")));
        yield return ("eduteams", c => c.ResolveRemoteEduteamsUserAsync("cuid-1@example.org"));
        yield return ("users", c => c.ListUsers(new UserListQuery { Username = "alice", Fields = ["uuid"] }).FirstPageAsync());
        yield return ("roles", c => c.ListRoles(new RoleListQuery { Name = "PROJECT.MEMBER" }).ToListAsync());
        yield return ("sub-domains", c => c.ListScienceSubDomains(new ScienceSubDomainListQuery { Name = "Physics" }).ToListAsync());
    }
}
