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

    public static TheoryData<string, string> ModelsAndSchemas => new()
    {
        { nameof(OrderDetails), "OrderDetails" },
        { nameof(OrderCreateRequest), "OrderCreateRequest" },
        { nameof(OrderApproveByProviderRequest), "OrderApproveByProviderRequest" },
        { nameof(OrderProviderRejectionRequest), "OrderProviderRejectionRequest" },
        { nameof(OrderBackendIdRequest), "OrderBackendIDRequest" },
        { nameof(OrderErrorDetailsRequest), "OrderErrorDetailsRequest" },
        { nameof(OrderInfoResponse), "OrderInfoResponse" },
        { nameof(OrderUuidResponse), "OrderUUID" },
        { nameof(StatusResponse), "Status" },
        { nameof(Resource), "Resource" },
        { nameof(NestedEndpoint), "NestedEndpoint" },
        { nameof(ProjectUser), "ProjectUser" },
        { nameof(ErrorDetailsRequest), "ResourceSetStateErredRequest" },
        { nameof(ResourceBackendIdRequest), "ResourceBackendIDRequest" },
        { nameof(ResourceEffectiveIdRequest), "ResourceEffectiveIDRequest" },
        { nameof(ResourceBackendMetadataRequest), "ResourceBackendMetadataRequest" },
        { nameof(ResourceEndDateRequest), "ResourceEndDateRequest" },
        { nameof(ResourceEndpointsRequest), "ResourceEndpointsRequest" },
        { nameof(ResourceEndpointRequest), "ResourceEndpointRequest" },
        { nameof(ResourceSetLimitsRequest), "ResourceSetLimitsRequest" },
        { nameof(ResourceUpdateLimitsRequest), "ResourceUpdateLimitsRequest" },
        { nameof(ResourceTerminateRequest), "ResourceTerminateRequest" },
        { nameof(ProviderOfferingDetails), "ProviderOfferingDetails" },
        { nameof(OfferingComponent), "OfferingComponent" },
        { nameof(NestedPartition), "NestedPartition" },
        { nameof(OfferingPluginOptions), "MergedPluginOptions" },
        { nameof(OfferingUserAttributeConfig), "OfferingUserAttributeConfig" },
        { nameof(CheckUniqueBackendIdRequest), "CheckUniqueBackendIDRequest" },
        { nameof(CheckUniqueBackendIdResponse), "CheckUniqueBackendIDResponse" },
        { nameof(OfferingComponentRequest), "OfferingComponentRequest" },
        { nameof(UpdateOfferingComponentRequest), "UpdateOfferingComponentRequest" },
        { nameof(ProviderPlanDetails), "ProviderPlanDetails" },
        { nameof(BasePublicPlan), "BasePublicPlan" },
        { nameof(NestedPlanComponent), "NestedPlanComponent" },
        { nameof(ServiceProvider), "ServiceProvider" },
        { nameof(SshKey), "SshKey" },
        { nameof(ProjectServiceAccount), "ProjectServiceAccount" },
        { nameof(CourseAccount), "CourseAccount" },
        { nameof(OfferingUser), "OfferingUser" },
        { nameof(PatchedOfferingUserRequest), "PatchedOfferingUserRequest" },
        { nameof(OfferingUserStateTransitionRequest), "OfferingUserStateTransitionRequest" },
        { nameof(ComponentUsage), "ComponentUsage" },
        { nameof(ComponentUserUsage), "ComponentUserUsage" },
        { nameof(ComponentUserUsageLimit), "ComponentUserUsageLimit" },
        { nameof(ComponentUsageCreateRequest), "ComponentUsageCreateRequest" },
        { nameof(ComponentUsageItemRequest), "ComponentUsageItemRequest" },
        { nameof(ComponentUserUsageCreateRequest), "ComponentUserUsageCreateRequest" },
        { nameof(ComponentUserUsageBulkCreateRequest), "ComponentUserUsageBulkCreateRequest" },
        { nameof(AgentIdentity), "AgentIdentity" },
        { nameof(AgentIdentityRequest), "AgentIdentityRequest" },
        { nameof(AgentDependency), "AgentDependencyRequest" },
        { nameof(NestedAgentService), "NestedAgentService" },
        { nameof(AgentService), "AgentService" },
        { nameof(AgentServiceCreateRequest), "AgentServiceCreateRequest" },
        { nameof(AgentProcessor), "AgentProcessor" },
        { nameof(AgentProcessorCreateRequest), "AgentProcessorCreateRequest" },
        { nameof(SiteAgentLogCreateRequest), "SiteAgentLogCreateRequest" },
        { nameof(SiteAgentLog), "SiteAgentLog" },
        { nameof(EventSubscription), "EventSubscription" },
        { nameof(EventSubscriptionObservableObject), "EventSubscriptionObservableObject" },
        { nameof(AgentEventSubscriptionCreateRequest), "AgentEventSubscriptionCreateRequest" },
        { nameof(EventSubscriptionQueueCreateRequest), "EventSubscriptionQueueCreateRequest" },
        { nameof(EventSubscriptionQueue), "EventSubscriptionQueue" },
        { nameof(UserMe), "UserMe" },
        { nameof(Permission), "Permission" },
        { nameof(User), "User" },
        { nameof(WaldurVersion), "Version" },
        { nameof(BackendResourceRequestDetails), "BackendResourceReq" },
        { nameof(BackendResource), "BackendResource" },
        { nameof(BackendResourceCreateRequest), "BackendResourceRequest" },
        { nameof(Project), "Project" },
        { nameof(ProjectCreateRequest), "ProjectRequest" },
        { nameof(PatchedProjectRequest), "PatchedProjectRequest" },
        { nameof(ProjectEndDatePatch), "PatchedProjectRequest" },
        { nameof(UserRoleRequest), "UserRoleCreateRequest" },
        { nameof(UserRoleExpirationTime), "UserRoleExpirationTime" },
        { nameof(UserRoleDetails), "UserRoleDetails" },
        { nameof(IdentityBridgeRequest), "IdentityBridgeRequestRequest" },
        { nameof(IdentityBridgeResult), "IdentityBridgeResult" },
        { nameof(IdentityBridgeAllowedFields), "IdentityBridgeAllowedFields" },
        { nameof(IdentityBridgeRemoveRequest), "IdentityBridgeRemoveRequest" },
        { nameof(IdentityBridgeRemoveResult), "IdentityBridgeRemoveResult" },
        { nameof(RemoteEduteamsRequest), "RemoteEduteamsRequestRequest" },
        { nameof(RemoteEduteamsUuid), "RemoteEduteamsUUID" },
        { nameof(RoleDetails), "RoleDetails" },
        { nameof(ScienceSubDomain), "ScienceSubDomain" },
        { nameof(SlurmPeriodicUsagePolicy), "SlurmPeriodicUsagePolicy" },
        { nameof(NestedOfferingComponentLimit), "NestedOfferingComponentLimit" },
        { nameof(SlurmCommandResultRequest), "SlurmCommandResultRequest" },
    };

    [Theory]
    [MemberData(nameof(ModelsAndSchemas))]
    public void ModelProperties_AreSchemaProperties(string model, string schema)
    {
        var names = OpenApiDocument.Default.PropertyNames(schema);
        var unknown = JsonNames(model).Where(n => !names.Contains(n) && !BeyondSchema.Contains($"{schema}.{n}")).ToList();

        Assert.Empty(unknown);
    }

    [Theory]
    [MemberData(nameof(ModelsAndSchemas))]
    public void SchemaRequiredProperties_AreModelled(string model, string schema)
    {
        var modelled = JsonNames(model);
        var missing = OpenApiDocument.Default.RequiredNames(schema).Where(n => !modelled.Contains(n)).ToList();

        // Response models may leave out required fields the agent never reads; request models may not.
        if (schema.EndsWith("Request", StringComparison.Ordinal))
        {
            Assert.Empty(missing);
        }
    }

    [Theory]
    [InlineData("mup/waldur-api.create-order.pending-provider.json")]
    [InlineData("mup/waldur-api.create-order.executing.json")]
    [InlineData("mup/waldur-api.update-order.executing.json")]
    [InlineData("mup/waldur-api.terminate-order.executing.json")]
    public void OrderFixtures_RoundTrip(string fixture) => AssertRoundTrip(fixture, Json.OrderDetails);

    [Theory]
    [InlineData("mup/waldur-api.resource.creating.json")]
    [InlineData("mup/waldur-api.resource.updating.json")]
    public void ResourceFixtures_RoundTrip(string fixture) => AssertRoundTrip(fixture, Json.Resource);

    [Fact]
    public void TeamFixture_RoundTrips() => AssertRoundTrip("mup/waldur-api.resource-team.json", Json.ListProjectUser);

    [Fact]
    public void OfferingUsersFixture_RoundTrips() => AssertRoundTrip("mup/waldur-api.offering-users.json", Json.ListOfferingUser);

    [Fact]
    public void Fixtures_CarryTheValuesTheAgentReads()
    {
        var update = Read("mup/waldur-api.update-order.executing.json", Json.OrderDetails);
        var resource = Read("mup/waldur-api.resource.creating.json", Json.Resource);
        var team = Read("mup/waldur-api.resource-team.json", Json.ListProjectUser);

        Assert.Equal(OrderType.Update, update.Type);
        Assert.Equal(20m, update.Limits!["cpu"]);
        Assert.Equal(10, update.Attributes!.Value.GetProperty("old_limits").GetProperty("cpu").GetInt32());
        Assert.Equal(Guid.Parse("a0000000-0000-0000-0000-000000000002"), update.MarketplaceResourceUuid);
        Assert.Equal(ResourceState.Creating, resource.State);
        Assert.Equal("MUP Offering", resource.Offering!.Value.GetProperty("name").GetString());
        Assert.Null(team[0].ExpirationTime);
        Assert.Equal(OfferingUserState.Ok, team[0].OfferingUserState);
    }

    [Fact]
    public void RejectedOrderBody_IsKeptInTheException()
    {
        var body = File.ReadAllText(TestFiles.Fixture("waldur/order-create.rejected-400.body.txt"));
        var ex = new WaldurApiException("marketplace_orders_create", 400, "POST", "/api/marketplace-orders/", body, null);

        Assert.Contains("Resource with this storage_data_type already exists", ex.Message);
        Assert.Equal(body, ex.Body);
        Assert.False(ex.IsTransient);
    }

    private static HashSet<string> JsonNames(string model)
    {
        var type = typeof(OrderDetails).Assembly.GetTypes().Single(t => t.Name == model && t.Namespace == typeof(OrderDetails).Namespace);
        return Json.GetTypeInfo(type)!.Properties.Where(p => !p.IsExtensionData).Select(p => p.Name).ToHashSet();
    }

    private static T Read<T>(string fixture, JsonTypeInfo<T> type) =>
        JsonSerializer.Deserialize(File.ReadAllBytes(TestFiles.Fixture(fixture)), type)!;

    private static void AssertRoundTrip<T>(string fixture, JsonTypeInfo<T> type)
    {
        var first = Read(fixture, type);
        var written = JsonSerializer.Serialize(first, type);
        var second = JsonSerializer.Deserialize(written, type)!;

        Assert.Equal(written, JsonSerializer.Serialize(second, type));
        using var original = JsonDocument.Parse(File.ReadAllBytes(TestFiles.Fixture(fixture)));
        using var copy = JsonDocument.Parse(written);
        AssertContains(original.RootElement, copy.RootElement, "$");
    }

    // Every value of the fixture that the model maps survives the round trip unchanged.
    private static void AssertContains(JsonElement original, JsonElement copy, string path)
    {
        switch (original.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in original.EnumerateObject())
                {
                    if (copy.TryGetProperty(property.Name, out var value))
                    {
                        AssertContains(property.Value, value, $"{path}.{property.Name}");
                    }
                }

                break;
            case JsonValueKind.Array:
                Assert.Equal(original.GetArrayLength(), copy.GetArrayLength());
                for (var i = 0; i < original.GetArrayLength(); i++)
                {
                    AssertContains(original[i], copy[i], $"{path}[{i}]");
                }

                break;
            case JsonValueKind.String when Guid.TryParse(original.GetString(), out var id):
                Assert.Equal(id, Guid.Parse(copy.GetString()!));
                break;
            case JsonValueKind.Number:
                Assert.Equal(original.GetDecimal(), copy.ValueKind == JsonValueKind.String ? decimal.Parse(copy.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : copy.GetDecimal());
                break;
            default:
                Assert.True(JsonElement.DeepEquals(original, copy), $"{path}: {original.GetRawText()} became {copy.GetRawText()}");
                break;
        }
    }
}
