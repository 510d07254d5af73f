using SiteAgent.Waldur.Contract;
using SiteAgent.Waldur.Models;

namespace SiteAgent.Waldur.Integration.Tests.Contract;

/// <summary>Every property of every client model exists in the schema (read with Microsoft.OpenApi) with a compatible type.</summary>
public sealed class ModelSchemaTests
{
    // "Model" when the schema component has the same name, else "Model=Component". Nested models
    // (endpoints, components, partitions, plugin options, …) are checked through their parents.
    private static readonly string[] Roots =
    [
        "OrderDetails", "OrderCreateRequest", "OrderApproveByProviderRequest", "OrderProviderRejectionRequest",
        "OrderBackendIdRequest=OrderBackendIDRequest", "OrderErrorDetailsRequest", "OrderInfoResponse", "OrderUuidResponse=OrderUUID",
        "StatusResponse=Status", "Resource", "ProjectUser", "ErrorDetailsRequest=ResourceSetStateErredRequest",
        "ResourceBackendIdRequest=ResourceBackendIDRequest", "ResourceEffectiveIdRequest=ResourceEffectiveIDRequest",
        "ResourceBackendMetadataRequest", "ResourceEndDateRequest", "ResourceEndpointsRequest", "ResourceSetLimitsRequest",
        "ResourceUpdateLimitsRequest", "ResourceTerminateRequest", "ProviderOfferingDetails", "OfferingUserAttributeConfig",
        "CheckUniqueBackendIdRequest=CheckUniqueBackendIDRequest", "CheckUniqueBackendIdResponse=CheckUniqueBackendIDResponse",
        "OfferingComponentRequest", "UpdateOfferingComponentRequest", "ProviderPlanDetails", "BasePublicPlan", "ServiceProvider",
        "SshKey", "ProjectServiceAccount", "CourseAccount", "OfferingUser", "PatchedOfferingUserRequest",
        "OfferingUserStateTransitionRequest", "ComponentUsage", "ComponentUserUsage", "ComponentUserUsageLimit",
        "ComponentUsageCreateRequest", "ComponentUserUsageCreateRequest", "ComponentUserUsageBulkCreateRequest", "AgentIdentity",
        "AgentIdentityRequest", "AgentService", "AgentServiceCreateRequest", "AgentProcessor", "AgentProcessorCreateRequest",
        "SiteAgentLogCreateRequest", "SiteAgentLog", "EventSubscription", "AgentEventSubscriptionCreateRequest",
        "EventSubscriptionQueueCreateRequest", "EventSubscriptionQueue", "UserMe", "User", "WaldurVersion=Version",
        "BackendResourceRequestDetails=BackendResourceReq", "BackendResource", "BackendResourceCreateRequest=BackendResourceRequest",
        "Project", "ProjectCreateRequest=ProjectRequest", "PatchedProjectRequest", "ProjectEndDatePatch=PatchedProjectRequest",
        "UserRoleRequest=UserRoleCreateRequest", "UserRoleExpirationTime", "UserRoleDetails", "IdentityBridgeRequest=IdentityBridgeRequestRequest",
        "IdentityBridgeResult", "IdentityBridgeAllowedFields", "IdentityBridgeRemoveRequest", "IdentityBridgeRemoveResult",
        "RemoteEduteamsRequest=RemoteEduteamsRequestRequest", "RemoteEduteamsUuid=RemoteEduteamsUUID", "RoleDetails", "ScienceSubDomain",
        "SlurmPeriodicUsagePolicy", "SlurmCommandResultRequest",
    ];

    // Beyond the 8.0.9 subset: Waldur 8.1.x added it to MergedPluginOptions.
    private static readonly HashSet<string> BeyondSchema = ["ProviderOfferingDetails.plugin_options.enable_membership_sync_status"];

    public static IEnumerable<(string, string)> ModelsAndSchemas =>
        Roots.Select(r => r.Split('=') is [var model, var schema] ? (model, schema) : (r, r));

    [Test]
    [MethodDataSource(nameof(ModelsAndSchemas))]
    public async Task ModelProperties_ExistInSchemaWithCompatibleTypes(string model, string schema)
    {
        var type = typeof(OrderDetails).Assembly.GetType($"{typeof(OrderDetails).Namespace}.{model}") ?? throw new ArgumentException($"no model {model}");

        var problems = new ModelSchemaCompatibility(BeyondSchema).Check(type, WaldurContract.Default.Schema(schema), model);

        await Assert.That(problems.Count == 0).IsTrue().Because(string.Join("\n", problems));
    }

    [Test]
    public async Task Checker_ModelAgainstAnotherSchema_ReportsMissingAndMistypedProperties()
    {
        var problems = new ModelSchemaCompatibility(new HashSet<string>())
            .Check(typeof(NestedOfferingComponentLimit), WaldurContract.Default.Schema("ComponentUserUsageLimit"), "Limit");

        await Assert.That(problems).IsEquivalentTo(["Limit.type: not a property of the schema", "Limit.limit: Int64 cannot hold string (decimal)"], CollectionOrdering.Matching);
    }

    [Test]
    public async Task Roots_WithNestedAnd81xModels_CoverEveryClientModel()
    {
        var roots = Roots.Select(r => r.Split('=')[0]).ToHashSet();
        var nested = new[] { "NestedEndpoint", "OfferingComponent", "NestedPartition", "OfferingPluginOptions", "NestedPlanComponent",
            "ComponentUsageItemRequest", "AgentDependency", "NestedAgentService", "EventSubscriptionObservableObject", "Permission",
            "NestedOfferingComponentLimit", "ResourceEndpointRequest" };
        var beyond81 = new[] { "MemberSyncStatusEntry", "MemberSyncStatusReportRequest", "MemberSyncStatusReportResult", "ResourceApiKeyStatus",
            "ResourceApiKeyReportCreatedRequest", "ResourceApiKeySetKeyRequest", "ResourceApiKeySetErredRequest" };
        var models = typeof(OrderDetails).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == typeof(OrderDetails).Namespace && t.IsClass && !t.IsAbstract && !(t.IsSealed && t.IsAbstract))
            .Select(t => t.Name).ToHashSet();

        await Assert.That(models.Except(roots).Except(nested).Except(beyond81)).IsEmpty();
    }
}
