using SiteAgent.Waldur.Http;
using SiteAgent.Waldur.Models;
using SiteAgent.Waldur.Operations;
using SiteAgent.Waldur.Queries;

namespace SiteAgent.Waldur;

// Consumer-side resources: what the federation backend uses on the target Waldur.
public sealed partial class WaldurClient
{
    /// <summary>Lists resources visible to the caller (<c>marketplace_resources_list</c>); enumerate for all pages.</summary>
    public WaldurPages<Resource> ListResources(ResourceListQuery? query = null) =>
        Pages(WaldurOperations.MarketplaceResourcesList, null, q => query?.AppendTo(q), Json.ListResource);

    /// <summary>Reads one resource (<c>marketplace_resources_retrieve</c>); uuid is always included in a field selection.</summary>
    public Task<Resource> GetResourceAsync(Guid resourceUuid, IReadOnlyList<string>? fields = null, CancellationToken cancellationToken = default) =>
        GetAsync(
            WaldurOperations.MarketplaceResourcesRetrieve,
            resourceUuid,
            new QueryBuilder().AddEach("field", FieldSelection.Including(fields, "uuid")),
            Json.Resource,
            cancellationToken);

    /// <summary>Lists the project team of a resource (<c>marketplace_resources_team_list</c>; not paged).</summary>
    public Task<IReadOnlyList<ProjectUser>> ListResourceTeamAsync(Guid resourceUuid, bool? hasConsent = null, CancellationToken cancellationToken = default) =>
        GetListAsync(WaldurOperations.MarketplaceResourcesTeamList, resourceUuid, new QueryBuilder().Add("has_consent", hasConsent), Json.ListProjectUser, cancellationToken);

    /// <summary>Sets or clears (null) the end date of a resource (<c>marketplace_resources_set_end_date</c>).</summary>
    /// <remarks>Idempotent.</remarks>
    public Task SetResourceEndDateAsync(Guid resourceUuid, DateOnly? endDate, CancellationToken cancellationToken = default) =>
        WriteAsync(
            WaldurOperations.MarketplaceResourcesSetEndDate,
            resourceUuid,
            new ResourceEndDateRequest { EndDate = endDate },
            Json.ResourceEndDateRequest,
            cancellationToken);

    /// <summary>Requests termination: creates a Terminate order (<c>marketplace_resources_terminate</c>).</summary>
    /// <remarks>Guarded: a repeat fails or creates a second order; look for an order in progress first. Dry-run answers an empty order uuid.</remarks>
    public Task<OrderUuidResponse> TerminateResourceAsync(Guid resourceUuid, ResourceTerminateRequest? request = null, CancellationToken cancellationToken = default) =>
        WriteAsync(
            WaldurOperations.MarketplaceResourcesTerminate,
            resourceUuid,
            request ?? new ResourceTerminateRequest(),
            Json.ResourceTerminateRequest,
            Json.OrderUuidResponse,
            () => new OrderUuidResponse { OrderUuid = Guid.Empty },
            cancellationToken);

    /// <summary>Requests new limits: creates an Update order (<c>marketplace_resources_update_limits</c>).</summary>
    /// <remarks>Guarded: a repeat fails or creates a second order; look for an order in progress first. Dry-run answers an empty order uuid.</remarks>
    public Task<OrderUuidResponse> UpdateResourceLimitsAsync(Guid resourceUuid, ResourceUpdateLimitsRequest request, CancellationToken cancellationToken = default) =>
        WriteAsync(
            WaldurOperations.MarketplaceResourcesUpdateLimits,
            resourceUuid,
            request,
            Json.ResourceUpdateLimitsRequest,
            Json.OrderUuidResponse,
            () => new OrderUuidResponse { OrderUuid = Guid.Empty },
            cancellationToken);
}
