using SiteAgent.Waldur.Models;
using SiteAgent.Waldur.Operations;
using SiteAgent.Waldur.Queries;

namespace SiteAgent.Waldur;

// Resource API keys. All four operations are beyond the 8.0.9 schema (8.1.x API): an 8.0.9
// server answers 404, which callers treat as "feature not available" and log.
public sealed partial class WaldurClient
{
    /// <summary>Lists resource API keys (<c>marketplace_resource_api_keys_list</c>).</summary>
    /// <remarks>Beyond the 8.0.9 schema (8.1.x API).</remarks>
    public WaldurPages<ResourceApiKeyStatus> ListResourceApiKeys(ResourceApiKeyListQuery? query = null) =>
        Pages(WaldurOperations.MarketplaceResourceApiKeysList, null, q => query?.AppendTo(q), Json.ListResourceApiKeyStatus);

    /// <summary>Reports a key minted and applied at provisioning (<c>marketplace_resource_api_keys_report_created</c>).</summary>
    /// <remarks>Beyond the 8.0.9 schema (8.1.x API). Guarded: list the resource's keys before repeating. The key is masked in dry-run plans.</remarks>
    public Task<ResourceApiKeyStatus> ReportResourceApiKeyCreatedAsync(ResourceApiKeyReportCreatedRequest request, CancellationToken cancellationToken = default) =>
        WriteAsync(
            WaldurOperations.MarketplaceResourceApiKeysReportCreated,
            null,
            request,
            Json.ResourceApiKeyReportCreatedRequest,
            Json.ResourceApiKeyStatus,
            () => new ResourceApiKeyStatus { Uuid = Guid.Empty, ResourceUuid = request.Resource, ClientId = request.ClientId, State = ResourceApiKeyState.Ok },
            cancellationToken);

    /// <summary>Reports a rotated key value (<c>marketplace_resource_api_keys_set_key</c>).</summary>
    /// <remarks>Beyond the 8.0.9 schema (8.1.x API). Idempotent.</remarks>
    public Task<ResourceApiKeyStatus> SetResourceApiKeyAsync(Guid keyUuid, ResourceApiKeySetKeyRequest request, CancellationToken cancellationToken = default) =>
        WriteAsync(
            WaldurOperations.MarketplaceResourceApiKeysSetKey,
            keyUuid,
            request,
            Json.ResourceApiKeySetKeyRequest,
            Json.ResourceApiKeyStatus,
            () => new ResourceApiKeyStatus { Uuid = keyUuid, ClientId = request.ClientId, State = ResourceApiKeyState.Ok },
            cancellationToken);

    /// <summary>Marks a key rotation failed (<c>marketplace_resource_api_keys_set_erred</c>).</summary>
    /// <remarks>Beyond the 8.0.9 schema (8.1.x API). Idempotent.</remarks>
    public Task<ResourceApiKeyStatus> SetResourceApiKeyErredAsync(Guid keyUuid, string errorMessage, CancellationToken cancellationToken = default) =>
        WriteAsync(
            WaldurOperations.MarketplaceResourceApiKeysSetErred,
            keyUuid,
            new ResourceApiKeySetErredRequest(errorMessage),
            Json.ResourceApiKeySetErredRequest,
            Json.ResourceApiKeyStatus,
            () => new ResourceApiKeyStatus { Uuid = keyUuid, State = ResourceApiKeyState.Erred, ErrorMessage = errorMessage },
            cancellationToken);
}
