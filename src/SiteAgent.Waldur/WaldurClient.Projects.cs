using SiteAgent.Waldur.Models;
using SiteAgent.Waldur.Operations;
using SiteAgent.Waldur.Queries;

namespace SiteAgent.Waldur;

// Projects and their members (federation target, and project look-up for importable resources).
public sealed partial class WaldurClient
{
    /// <summary>Lists projects (<c>projects_list</c>); the agent filters by slug.</summary>
    public WaldurPages<Project> ListProjects(ProjectListQuery? query = null) =>
        Pages(WaldurOperations.ProjectsList, null, q => query?.AppendTo(q), Json.ListProject);

    /// <summary>Creates a project (<c>projects_create</c>, 201).</summary>
    /// <remarks>Guarded: a repeat creates a second project; look it up by backend id or name first. Dry-run answers a project without uuid.</remarks>
    public Task<Project> CreateProjectAsync(ProjectCreateRequest request, CancellationToken cancellationToken = default) =>
        WriteAsync(
            WaldurOperations.ProjectsCreate,
            null,
            request,
            Json.ProjectCreateRequest,
            Json.Project,
            () => new Project { Name = request.Name, Customer = request.Customer, BackendId = request.BackendId },
            cancellationToken);

    /// <summary>Changes fields of a project; null fields are not sent (<c>projects_partial_update</c>).</summary>
    /// <remarks>Idempotent.</remarks>
    public Task<Project> UpdateProjectAsync(Guid projectUuid, PatchedProjectRequest patch, CancellationToken cancellationToken = default) =>
        WriteAsync(
            WaldurOperations.ProjectsPartialUpdate,
            projectUuid,
            patch,
            Json.PatchedProjectRequest,
            Json.Project,
            () => new Project { Uuid = projectUuid, Name = patch.Name, EndDate = patch.EndDate },
            cancellationToken);

    /// <summary>Sets or clears (null is sent) a project's end date (<c>projects_partial_update</c>).</summary>
    /// <remarks>Idempotent.</remarks>
    public Task<Project> SetProjectEndDateAsync(Guid projectUuid, DateOnly? endDate, CancellationToken cancellationToken = default) =>
        WriteAsync(
            WaldurOperations.ProjectsPartialUpdate,
            projectUuid,
            new ProjectEndDatePatch { EndDate = endDate },
            Json.ProjectEndDatePatch,
            Json.Project,
            () => new Project { Uuid = projectUuid, EndDate = endDate },
            cancellationToken);

    /// <summary>Grants a user a project role (<c>projects_add_user</c>, 201).</summary>
    /// <remarks>Guarded: Waldur answers 400 when the user already has the role; list the project's users first.</remarks>
    public Task<UserRoleExpirationTime> AddProjectUserAsync(Guid projectUuid, UserRoleRequest role, CancellationToken cancellationToken = default) =>
        WriteAsync(
            WaldurOperations.ProjectsAddUser,
            projectUuid,
            role,
            Json.UserRoleRequest,
            Json.UserRoleExpirationTime,
            () => new UserRoleExpirationTime { ExpirationTime = role.ExpirationTime },
            cancellationToken);

    /// <summary>Revokes a user's project role (<c>projects_delete_user</c>).</summary>
    /// <remarks>Guarded: a repeat answers 400 (no such role).</remarks>
    public Task DeleteProjectUserAsync(Guid projectUuid, UserRoleRequest role, CancellationToken cancellationToken = default) =>
        WriteAsync(WaldurOperations.ProjectsDeleteUser, projectUuid, role, Json.UserRoleRequest, cancellationToken);

    /// <summary>Lists a project's users and roles (<c>projects_list_users_list</c>).</summary>
    public WaldurPages<UserRoleDetails> ListProjectUsers(Guid projectUuid, ProjectUserListQuery? query = null) =>
        Pages(WaldurOperations.ProjectsListUsersList, projectUuid, q => query?.AppendTo(q), Json.ListUserRoleDetails);
}
