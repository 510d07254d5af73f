using System.Text.Json.Serialization;
using SiteAgent.Waldur.Models;

namespace SiteAgent.Waldur.Json;

/// <summary>
/// Source-generated JSON metadata of every Waldur model: snake_case names, unknown fields ignored,
/// nulls omitted from requests, nullable annotations enforced (a non-nullable property is required
/// to be non-null), Waldur's lenient number, decimal and uuid forms accepted.
/// </summary>
/// <remarks>
/// No reflection: the client serializes only through this context, so it stays trimming- and
/// AOT-safe. To add a model: add a <c>[JsonSerializable]</c> line here (and its <c>List&lt;T&gt;</c>
/// when it is a list item).
/// </remarks>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    RespectNullableAnnotations = true,
    Converters =
    [
        typeof(WaldurGuidConverter),
        typeof(WaldurNullableGuidConverter),
        typeof(WaldurDecimalConverter),
        typeof(WaldurNullableDecimalConverter),
        typeof(LenientInt32Converter),
        typeof(LenientInt64Converter),
    ])]
[JsonSerializable(typeof(OrderDetails))]
[JsonSerializable(typeof(List<OrderDetails>))]
[JsonSerializable(typeof(OrderCreateRequest))]
[JsonSerializable(typeof(OrderApproveByProviderRequest))]
[JsonSerializable(typeof(OrderProviderRejectionRequest))]
[JsonSerializable(typeof(OrderBackendIdRequest))]
[JsonSerializable(typeof(OrderErrorDetailsRequest))]
[JsonSerializable(typeof(OrderInfoResponse))]
[JsonSerializable(typeof(OrderUuidResponse))]
[JsonSerializable(typeof(StatusResponse))]
[JsonSerializable(typeof(Resource))]
[JsonSerializable(typeof(List<Resource>))]
[JsonSerializable(typeof(List<ProjectUser>))]
[JsonSerializable(typeof(ErrorDetailsRequest))]
[JsonSerializable(typeof(ResourceBackendIdRequest))]
[JsonSerializable(typeof(ResourceEffectiveIdRequest))]
[JsonSerializable(typeof(ResourceBackendMetadataRequest))]
[JsonSerializable(typeof(ResourceEndDateRequest))]
[JsonSerializable(typeof(ResourceEndpointsRequest))]
[JsonSerializable(typeof(ResourceSetLimitsRequest))]
[JsonSerializable(typeof(ResourceUpdateLimitsRequest))]
[JsonSerializable(typeof(ResourceTerminateRequest))]
[JsonSerializable(typeof(MemberSyncStatusReportRequest))]
[JsonSerializable(typeof(MemberSyncStatusReportResult))]
[JsonSerializable(typeof(ProviderOfferingDetails))]
[JsonSerializable(typeof(OfferingUserAttributeConfig))]
[JsonSerializable(typeof(CheckUniqueBackendIdRequest))]
[JsonSerializable(typeof(CheckUniqueBackendIdResponse))]
[JsonSerializable(typeof(OfferingComponentRequest))]
[JsonSerializable(typeof(UpdateOfferingComponentRequest))]
[JsonSerializable(typeof(ProviderPlanDetails))]
[JsonSerializable(typeof(List<BasePublicPlan>))]
[JsonSerializable(typeof(List<ServiceProvider>))]
[JsonSerializable(typeof(List<SshKey>))]
[JsonSerializable(typeof(List<ProjectServiceAccount>))]
[JsonSerializable(typeof(List<CourseAccount>))]
[JsonSerializable(typeof(OfferingUser))]
[JsonSerializable(typeof(List<OfferingUser>))]
[JsonSerializable(typeof(PatchedOfferingUserRequest))]
[JsonSerializable(typeof(OfferingUserStateTransitionRequest))]
[JsonSerializable(typeof(List<ComponentUsage>))]
[JsonSerializable(typeof(List<ComponentUserUsage>))]
[JsonSerializable(typeof(List<ComponentUserUsageLimit>))]
[JsonSerializable(typeof(ComponentUsageCreateRequest))]
[JsonSerializable(typeof(ComponentUserUsageCreateRequest))]
[JsonSerializable(typeof(ComponentUserUsageBulkCreateRequest))]
[JsonSerializable(typeof(AgentIdentity))]
[JsonSerializable(typeof(List<AgentIdentity>))]
[JsonSerializable(typeof(AgentIdentityRequest))]
[JsonSerializable(typeof(AgentService))]
[JsonSerializable(typeof(AgentServiceCreateRequest))]
[JsonSerializable(typeof(AgentProcessor))]
[JsonSerializable(typeof(AgentProcessorCreateRequest))]
[JsonSerializable(typeof(IReadOnlyList<SiteAgentLogCreateRequest>))]
[JsonSerializable(typeof(List<SiteAgentLog>))]
[JsonSerializable(typeof(EventSubscription))]
[JsonSerializable(typeof(AgentEventSubscriptionCreateRequest))]
[JsonSerializable(typeof(EventSubscriptionQueue))]
[JsonSerializable(typeof(EventSubscriptionQueueCreateRequest))]
[JsonSerializable(typeof(UserMe))]
[JsonSerializable(typeof(List<User>))]
[JsonSerializable(typeof(WaldurVersion))]
[JsonSerializable(typeof(BackendResourceRequestDetails))]
[JsonSerializable(typeof(BackendResource))]
[JsonSerializable(typeof(List<BackendResource>))]
[JsonSerializable(typeof(BackendResourceCreateRequest))]
[JsonSerializable(typeof(Project))]
[JsonSerializable(typeof(List<Project>))]
[JsonSerializable(typeof(ProjectCreateRequest))]
[JsonSerializable(typeof(PatchedProjectRequest))]
[JsonSerializable(typeof(ProjectEndDatePatch))]
[JsonSerializable(typeof(UserRoleRequest))]
[JsonSerializable(typeof(UserRoleExpirationTime))]
[JsonSerializable(typeof(List<UserRoleDetails>))]
[JsonSerializable(typeof(IdentityBridgeRequest))]
[JsonSerializable(typeof(IdentityBridgeResult))]
[JsonSerializable(typeof(IdentityBridgeAllowedFields))]
[JsonSerializable(typeof(IdentityBridgeRemoveRequest))]
[JsonSerializable(typeof(IdentityBridgeRemoveResult))]
[JsonSerializable(typeof(RemoteEduteamsRequest))]
[JsonSerializable(typeof(RemoteEduteamsUuid))]
[JsonSerializable(typeof(List<RoleDetails>))]
[JsonSerializable(typeof(List<ScienceSubDomain>))]
[JsonSerializable(typeof(List<SlurmPeriodicUsagePolicy>))]
[JsonSerializable(typeof(SlurmCommandResultRequest))]
[JsonSerializable(typeof(ResourceApiKeyStatus))]
[JsonSerializable(typeof(List<ResourceApiKeyStatus>))]
[JsonSerializable(typeof(ResourceApiKeyReportCreatedRequest))]
[JsonSerializable(typeof(ResourceApiKeySetKeyRequest))]
[JsonSerializable(typeof(ResourceApiKeySetErredRequest))]
public sealed partial class WaldurJsonContext : JsonSerializerContext;
