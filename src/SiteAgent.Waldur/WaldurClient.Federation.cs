using SiteAgent.Waldur.Models;
using SiteAgent.Waldur.Operations;
using SiteAgent.Waldur.Queries;

namespace SiteAgent.Waldur;

// Calls the Waldur-to-Waldur federation backend makes on the target Waldur: user resolution
// (identity bridge, eduTEAMS, user search), roles and science sub-domains.
public sealed partial class WaldurClient
{
    /// <summary>Creates or updates a user from an identity source (<c>identity_bridge</c>).</summary>
    /// <remarks>Idempotent (an upsert). Dry-run answers an empty uuid.</remarks>
    public Task<IdentityBridgeResult> PushIdentityBridgeUserAsync(IdentityBridgeRequest request, CancellationToken cancellationToken = default) =>
        WriteAsync(
            WaldurOperations.IdentityBridge,
            null,
            request,
            Json.IdentityBridgeRequest,
            Json.IdentityBridgeResult,
            () => new IdentityBridgeResult { Uuid = Guid.Empty, Created = false, UpdatedFields = [] },
            cancellationToken);

    /// <summary>Reads the profile fields the identity bridge accepts (<c>identity_bridge_allowed_fields_retrieve</c>).</summary>
    public Task<IdentityBridgeAllowedFields> GetIdentityBridgeAllowedFieldsAsync(CancellationToken cancellationToken = default) =>
        GetAsync(WaldurOperations.IdentityBridgeAllowedFieldsRetrieve, null, null, Json.IdentityBridgeAllowedFields, cancellationToken);

    /// <summary>Removes a user from an identity source (<c>identity_bridge_remove</c>).</summary>
    /// <remarks>Idempotent in effect.</remarks>
    public Task<IdentityBridgeRemoveResult> RemoveIdentityBridgeUserAsync(IdentityBridgeRemoveRequest request, CancellationToken cancellationToken = default) =>
        WriteAsync(
            WaldurOperations.IdentityBridgeRemove,
            null,
            request,
            Json.IdentityBridgeRemoveRequest,
            Json.IdentityBridgeRemoveResult,
            () => new IdentityBridgeRemoveResult { Deactivated = false },
            cancellationToken);

    /// <summary>Resolves (creating if needed) a user by eduTEAMS CUID (<c>remote_eduteams</c>).</summary>
    /// <remarks>Idempotent. Dry-run answers an empty uuid.</remarks>
    public Task<RemoteEduteamsUuid> ResolveRemoteEduteamsUserAsync(string cuid, CancellationToken cancellationToken = default) =>
        WriteAsync(
            WaldurOperations.RemoteEduteams,
            null,
            new RemoteEduteamsRequest(cuid),
            Json.RemoteEduteamsRequest,
            Json.RemoteEduteamsUuid,
            () => new RemoteEduteamsUuid { Uuid = Guid.Empty },
            cancellationToken);

    /// <summary>Lists users (<c>users_list</c>); the federation backend filters by one matching field.</summary>
    public WaldurPages<User> ListUsers(UserListQuery? query = null) =>
        Pages(WaldurOperations.UsersList, null, q => query?.AppendTo(q), Json.ListUser);

    /// <summary>Lists roles (<c>roles_list</c>).</summary>
    public WaldurPages<RoleDetails> ListRoles(RoleListQuery? query = null) =>
        Pages(WaldurOperations.RolesList, null, q => query?.AppendTo(q), Json.ListRoleDetails);

    /// <summary>Lists science sub-domains (<c>science_sub_domains_list</c>).</summary>
    public WaldurPages<ScienceSubDomain> ListScienceSubDomains(ScienceSubDomainListQuery? query = null) =>
        Pages(WaldurOperations.ScienceSubDomainsList, null, q => query?.AppendTo(q), Json.ListScienceSubDomain);
}
