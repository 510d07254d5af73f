using System.Text.Json.Nodes;
using SiteAgent.Waldur.Http;
using SiteAgent.Waldur.Models;
using SiteAgent.Waldur.Operations;
using SiteAgent.Waldur.Queries;

namespace SiteAgent.Waldur;

// Provider-side resources: what the service provider sees and the agent updates.
public sealed partial class WaldurClient
{
    /// <summary>Lists the provider's resources (<c>marketplace_provider_resources_list</c>); enumerate for all pages.</summary>
    public WaldurPages<Resource> ListProviderResources(ResourceListQuery? query = null) =>
        Pages(WaldurOperations.MarketplaceProviderResourcesList, null, q => query?.AppendTo(q), Json.ListResource);

    /// <summary>Reads one provider resource (<c>marketplace_provider_resources_retrieve</c>); uuid is always included in a field selection.</summary>
    public Task<Resource> GetProviderResourceAsync(Guid resourceUuid, IReadOnlyList<string>? fields = null, CancellationToken cancellationToken = default) =>
        GetAsync(
            WaldurOperations.MarketplaceProviderResourcesRetrieve,
            resourceUuid,
            new QueryBuilder().AddEach("field", FieldSelection.Including(fields, "uuid")),
            Json.Resource,
            cancellationToken);

    /// <summary>Lists the project team of a resource (<c>marketplace_provider_resources_team_list</c>; not paged).</summary>
    public Task<IReadOnlyList<ProjectUser>> ListProviderResourceTeamAsync(Guid resourceUuid, bool? hasConsent = null, CancellationToken cancellationToken = default) =>
        GetListAsync(WaldurOperations.MarketplaceProviderResourcesTeamList, resourceUuid, new QueryBuilder().Add("has_consent", hasConsent), Json.ListProjectUser, cancellationToken);

    /// <summary>Records a successful sync (<c>marketplace_provider_resources_refresh_last_sync</c>); no body.</summary>
    /// <remarks>Idempotent.</remarks>
    public Task RefreshProviderResourceLastSyncAsync(Guid resourceUuid, CancellationToken cancellationToken = default) =>
        WriteAsync(WaldurOperations.MarketplaceProviderResourcesRefreshLastSync, resourceUuid, cancellationToken);

    /// <summary>Marks a resource erred (<c>marketplace_provider_resources_set_as_erred</c>).</summary>
    /// <remarks>Guarded: a state transition; re-read the resource's state before repeating.</remarks>
    public Task SetProviderResourceAsErredAsync(Guid resourceUuid, string errorMessage, string errorTraceback, CancellationToken cancellationToken = default) =>
        WriteAsync(
            WaldurOperations.MarketplaceProviderResourcesSetAsErred,
            resourceUuid,
            new ErrorDetailsRequest { ErrorMessage = errorMessage, ErrorTraceback = errorTraceback },
            Json.ErrorDetailsRequest,
            cancellationToken);

    /// <summary>Marks an erred resource OK (<c>marketplace_provider_resources_set_as_ok</c>); no body.</summary>
    /// <remarks>Guarded: a state transition; call it only when the resource is <c>Erred</c>.</remarks>
    public Task SetProviderResourceAsOkAsync(Guid resourceUuid, CancellationToken cancellationToken = default) =>
        WriteAsync(WaldurOperations.MarketplaceProviderResourcesSetAsOk, resourceUuid, cancellationToken);

    /// <summary>Stores the backend id of a resource (<c>marketplace_provider_resources_set_backend_id</c>).</summary>
    /// <remarks>Idempotent.</remarks>
    public Task<StatusResponse> SetProviderResourceBackendIdAsync(Guid resourceUuid, string backendId, CancellationToken cancellationToken = default) =>
        WriteAsync(
            WaldurOperations.MarketplaceProviderResourcesSetBackendId,
            resourceUuid,
            new ResourceBackendIdRequest { BackendId = backendId },
            Json.ResourceBackendIdRequest,
            Json.StatusResponse,
            DryRunStatus,
            cancellationToken);

    /// <summary>Replaces the backend metadata of a resource (<c>marketplace_provider_resources_set_backend_metadata</c>).</summary>
    /// <remarks>Idempotent.</remarks>
    public Task<StatusResponse> SetProviderResourceBackendMetadataAsync(Guid resourceUuid, JsonObject backendMetadata, CancellationToken cancellationToken = default) =>
        WriteAsync(
            WaldurOperations.MarketplaceProviderResourcesSetBackendMetadata,
            resourceUuid,
            new ResourceBackendMetadataRequest { BackendMetadata = backendMetadata },
            Json.ResourceBackendMetadataRequest,
            Json.StatusResponse,
            DryRunStatus,
            cancellationToken);

    /// <summary>Stores the effective id of a resource (<c>marketplace_provider_resources_set_effective_id</c>, federation).</summary>
    /// <remarks>Idempotent.</remarks>
    public Task<StatusResponse> SetProviderResourceEffectiveIdAsync(Guid resourceUuid, string effectiveId, CancellationToken cancellationToken = default) =>
        WriteAsync(
            WaldurOperations.MarketplaceProviderResourcesSetEffectiveId,
            resourceUuid,
            new ResourceEffectiveIdRequest { EffectiveId = effectiveId },
            Json.ResourceEffectiveIdRequest,
            Json.StatusResponse,
            DryRunStatus,
            cancellationToken);

    /// <summary>Sets or clears (null) the end date of a resource (<c>marketplace_provider_resources_set_end_date</c>).</summary>
    /// <remarks>Idempotent.</remarks>
    public Task SetProviderResourceEndDateAsync(Guid resourceUuid, DateOnly? endDate, CancellationToken cancellationToken = default) =>
        WriteAsync(
            WaldurOperations.MarketplaceProviderResourcesSetEndDate,
            resourceUuid,
            new ResourceEndDateRequest { EndDate = endDate },
            Json.ResourceEndDateRequest,
            cancellationToken);

    /// <summary>Replaces the endpoints of a resource (<c>marketplace_provider_resources_set_endpoints</c>).</summary>
    /// <remarks>Idempotent.</remarks>
    public Task<StatusResponse> SetProviderResourceEndpointsAsync(Guid resourceUuid, IReadOnlyList<ResourceEndpointRequest> endpoints, CancellationToken cancellationToken = default) =>
        WriteAsync(
            WaldurOperations.MarketplaceProviderResourcesSetEndpoints,
            resourceUuid,
            new ResourceEndpointsRequest { Endpoints = endpoints },
            Json.ResourceEndpointsRequest,
            Json.StatusResponse,
            DryRunStatus,
            cancellationToken);

    /// <summary>Replaces the limits of a resource, integers in Waldur units (<c>marketplace_provider_resources_set_limits</c>).</summary>
    /// <remarks>Idempotent.</remarks>
    public Task<StatusResponse> SetProviderResourceLimitsAsync(Guid resourceUuid, IReadOnlyDictionary<string, long> limits, CancellationToken cancellationToken = default) =>
        WriteAsync(
            WaldurOperations.MarketplaceProviderResourcesSetLimits,
            resourceUuid,
            new ResourceSetLimitsRequest { Limits = limits },
            Json.ResourceSetLimitsRequest,
            Json.StatusResponse,
            DryRunStatus,
            cancellationToken);

    /// <summary>Replaces the per-member sync statuses of a resource (<c>marketplace_provider_resources_set_membership_sync_statuses</c>).</summary>
    /// <remarks>
    /// Beyond the 8.0.9 schema (8.1.x API): an 8.0.9 server answers 404. Waldur answers 409 when the
    /// offering has not enabled <c>enable_membership_sync_status</c>; both surface as
    /// <see cref="WaldurApiException"/>. Idempotent (a full replacement).
    /// </remarks>
    public Task<MemberSyncStatusReportResult> SetMembershipSyncStatusesAsync(Guid resourceUuid, IReadOnlyList<MemberSyncStatusEntry> statuses, CancellationToken cancellationToken = default) =>
        WriteAsync(
            WaldurOperations.MarketplaceProviderResourcesSetMembershipSyncStatuses,
            resourceUuid,
            new MemberSyncStatusReportRequest { Statuses = statuses },
            Json.MemberSyncStatusReportRequest,
            Json.MemberSyncStatusReportResult,
            () => new MemberSyncStatusReportResult { Stored = statuses.Count, Skipped = [] },
            cancellationToken);
}
