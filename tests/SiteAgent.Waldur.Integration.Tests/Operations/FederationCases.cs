using SiteAgent.Waldur.Integration.Tests.Infrastructure;
using SiteAgent.Waldur.Models;
using SiteAgent.Waldur.Queries;
using static SiteAgent.Waldur.Integration.Tests.Infrastructure.EmulatedWaldur;
using State = SiteAgent.Waldur.Emulator.State;

namespace SiteAgent.Waldur.Integration.Tests.Operations;

/// <summary>User resolution on a federation target: identity bridge, eduTEAMS, roles and science sub-domains.</summary>
internal static class FederationCases
{
    public static IEnumerable<ClientCase> All() =>
    [
        new("identity_bridge", async w =>
        {
            var result = await w.Client.PushIdentityBridgeUserAsync(
                new IdentityBridgeRequest
                {
                    Username = "dave@example.org", Source = "isd-1", FirstName = "Dave", Email = "dave@example.org", Affiliations = ["member"],
                },
                Ct);

            Assert.True(result.Created);
            Assert.Equal(["first_name", "email", "affiliations"], result.UpdatedFields!);
            var user = w.Read(s => s.FindUser("dave@example.org")!);
            Assert.Equal((result.Uuid.Hex(), "Dave"), (user.Uuid, user.FirstName));
        }),
        new("identity_bridge_allowed_fields_retrieve", async w =>
        {
            var allowed = await w.Client.GetIdentityBridgeAllowedFieldsAsync(Ct);

            Assert.Contains("email", allowed.AllowedFields!);
            Assert.Contains("eduperson_assurance", allowed.AllowedFields!);
        }),
        new("identity_bridge_remove", async w =>
        {
            w.Arrange(s => s.Add(s.BridgedIdentities, new State.BridgedIdentity { Username = "alice@example.org", Source = "isd-1" }));

            var result = await w.Client.RemoveIdentityBridgeUserAsync(new IdentityBridgeRemoveRequest("alice@example.org", "isd-1"), Ct);

            Assert.Equal((true, (Guid?)Ids.Alice), (result.Deactivated, result.Uuid));
            Assert.False(w.Read(s => s.Users.At(Ids.Alice).IsActive));
        }),
        new("remote_eduteams", async w =>
        {
            var known = await w.Client.ResolveRemoteEduteamsUserAsync("alice@example.org", Ct);
            var created = await w.Client.ResolveRemoteEduteamsUserAsync("erin@eduteams.org", Ct);

            Assert.Equal(Ids.Alice, known.Uuid);
            Assert.Equal("erin@eduteams.org", w.Read(s => s.Users.At(created.Uuid).Username));
        }),
        new("roles_list", async w =>
        {
            var roles = await w.Client.ListRoles(new RoleListQuery { Name = "PROJECT.ADMIN", Fields = ["uuid", "name", "is_active"] }).ToListAsync(Ct);

            var role = Assert.Single(roles);
            Assert.Equal(("PROJECT.ADMIN", true), (role.Name, role.IsActive));
            Assert.NotEqual(Guid.Empty, role.Uuid);
        }),
        new("science_sub_domains_list", async w =>
        {
            var domains = await w.Client.ListScienceSubDomains(new ScienceSubDomainListQuery { Name = "Physical" }).ToListAsync(Ct);

            var domain = Assert.Single(domains);
            Assert.Equal((Ids.SubDomain, "1.3", "Natural sciences"), (domain.Uuid, domain.Code, domain.DomainName));
        }),
    ];
}
