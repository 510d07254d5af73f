using SiteAgent.Waldur.Integration.Tests.Infrastructure;
using SiteAgent.Waldur.Models;
using SiteAgent.Waldur.Queries;
using static SiteAgent.Waldur.Integration.Tests.Infrastructure.EmulatedWaldur;

namespace SiteAgent.Waldur.Integration.Tests.Operations;

/// <summary>Projects and their members, users, service providers, the current user and the version.</summary>
internal static class DirectoryCases
{
    public static IEnumerable<ClientCase> All() =>
    [
        new("projects_list", async w =>
        {
            var projects = await w.Client.ListProjects(new ProjectListQuery { Slug = "climate", Fields = ["uuid", "name"] }).ToListAsync(Ct);

            Assert.Equal((Ids.Project, "Climate modelling"), (Assert.Single(projects).Uuid, projects[0].Name));
        }),
        new("projects_create", async w =>
        {
            var project = await w.Client.CreateProjectAsync(
                new ProjectCreateRequest
                {
                    Name = "Federated climate", Customer = $"{w.ApiUrl}customers/{Ids.ConsumerCustomer.Hex()}/", Description = "from source Waldur",
                    EndDate = new DateOnly(2027, 12, 31), OecdFos2007Code = "1.3", IsIndustry = false, BackendId = "src-123",
                },
                Ct);

            Assert.Equal(("Federated climate", "src-123", new DateOnly(2027, 12, 31)), (project.Name, project.BackendId, project.EndDate));
            Assert.Equal(Ids.ConsumerCustomer, project.CustomerUuid);
            Assert.Equal("src-123", w.Read(s => s.Projects.At(project.Uuid!.Value).BackendId));
        }),
        new("projects_partial_update", async w =>
        {
            var updated = await w.Client.UpdateProjectAsync(Ids.Project, new PatchedProjectRequest { Description = "Regional runs", OecdFos2007Code = "1.5" }, Ct);
            var ended = await w.Client.SetProjectEndDateAsync(Ids.Project, new DateOnly(2027, 6, 30), Ct);
            var cleared = await w.Client.SetProjectEndDateAsync(Ids.Project, null, Ct);

            Assert.Equal(("Regional runs", "1.5"), (updated.Description, updated.OecdFos2007Code));
            Assert.Equal(new DateOnly(2027, 6, 30), ended.EndDate);
            Assert.Null(cleared.EndDate);
            Assert.Null(w.Read(s => s.Projects.At(Ids.Project).EndDate));
        }),
        new("projects_add_user", async w =>
        {
            var expires = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);

            var answer = await w.Client.AddProjectUserAsync(Ids.Project, new UserRoleRequest { Role = "PROJECT.MEMBER", User = Ids.Carol, ExpirationTime = expires }, Ct);

            Assert.Equal(expires, answer.ExpirationTime);
            Assert.Contains(w.Read(s => s.Projects.At(Ids.Project).Members.ToList()), m => m.User.Uuid == Ids.Carol.Hex() && m.Role.Name == "PROJECT.MEMBER");
        }),
        new("projects_delete_user", async w =>
        {
            await w.Client.DeleteProjectUserAsync(Ids.Project, new UserRoleRequest { Role = "PROJECT.MEMBER", User = Ids.Bob }, Ct);

            Assert.Equal(Ids.Alice.Hex(), w.Read(s => Assert.Single(s.Projects.At(Ids.Project).Members).User.Uuid));
        }),
        new("projects_list_users_list", async w =>
        {
            var users = await w.Client.ListProjectUsers(Ids.Project, new ProjectUserListQuery { Fields = ["user_uuid", "user_username", "role_name"] }).ToListAsync(Ct);

            Assert.Equal([("PROJECT.ADMIN", "alice@example.org"), ("PROJECT.MEMBER", "bob@example.org")], users.Select(u => (u.RoleName!, u.UserUsername!)).Order());
        }),
        new("users_list", async w =>
        {
            var users = await w.Client.ListUsers(new UserListQuery { Username = "alice@example.org", Fields = ["uuid", "username", "email"] }).ToListAsync(Ct);

            Assert.Equal((Ids.Alice, "alice@example.org"), (Assert.Single(users).Uuid, users[0].Email));
        }),
        new("users_me_retrieve", async w =>
        {
            var me = await w.Client.GetCurrentUserAsync(cancellationToken: Ct);

            Assert.Equal((Ids.SiteAgent, "site-agent", true), (me.Uuid, me.Username, me.IsStaff));
        }),
        new("version_retrieve", async w =>
        {
            var version = await w.Client.GetVersionAsync(Ct);

            Assert.Equal("8.0.9", version.Version);
        }),
        new("marketplace_service_providers_list", async w =>
        {
            var providers = await w.Client.ListServiceProviders(new ServiceProviderListQuery { CustomerUuid = Ids.ProviderCustomer }).ToListAsync(Ct);

            var provider = Assert.Single(providers);
            Assert.Equal((Ids.ProviderCustomer, "Rocket HPC Centre"), (provider.CustomerUuid, provider.CustomerName));
            Assert.Equal(provider.Uuid.Hex(), ServiceProvider(w));
        }),
        new("marketplace_service_providers_keys_list", async w =>
        {
            var keys = await w.Client.ListServiceProviderKeys(Guid.Parse(ServiceProvider(w))).ToListAsync(Ct);

            var key = Assert.Single(keys);
            Assert.Equal("rocket-admin", key.Name);
            Assert.StartsWith("ssh-ed25519 AAAAC3Nza", key.PublicKey);
        }),
        new("marketplace_service_providers_projects_list", async w =>
        {
            var projects = await w.Client.ListServiceProviderProjects(
                Guid.Parse(ServiceProvider(w)),
                new ProjectListQuery { Query = Ids.Project.Hex(), Fields = ["uuid", "oecd_fos_2007_code", "is_industry", "end_date_updated_at"] }).ToListAsync(Ct);

            Assert.Equal((Ids.Project, false), (Assert.Single(projects).Uuid, projects[0].IsIndustry));
        }),
    ];

    private static string ServiceProvider(EmulatedWaldur w) =>
        w.Read(s => s.ServiceProviders.Single(p => p.Customer.Uuid == Ids.ProviderCustomer.Hex()).Uuid);
}
