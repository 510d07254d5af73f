using System.Text.Json.Nodes;
using SiteAgent.Waldur.Emulator.Http;
using SiteAgent.Waldur.Emulator.Presenters;
using SiteAgent.Waldur.Emulator.State;

namespace SiteAgent.Waldur.Emulator.Routes;

/// <summary>Users, roles, science sub-domains, service providers, eduTEAMS lookup and the version.</summary>
internal static class DirectoryRoutes
{
    public static void Map(ApiRouteTable routes)
    {
        routes.Get("/api/version/", "version_retrieve", c => ApiResult.Ok(new JsonObject { ["version"] = c.State.Version, ["latest_version"] = c.State.Version }));
        routes.Get("/api/users/me/", "users_me_retrieve", c => ApiResult.Ok(StructurePresenter.Me(c.Links, c.State, c.User)));
        routes.Get("/api/users/", "users_list", c => Paging.List(c, c.State.Users.Where(u =>
                Filters.Exact(c, "username", u.Username) &&
                (c.QueryAll("username_list") is not { Count: > 0 } names || names.Contains(u.Username)) &&
                Filters.Contains(c, "email", u.Email) &&
                Filters.Contains(c, "full_name", u.FullName) &&
                Filters.Exact(c, "civil_number", u.CivilNumber) &&
                Filters.Contains(c, "organization", u.Organization) &&
                Filters.Bool(c, "is_active", u.IsActive) &&
                Filters.Bool(c, "is_staff", u.IsStaff) &&
                (c.QueryUuid("project_uuid") is not { } project || c.State.Projects.Find(project)?.Members.Any(m => m.User == u) == true) &&
                (c.Query("query") is not { } q || u.Username.Contains(q, StringComparison.OrdinalIgnoreCase) || u.FullName.Contains(q, StringComparison.OrdinalIgnoreCase)
                    || u.Email.Contains(q, StringComparison.OrdinalIgnoreCase))),
            u => StructurePresenter.User(c.Links, u)));
        routes.Get("/api/roles/", "roles_list", c => Paging.List(c,
            c.State.Roles.Where(r => Filters.Exact(c, "name", r.Name) && Filters.Bool(c, "is_active", r.IsActive) && Filters.Contains(c, "description", r.Description)),
            r => StructurePresenter.Role(c.State, r)));
        routes.Get("/api/science-sub-domains/", "science_sub_domains_list", c => Paging.List(c,
            c.State.ScienceSubDomains.Where(d => Filters.Contains(c, "name", d.Name) && Filters.Exact(c, "name_exact", d.Name)
                && Filters.Contains(c, "domain_name", d.DomainName) && Filters.Uuid(c, "domain_uuid", d.DomainUuid)),
            d => StructurePresenter.ScienceSubDomain(c.Links, d, c.State.Projects.Count(p => p.ScienceSubDomain == d))));
        routes.Post("/api/remote-eduteams/", "remote_eduteams", RemoteEduteams);
        routes.Get("/api/marketplace-service-providers/", "marketplace_service_providers_list", c => Paging.List(c,
            c.State.ServiceProviders.Where(p => Filters.Uuid(c, "customer_uuid", p.Customer.Uuid)
                && (c.Query("customer") is not { } customer || EmulatorState.LastSegment(customer) == p.Customer.Uuid)
                && Filters.Contains(c, "customer_keyword", p.Customer.Name)),
            p => StructurePresenter.ServiceProvider(c.Links, p, c.State.Offerings.Count(o => o.Customer == p.Customer))));
        routes.Get("/api/marketplace-service-providers/{service_provider_uuid}/keys/", "marketplace_service_providers_keys_list", c =>
        {
            var provider = c.Lookup(c.State.ServiceProviders, "service_provider_uuid");
            return Paging.List(c, provider.Keys.Where(k => Filters.Contains(c, "name", k.Name) && Filters.Uuid(c, "user_uuid", k.UserUuid)),
                k => StructurePresenter.SshKey(c.Links, k));
        });
        routes.Get("/api/marketplace-service-providers/{service_provider_uuid}/projects/", "marketplace_service_providers_projects_list", c =>
        {
            var provider = c.Lookup(c.State.ServiceProviders, "service_provider_uuid");
            var projects = c.State.Resources.Where(r => r.Offering.Customer == provider.Customer).Select(r => r.Project).Distinct();
            return Paging.List(c, ProjectRoutes.Filter(c, projects), p => StructurePresenter.Project(c.Links, p));
        });
    }

    /// <summary>Resolves a community user id to a local user, creating one on first sight as Waldur's eduTEAMS sync does.</summary>
    private static ApiResult RemoteEduteams(ApiContext c)
    {
        var cuid = RequestBody.Required(c.BodyObject(), "cuid");
        var user = c.State.FindUser(cuid) ?? c.State.Add(c.State.Users, new User { Username = cuid, IdentitySource = "eduteams" });
        return ApiResult.Ok(new JsonObject { ["uuid"] = user.Uuid });
    }
}
