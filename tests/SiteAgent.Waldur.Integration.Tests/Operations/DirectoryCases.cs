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

            await Assert.That(((await Assert.That(projects).HasSingleItem()).Uuid, projects[0].Name)).IsEqualTo((Ids.Project, "Climate modelling"));
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

            await Assert.That((project.Name, project.BackendId, project.EndDate)).IsEqualTo(("Federated climate", "src-123", new DateOnly(2027, 12, 31)));
            await Assert.That(project.CustomerUuid).IsEqualTo(Ids.ConsumerCustomer);
            await Assert.That(w.Read(s => s.Projects.At(project.Uuid!.Value).BackendId)).IsEqualTo("src-123");
        }),
        new("projects_partial_update", async w =>
        {
            var updated = await w.Client.UpdateProjectAsync(Ids.Project, new PatchedProjectRequest { Description = "Regional runs", OecdFos2007Code = "1.5" }, Ct);
            var ended = await w.Client.SetProjectEndDateAsync(Ids.Project, new DateOnly(2027, 6, 30), Ct);
            var cleared = await w.Client.SetProjectEndDateAsync(Ids.Project, null, Ct);

            await Assert.That((updated.Description, updated.OecdFos2007Code)).IsEqualTo(("Regional runs", "1.5"));
            await Assert.That(ended.EndDate).IsEqualTo(new DateOnly(2027, 6, 30));
            await Assert.That(cleared.EndDate).IsNull();
            await Assert.That(w.Read(s => s.Projects.At(Ids.Project).EndDate)).IsNull();
        }),
        new("projects_add_user", async w =>
        {
            var expires = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);

            var answer = await w.Client.AddProjectUserAsync(Ids.Project, new UserRoleRequest { Role = "PROJECT.MEMBER", User = Ids.Carol, ExpirationTime = expires }, Ct);

            await Assert.That(answer.ExpirationTime).IsEqualTo(expires);
            await Assert.That(w.Read(s => s.Projects.At(Ids.Project).Members.ToList())).Contains(m => m.User.Uuid == Ids.Carol.Hex() && m.Role.Name == "PROJECT.MEMBER");
        }),
        new("projects_delete_user", async w =>
        {
            await w.Client.DeleteProjectUserAsync(Ids.Project, new UserRoleRequest { Role = "PROJECT.MEMBER", User = Ids.Bob }, Ct);

            await Assert.That((await Assert.That(w.Read(s => s.Projects.At(Ids.Project).Members.ToList())).HasSingleItem()).User.Uuid).IsEqualTo(Ids.Alice.Hex());
        }),
        new("projects_list_users_list", async w =>
        {
            var users = await w.Client.ListProjectUsers(Ids.Project, new ProjectUserListQuery { Fields = ["user_uuid", "user_username", "role_name"] }).ToListAsync(Ct);

            await Assert.That(users.Select(u => (u.RoleName!, u.UserUsername!)).Order()).IsEquivalentTo([("PROJECT.ADMIN", "alice@example.org"), ("PROJECT.MEMBER", "bob@example.org")], CollectionOrdering.Matching);
        }),
        new("users_list", async w =>
        {
            var users = await w.Client.ListUsers(new UserListQuery { Username = "alice@example.org", Fields = ["uuid", "username", "email"] }).ToListAsync(Ct);

            await Assert.That(((await Assert.That(users).HasSingleItem()).Uuid, users[0].Email)).IsEqualTo((Ids.Alice, "alice@example.org"));
        }),
        new("users_me_retrieve", async w =>
        {
            var me = await w.Client.GetCurrentUserAsync(cancellationToken: Ct);

            await Assert.That((me.Uuid, me.Username, me.IsStaff)).IsEqualTo((Ids.SiteAgent, "site-agent", true));
        }),
        new("version_retrieve", async w =>
        {
            var version = await w.Client.GetVersionAsync(Ct);

            await Assert.That(version.Version).IsEqualTo("8.0.9");
        }),
        new("marketplace_service_providers_list", async w =>
        {
            var providers = await w.Client.ListServiceProviders(new ServiceProviderListQuery { CustomerUuid = Ids.ProviderCustomer }).ToListAsync(Ct);

            var provider = await Assert.That(providers).HasSingleItem();
            await Assert.That((provider.CustomerUuid, provider.CustomerName)).IsEqualTo((Ids.ProviderCustomer, "Rocket HPC Centre"));
            await Assert.That(ServiceProvider(w)).IsEqualTo(provider.Uuid.Hex());
        }),
        new("marketplace_service_providers_keys_list", async w =>
        {
            var keys = await w.Client.ListServiceProviderKeys(Guid.Parse(ServiceProvider(w))).ToListAsync(Ct);

            var key = await Assert.That(keys).HasSingleItem();
            await Assert.That(key.Name).IsEqualTo("rocket-admin");
            await Assert.That(key.PublicKey).StartsWith("ssh-ed25519 AAAAC3Nza");
        }),
        new("marketplace_service_providers_projects_list", async w =>
        {
            var projects = await w.Client.ListServiceProviderProjects(
                Guid.Parse(ServiceProvider(w)),
                new ProjectListQuery { Query = Ids.Project.Hex(), Fields = ["uuid", "oecd_fos_2007_code", "is_industry", "end_date_updated_at"] }).ToListAsync(Ct);

            await Assert.That(((await Assert.That(projects).HasSingleItem()).Uuid, projects[0].IsIndustry)).IsEqualTo((Ids.Project, false));
        }),
    ];

    private static string ServiceProvider(EmulatedWaldur w) =>
        w.Read(s => s.ServiceProviders.Single(p => p.Customer.Uuid == Ids.ProviderCustomer.Hex()).Uuid);
}
