using SiteAgent.Waldur.Http;
using SiteAgent.Waldur.Models;
using SiteAgent.Waldur.Operations;
using SiteAgent.Waldur.Queries;

namespace SiteAgent.Waldur;

// The agent's own registration (identity, services, processors), log shipping, the current user
// and Waldur's version.
public sealed partial class WaldurClient
{
    /// <summary>Lists agent identities (<c>marketplace_site_agent_identities_list</c>); the agent filters by name.</summary>
    public WaldurPages<AgentIdentity> ListAgentIdentities(AgentIdentityListQuery? query = null) =>
        Pages(WaldurOperations.MarketplaceSiteAgentIdentitiesList, null, q => query?.AppendTo(q), Json.ListAgentIdentity);

    /// <summary>Registers the agent's identity (<c>marketplace_site_agent_identities_create</c>, 201).</summary>
    /// <remarks>Guarded: a repeat creates a second identity; list by name before repeating. Dry-run answers an empty uuid.</remarks>
    public Task<AgentIdentity> CreateAgentIdentityAsync(AgentIdentityRequest request, CancellationToken cancellationToken = default) =>
        WriteAsync(
            WaldurOperations.MarketplaceSiteAgentIdentitiesCreate,
            null,
            request,
            Json.AgentIdentityRequest,
            Json.AgentIdentity,
            () => new AgentIdentity { Uuid = Guid.Empty, Name = request.Name, Offering = request.Offering, Version = request.Version },
            cancellationToken);

    /// <summary>Updates the agent's identity (<c>marketplace_site_agent_identities_update</c>, PUT).</summary>
    /// <remarks>Idempotent.</remarks>
    public Task<AgentIdentity> UpdateAgentIdentityAsync(Guid identityUuid, AgentIdentityRequest request, CancellationToken cancellationToken = default) =>
        WriteAsync(
            WaldurOperations.MarketplaceSiteAgentIdentitiesUpdate,
            identityUuid,
            request,
            Json.AgentIdentityRequest,
            Json.AgentIdentity,
            () => new AgentIdentity { Uuid = identityUuid, Name = request.Name, Offering = request.Offering, Version = request.Version },
            cancellationToken);

    /// <summary>Registers (or finds) a service of the identity (<c>marketplace_site_agent_identities_register_service</c>, 200 or 201).</summary>
    /// <remarks>Idempotent: an existing service of that name is returned.</remarks>
    public Task<AgentService> RegisterAgentServiceAsync(Guid identityUuid, AgentServiceCreateRequest request, CancellationToken cancellationToken = default) =>
        WriteAsync(
            WaldurOperations.MarketplaceSiteAgentIdentitiesRegisterService,
            identityUuid,
            request,
            Json.AgentServiceCreateRequest,
            Json.AgentService,
            () => new AgentService { Uuid = Guid.Empty, Name = request.Name, Mode = request.Mode },
            cancellationToken);

    /// <summary>Registers (or finds) a processor of a service (<c>marketplace_site_agent_services_register_processor</c>, 200 or 201).</summary>
    /// <remarks>Idempotent: an existing processor of that name is returned.</remarks>
    public Task<AgentProcessor> RegisterAgentProcessorAsync(Guid serviceUuid, AgentProcessorCreateRequest request, CancellationToken cancellationToken = default) =>
        WriteAsync(
            WaldurOperations.MarketplaceSiteAgentServicesRegisterProcessor,
            serviceUuid,
            request,
            Json.AgentProcessorCreateRequest,
            Json.AgentProcessor,
            () => new AgentProcessor { Uuid = Guid.Empty, Name = request.Name, BackendType = request.BackendType, BackendVersion = request.BackendVersion },
            cancellationToken);

    /// <summary>Ships log lines, at most 100 per call (<c>marketplace_site_agent_logs_create</c>; a JSON array, 201).</summary>
    /// <remarks>Guarded in the sense that a repeat duplicates lines; harmless, but log shipping should not retry blindly.</remarks>
    public Task<IReadOnlyList<SiteAgentLog>> CreateSiteAgentLogsAsync(IReadOnlyList<SiteAgentLogCreateRequest> entries, CancellationToken cancellationToken = default) =>
        WriteListAsync(entries, cancellationToken);

    /// <summary>Reads the authenticated user and their roles (<c>users_me_retrieve</c>); <paramref name="fields"/> trims the answer.</summary>
    public Task<UserMe> GetCurrentUserAsync(IReadOnlyList<string>? fields = null, CancellationToken cancellationToken = default) =>
        GetAsync(WaldurOperations.UsersMeRetrieve, null, new QueryBuilder().AddEach("field", fields), Json.UserMe, cancellationToken);

    /// <summary>Reads Waldur's version (<c>version_retrieve</c>).</summary>
    public Task<WaldurVersion> GetVersionAsync(CancellationToken cancellationToken = default) =>
        GetAsync(WaldurOperations.VersionRetrieve, null, null, Json.WaldurVersion, cancellationToken);

    private async Task<IReadOnlyList<SiteAgentLog>> WriteListAsync(IReadOnlyList<SiteAgentLogCreateRequest> entries, CancellationToken cancellationToken) =>
        await WriteAsync<IReadOnlyList<SiteAgentLogCreateRequest>, List<SiteAgentLog>>(
            WaldurOperations.MarketplaceSiteAgentLogsCreate,
            null,
            entries,
            Json.IReadOnlyListSiteAgentLogCreateRequest,
            Json.ListSiteAgentLog,
            () => [],
            cancellationToken).ConfigureAwait(false);
}
