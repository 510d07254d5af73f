using SiteAgent.Waldur.Models;
using SiteAgent.Waldur.Operations;
using SiteAgent.Waldur.Queries;

namespace SiteAgent.Waldur;

// Importable backend resources (event mode): Waldur asks for a list, the agent reports resources.
public sealed partial class WaldurClient
{
    /// <summary>Reads a backend resource request (<c>backend_resource_requests_retrieve</c>).</summary>
    public Task<BackendResourceRequestDetails> GetBackendResourceRequestAsync(Guid requestUuid, CancellationToken cancellationToken = default) =>
        GetAsync(WaldurOperations.BackendResourceRequestsRetrieve, requestUuid, null, Json.BackendResourceRequestDetails, cancellationToken);

    /// <summary>Marks a request as being processed (<c>backend_resource_requests_start_processing</c>); no body.</summary>
    /// <remarks>Guarded: a state transition; re-read the request before repeating.</remarks>
    public Task<StatusResponse> StartBackendResourceRequestAsync(Guid requestUuid, CancellationToken cancellationToken = default) =>
        WriteAsync(WaldurOperations.BackendResourceRequestsStartProcessing, requestUuid, Json.StatusResponse, DryRunStatus, cancellationToken);

    /// <summary>Marks a request done (<c>backend_resource_requests_set_done</c>); no body.</summary>
    /// <remarks>Guarded: a state transition.</remarks>
    public Task<StatusResponse> SetBackendResourceRequestDoneAsync(Guid requestUuid, CancellationToken cancellationToken = default) =>
        WriteAsync(WaldurOperations.BackendResourceRequestsSetDone, requestUuid, Json.StatusResponse, DryRunStatus, cancellationToken);

    /// <summary>Marks a request erred (<c>backend_resource_requests_set_erred</c>).</summary>
    /// <remarks>Guarded: a state transition.</remarks>
    public Task<StatusResponse> SetBackendResourceRequestErredAsync(Guid requestUuid, string errorMessage, string errorTraceback, CancellationToken cancellationToken = default) =>
        WriteAsync(
            WaldurOperations.BackendResourceRequestsSetErred,
            requestUuid,
            new ErrorDetailsRequest { ErrorMessage = errorMessage, ErrorTraceback = errorTraceback },
            Json.ErrorDetailsRequest,
            Json.StatusResponse,
            DryRunStatus,
            cancellationToken);

    /// <summary>Lists reported backend resources (<c>backend_resources_list</c>).</summary>
    public WaldurPages<BackendResource> ListBackendResources(BackendResourceListQuery? query = null) =>
        Pages(WaldurOperations.BackendResourcesList, null, q => query?.AppendTo(q), Json.ListBackendResource);

    /// <summary>Reports an importable backend resource (<c>backend_resources_create</c>, 201).</summary>
    /// <remarks>Guarded: a repeat duplicates it; list by backend id first. Dry-run answers an empty uuid.</remarks>
    public Task<BackendResource> CreateBackendResourceAsync(BackendResourceCreateRequest request, CancellationToken cancellationToken = default) =>
        WriteAsync(
            WaldurOperations.BackendResourcesCreate,
            null,
            request,
            Json.BackendResourceCreateRequest,
            Json.BackendResource,
            () => new BackendResource { Uuid = Guid.Empty, Name = request.Name, BackendId = request.BackendId },
            cancellationToken);
}
