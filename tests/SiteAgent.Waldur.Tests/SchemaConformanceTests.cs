using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SiteAgent.Waldur.Json;
using SiteAgent.Waldur.Models;
using SiteAgent.Waldur.Tests.Infrastructure;

namespace SiteAgent.Waldur.Tests;

/// <summary>The models against the schema's component names, and against the recorded fixtures.</summary>
public sealed class SchemaConformanceTests
{
    private static readonly WaldurJsonContext Json = WaldurJsonContext.Default;

    // Model properties that exist in Waldur but not in the 8.0.9 subset.
    private static readonly HashSet<string> BeyondSchema = ["MergedPluginOptions.enable_membership_sync_status"];

    public static IEnumerable<(string, string)> ModelsAndSchemas =>
    [
        (nameof(OrderDetails), "OrderDetails"),
        (nameof(OrderCreateRequest), "OrderCreateRequest"),
        (nameof(OrderApproveByProviderRequest), "OrderApproveByProviderRequest"),
        (nameof(OrderProviderRejectionRequest), "OrderProviderRejectionRequest"),
        (nameof(OrderBackendIdRequest), "OrderBackendIDRequest"),
        (nameof(OrderErrorDetailsRequest), "OrderErrorDetailsRequest"),
        (nameof(OrderInfoResponse), "OrderInfoResponse"),
        (nameof(OrderUuidResponse), "OrderUUID"),
        (nameof(StatusResponse), "Status"),
        (nameof(Resource), "Resource"),
        (nameof(NestedEndpoint), "NestedEndpoint"),
        (nameof(ProjectUser), "ProjectUser"),
        (nameof(ErrorDetailsRequest), "ResourceSetStateErredRequest"),
        (nameof(ResourceBackendIdRequest), "ResourceBackendIDRequest"),
        (nameof(ResourceEffectiveIdRequest), "ResourceEffectiveIDRequest"),
        (nameof(ResourceBackendMetadataRequest), "ResourceBackendMetadataRequest"),
        (nameof(ResourceEndDateRequest), "ResourceEndDateRequest"),
        (nameof(ResourceEndpointsRequest), "ResourceEndpointsRequest"),
        (nameof(ResourceEndpointRequest), "ResourceEndpointRequest"),
        (nameof(ResourceSetLimitsRequest), "ResourceSetLimitsRequest"),
        (nameof(ResourceUpdateLimitsRequest), "ResourceUpdateLimitsRequest"),
        (nameof(ResourceTerminateRequest), "ResourceTerminateRequest"),
        (nameof(ProviderOfferingDetails), "ProviderOfferingDetails"),
        (nameof(OfferingComponent), "OfferingComponent"),
        (nameof(NestedPartition), "NestedPartition"),
        (nameof(OfferingPluginOptions), "MergedPluginOptions"),
        (nameof(OfferingUserAttributeConfig), "OfferingUserAttributeConfig"),
        (nameof(CheckUniqueBackendIdRequest), "CheckUniqueBackendIDRequest"),
        (nameof(CheckUniqueBackendIdResponse), "CheckUniqueBackendIDResponse"),
        (nameof(OfferingComponentRequest), "OfferingComponentRequest"),
        (nameof(UpdateOfferingComponentRequest), "UpdateOfferingComponentRequest"),
        (nameof(ProviderPlanDetails), "ProviderPlanDetails"),
        (nameof(BasePublicPlan), "BasePublicPlan"),
        (nameof(NestedPlanComponent), "NestedPlanComponent"),
        (nameof(ServiceProvider), "ServiceProvider"),
        (nameof(SshKey), "SshKey"),
        (nameof(ProjectServiceAccount), "ProjectServiceAccount"),
        (nameof(CourseAccount), "CourseAccount"),
        (nameof(OfferingUser), "OfferingUser"),
        (nameof(PatchedOfferingUserRequest), "PatchedOfferingUserRequest"),
        (nameof(OfferingUserStateTransitionRequest), "OfferingUserStateTransitionRequest"),
        (nameof(ComponentUsage), "ComponentUsage"),
        (nameof(ComponentUserUsage), "ComponentUserUsage"),
        (nameof(ComponentUserUsageLimit), "ComponentUserUsageLimit"),
        (nameof(ComponentUsageCreateRequest), "ComponentUsageCreateRequest"),
        (nameof(ComponentUsageItemRequest), "ComponentUsageItemRequest"),
        (nameof(ComponentUserUsageCreateRequest), "ComponentUserUsageCreateRequest"),
        (nameof(ComponentUserUsageBulkCreateRequest), "ComponentUserUsageBulkCreateRequest"),
        (nameof(AgentIdentity), "AgentIdentity"),
        (nameof(AgentIdentityRequest), "AgentIdentityRequest"),
        (nameof(AgentDependency), "AgentDependencyRequest"),
        (nameof(NestedAgentService), "NestedAgentService"),
        (nameof(AgentService), "AgentService"),
        (nameof(AgentServiceCreateRequest), "AgentServiceCreateRequest"),
        (nameof(AgentProcessor), "AgentProcessor"),
        (nameof(AgentProcessorCreateRequest), "AgentProcessorCreateRequest"),
        (nameof(SiteAgentLogCreateRequest), "SiteAgentLogCreateRequest"),
        (nameof(SiteAgentLog), "SiteAgentLog"),
        (nameof(EventSubscription), "EventSubscription"),
        (nameof(EventSubscriptionObservableObject), "EventSubscriptionObservableObject"),
        (nameof(AgentEventSubscriptionCreateRequest), "AgentEventSubscriptionCreateRequest"),
        (nameof(EventSubscriptionQueueCreateRequest), "EventSubscriptionQueueCreateRequest"),
        (nameof(EventSubscriptionQueue), "EventSubscriptionQueue"),
        (nameof(UserMe), "UserMe"),
        (nameof(Permission), "Permission"),
        (nameof(User), "User"),
        (nameof(WaldurVersion), "Version"),
        (nameof(BackendResourceRequestDetails), "BackendResourceReq"),
        (nameof(BackendResource), "BackendResource"),
        (nameof(BackendResourceCreateRequest), "BackendResourceRequest"),
        (nameof(Project), "Project"),
        (nameof(ProjectCreateRequest), "ProjectRequest"),
        (nameof(PatchedProjectRequest), "PatchedProjectRequest"),
        (nameof(ProjectEndDatePatch), "PatchedProjectRequest"),
        (nameof(UserRoleRequest), "UserRoleCreateRequest"),
        (nameof(UserRoleExpirationTime), "UserRoleExpirationTime"),
        (nameof(UserRoleDetails), "UserRoleDetails"),
        (nameof(IdentityBridgeRequest), "IdentityBridgeRequestRequest"),
        (nameof(IdentityBridgeResult), "IdentityBridgeResult"),
        (nameof(IdentityBridgeAllowedFields), "IdentityBridgeAllowedFields"),
        (nameof(IdentityBridgeRemoveRequest), "IdentityBridgeRemoveRequest"),
        (nameof(IdentityBridgeRemoveResult), "IdentityBridgeRemoveResult"),
        (nameof(RemoteEduteamsRequest), "RemoteEduteamsRequestRequest"),
        (nameof(RemoteEduteamsUuid), "RemoteEduteamsUUID"),
        (nameof(RoleDetails), "RoleDetails"),
        (nameof(ScienceSubDomain), "ScienceSubDomain"),
        (nameof(SlurmPeriodicUsagePolicy), "SlurmPeriodicUsagePolicy"),
        (nameof(NestedOfferingComponentLimit), "NestedOfferingComponentLimit"),
        (nameof(SlurmCommandResultRequest), "SlurmCommandResultRequest"),
    ];

    [Test]
    [MethodDataSource(nameof(ModelsAndSchemas))]
    public async Task ModelProperties_AreSchemaProperties(string model, string schema)
    {
        var names = OpenApiDocument.Default.PropertyNames(schema);
        var unknown = JsonNames(model).Where(n => !names.Contains(n) && !BeyondSchema.Contains($"{schema}.{n}")).ToList();

        await Assert.That(unknown).IsEmpty();
    }

    [Test]
    [MethodDataSource(nameof(ModelsAndSchemas))]
    public async Task SchemaRequiredProperties_AreModelled(string model, string schema)
    {
        var modelled = JsonNames(model);
        var missing = OpenApiDocument.Default.RequiredNames(schema).Where(n => !modelled.Contains(n)).ToList();

        // Response models may leave out required fields the agent never reads; request models may not.
        if (schema.EndsWith("Request", StringComparison.Ordinal))
        {
            await Assert.That(missing).IsEmpty();
        }
    }

    [Test]
    [Arguments("mup/waldur-api.create-order.pending-provider.json")]
    [Arguments("mup/waldur-api.create-order.executing.json")]
    [Arguments("mup/waldur-api.update-order.executing.json")]
    [Arguments("mup/waldur-api.terminate-order.executing.json")]
    public async Task OrderFixtures_RoundTrip(string fixture) => await AssertRoundTrip(fixture, Json.OrderDetails);

    [Test]
    [Arguments("mup/waldur-api.resource.creating.json")]
    [Arguments("mup/waldur-api.resource.updating.json")]
    public async Task ResourceFixtures_RoundTrip(string fixture) => await AssertRoundTrip(fixture, Json.Resource);

    [Test]
    public async Task TeamFixture_RoundTrips() => await AssertRoundTrip("mup/waldur-api.resource-team.json", Json.ListProjectUser);

    [Test]
    public async Task OfferingUsersFixture_RoundTrips() => await AssertRoundTrip("mup/waldur-api.offering-users.json", Json.ListOfferingUser);

    [Test]
    public async Task Fixtures_CarryTheValuesTheAgentReads()
    {
        var update = Read("mup/waldur-api.update-order.executing.json", Json.OrderDetails);
        var resource = Read("mup/waldur-api.resource.creating.json", Json.Resource);
        var team = Read("mup/waldur-api.resource-team.json", Json.ListProjectUser);

        await Assert.That(update.Type).IsEqualTo(OrderType.Update);
        await Assert.That(update.Limits!["cpu"]).IsEqualTo(20m);
        await Assert.That(update.Attributes!.Value.GetProperty("old_limits").GetProperty("cpu").GetInt32()).IsEqualTo(10);
        await Assert.That(update.MarketplaceResourceUuid).IsEqualTo(Guid.Parse("a0000000-0000-0000-0000-000000000002"));
        await Assert.That(resource.State).IsEqualTo(ResourceState.Creating);
        await Assert.That(resource.Offering!.Value.GetProperty("name").GetString()).IsEqualTo("MUP Offering");
        await Assert.That(team[0].ExpirationTime).IsNull();
        await Assert.That(team[0].OfferingUserState).IsEqualTo(OfferingUserState.Ok);
    }

    [Test]
    public async Task RejectedOrderBody_IsKeptInTheException()
    {
        var body = File.ReadAllText(TestFiles.Fixture("waldur/order-create.rejected-400.body.txt"));
        var ex = new WaldurApiException("marketplace_orders_create", 400, "POST", "/api/marketplace-orders/", body, null);

        await Assert.That(ex.Message).Contains("Resource with this storage_data_type already exists");
        await Assert.That(ex.Body).IsEqualTo(body);
        await Assert.That(ex.IsTransient).IsFalse();
    }

    private static HashSet<string> JsonNames(string model)
    {
        var type = typeof(OrderDetails).Assembly.GetTypes().Single(t => t.Name == model && t.Namespace == typeof(OrderDetails).Namespace);
        return Json.GetTypeInfo(type)!.Properties.Where(p => !p.IsExtensionData).Select(p => p.Name).ToHashSet();
    }

    private static T Read<T>(string fixture, JsonTypeInfo<T> type) =>
        JsonSerializer.Deserialize(File.ReadAllBytes(TestFiles.Fixture(fixture)), type)!;

    private static async Task AssertRoundTrip<T>(string fixture, JsonTypeInfo<T> type)
    {
        var first = Read(fixture, type);
        var written = JsonSerializer.Serialize(first, type);
        var second = JsonSerializer.Deserialize(written, type)!;

        await Assert.That(JsonSerializer.Serialize(second, type)).IsEqualTo(written);
        using var original = JsonDocument.Parse(File.ReadAllBytes(TestFiles.Fixture(fixture)));
        using var copy = JsonDocument.Parse(written);
        await AssertContains(original.RootElement, copy.RootElement, "$");
    }

    // Every value of the fixture that the model maps survives the round trip unchanged.
    private static async Task AssertContains(JsonElement original, JsonElement copy, string path)
    {
        switch (original.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in original.EnumerateObject())
                {
                    if (copy.TryGetProperty(property.Name, out var value))
                    {
                        await AssertContains(property.Value, value, $"{path}.{property.Name}");
                    }
                }

                break;
            case JsonValueKind.Array:
                await Assert.That(copy.GetArrayLength()).IsEqualTo(original.GetArrayLength());
                for (var i = 0; i < original.GetArrayLength(); i++)
                {
                    await AssertContains(original[i], copy[i], $"{path}[{i}]");
                }

                break;
            case JsonValueKind.String when Guid.TryParse(original.GetString(), out var id):
                await Assert.That(Guid.Parse(copy.GetString()!)).IsEqualTo(id);
                break;
            case JsonValueKind.Number:
                await Assert.That(copy.ValueKind == JsonValueKind.String ? decimal.Parse(copy.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : copy.GetDecimal()).IsEqualTo(original.GetDecimal());
                break;
            default:
                await Assert.That(JsonElement.DeepEquals(original, copy)).IsTrue().Because($"{path}: {original.GetRawText()} became {copy.GetRawText()}");
                break;
        }
    }
}
