using System.Globalization;
using System.Text.Json.Nodes;
using SiteAgent.Waldur.Emulator.Http;
using SiteAgent.Waldur.Emulator.Presenters;
using SiteAgent.Waldur.Emulator.State;

namespace SiteAgent.Waldur.Emulator.Routes;

/// <summary>/api/projects/: listing, creation, updates and team membership (used on a federation target).</summary>
internal static class ProjectRoutes
{
    public static void Map(ApiRouteTable routes)
    {
        routes.Get("/api/projects/", "projects_list", c => Paging.List(c, Filter(c, c.State.Projects), p => StructurePresenter.Project(c.Links, p)));
        routes.Post("/api/projects/", "projects_create", Create);
        routes.Patch("/api/projects/{uuid}/", "projects_partial_update", c =>
        {
            var project = c.Lookup(c.State.Projects);
            Apply(c, project, c.BodyObject());
            return ApiResult.Ok(StructurePresenter.Project(c.Links, project));
        });
        routes.Post("/api/projects/{uuid}/add_user/", "projects_add_user", AddUser);
        routes.Post("/api/projects/{uuid}/delete_user/", "projects_delete_user", DeleteUser);
        routes.Get("/api/projects/{uuid}/list_users/", "projects_list_users_list", c =>
        {
            var project = c.Lookup(c.State.Projects);
            var members = project.Members.Where(m =>
                Filters.Exact(c, "role", m.Role.Name) && Filters.Exact(c, "username", m.User.Username) &&
                Filters.Uuid(c, "user", m.User.Uuid) && Filters.Contains(c, "full_name", m.User.FullName));
            return Paging.List(c, members, StructurePresenter.UserRole);
        });
    }

    /// <summary>The projects filter set shared with <c>…/service-providers/{uuid}/projects/</c>.</summary>
    public static IEnumerable<Project> Filter(ApiContext c, IEnumerable<Project> projects) => projects.Where(p =>
        Filters.Exact(c, "slug", p.Slug) &&
        Filters.Contains(c, "name", p.Name) &&
        Filters.Exact(c, "name_exact", p.Name) &&
        Filters.Exact(c, "backend_id", p.BackendId) &&
        Filters.Contains(c, "description", p.Description) &&
        Filters.Contains(c, "customer_name", p.Customer.Name) &&
        Filters.Uuid(c, "customer", p.Customer.Uuid) &&
        (c.Query("query") is not { } q || p.Name.Contains(q, StringComparison.OrdinalIgnoreCase) || p.Uuid == Entity.NormalizeUuid(q) || p.Slug == q));

    private static ApiResult Create(ApiContext c)
    {
        var body = c.BodyObject();
        var customer = c.State.Customers.Find(EmulatorState.LastSegment(RequestBody.Required(body, "customer")))
            ?? throw ApiError.Field("customer", "Invalid hyperlink - Object does not exist.");
        var name = RequestBody.Required(body, "name");
        var project = c.State.Add(c.State.Projects, new Project
        {
            Name = name,
            Slug = RequestBody.Text(body, "slug") ?? EmulatorState.Slugify(name, c.State.Projects.Select(p => p.Slug)),
            Customer = customer,
        });
        Apply(c, project, body);
        return ApiResult.Created(StructurePresenter.Project(c.Links, project));
    }

    private static void Apply(ApiContext c, Project project, JsonObject body)
    {
        project.Name = RequestBody.Text(body, "name") ?? project.Name;
        project.Description = RequestBody.Text(body, "description") ?? project.Description;
        project.BackendId = RequestBody.Text(body, "backend_id") ?? project.BackendId;
        project.Kind = RequestBody.Text(body, "kind") ?? project.Kind;
        project.StaffNotes = RequestBody.Text(body, "staff_notes") ?? project.StaffNotes;
        project.IsIndustry = RequestBody.Flag(body, "is_industry") ?? project.IsIndustry;
        if (body.ContainsKey("oecd_fos_2007_code")) project.OecdFos2007Code = RequestBody.Text(body, "oecd_fos_2007_code");
        if (body.ContainsKey("start_date")) project.StartDate = Date(body, "start_date");
        if (body.ContainsKey("end_date"))
        {
            project.EndDate = Date(body, "end_date");
            project.EndDateUpdatedAt = c.State.Now;
        }
        if (body.ContainsKey("grace_period_days")) project.GracePeriodDays = (int?)RequestBody.Number(body, "grace_period_days");
        if (RequestBody.Text(body, "science_sub_domain") is { } domain)
            project.ScienceSubDomain = c.State.ScienceSubDomains.Find(domain) ?? throw ApiError.Field("science_sub_domain", "Object does not exist.");
        c.State.Touch(project);
    }

    private static DateOnly? Date(JsonObject body, string name) =>
        RequestBody.Text(body, name) is { } text ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

    private static ApiResult AddUser(ApiContext c)
    {
        var project = c.Lookup(c.State.Projects);
        var (user, role) = UserAndRole(c);
        if (project.Members.Any(m => m.User == user && m.Role == role))
            throw ApiError.Detail(400, "User already has role within this scope.");
        var member = c.State.Stamp(new ProjectMember
        {
            User = user,
            Role = role,
            ExpirationTime = RequestBody.Time(c.BodyObject(), "expiration_time"),
            CreatedBy = c.User,
        });
        project.Members.Add(member);
        return ApiResult.Created(new JsonObject { ["expiration_time"] = Formats.Iso(member.ExpirationTime) });
    }

    private static ApiResult DeleteUser(ApiContext c)
    {
        var project = c.Lookup(c.State.Projects);
        var (user, role) = UserAndRole(c);
        var removed = project.Members.RemoveAll(m => m.User == user && m.Role == role);
        if (removed == 0) throw ApiError.Detail(400, "User does not have role within this scope.");
        return ApiResult.Empty();
    }

    private static (User User, Role Role) UserAndRole(ApiContext c)
    {
        var body = c.BodyObject();
        var user = c.State.Users.Find(RequestBody.Required(body, "user")) ?? throw ApiError.Field("user", "User does not exist.");
        var role = c.State.FindRole(RequestBody.Required(body, "role")) ?? throw ApiError.Field("role", "Role does not exist.");
        return (user, role);
    }
}
