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

            await Assert.That(result.Created).IsTrue();
            await Assert.That(result.UpdatedFields!).IsEquivalentTo(["first_name", "email", "affiliations"], CollectionOrdering.Matching);
            var user = w.Read(s => s.FindUser("dave@example.org")!);
            await Assert.That((user.Uuid, user.FirstName)).IsEqualTo((result.Uuid.Hex(), "Dave"));
        }),
        new("identity_bridge_allowed_fields_retrieve", async w =>
        {
            var allowed = await w.Client.GetIdentityBridgeAllowedFieldsAsync(Ct);

            await Assert.That(allowed.AllowedFields!).Contains("email");
            await Assert.That(allowed.AllowedFields!).Contains("eduperson_assurance");
        }),
        new("identity_bridge_remove", async w =>
        {
            w.Arrange(s => s.Add(s.BridgedIdentities, new State.BridgedIdentity { Username = "alice@example.org", Source = "isd-1" }));

            var result = await w.Client.RemoveIdentityBridgeUserAsync(new IdentityBridgeRemoveRequest("alice@example.org", "isd-1"), Ct);

            await Assert.That((result.Deactivated, result.Uuid)).IsEqualTo((true, (Guid?)Ids.Alice));
            await Assert.That(w.Read(s => s.Users.At(Ids.Alice).IsActive)).IsFalse();
        }),
        new("remote_eduteams", async w =>
        {
            var known = await w.Client.ResolveRemoteEduteamsUserAsync("alice@example.org", Ct);
            var created = await w.Client.ResolveRemoteEduteamsUserAsync("erin@eduteams.org", Ct);

            await Assert.That(known.Uuid).IsEqualTo(Ids.Alice);
            await Assert.That(w.Read(s => s.Users.At(created.Uuid).Username)).IsEqualTo("erin@eduteams.org");
        }),
        new("roles_list", async w =>
        {
            var roles = await w.Client.ListRoles(new RoleListQuery { Name = "PROJECT.ADMIN", Fields = ["uuid", "name", "is_active"] }).ToListAsync(Ct);

            var role = await Assert.That(roles).HasSingleItem();
            await Assert.That((role.Name, role.IsActive)).IsEqualTo(("PROJECT.ADMIN", true));
            await Assert.That(role.Uuid).IsNotEqualTo(Guid.Empty);
        }),
        new("science_sub_domains_list", async w =>
        {
            var domains = await w.Client.ListScienceSubDomains(new ScienceSubDomainListQuery { Name = "Physical" }).ToListAsync(Ct);

            var domain = await Assert.That(domains).HasSingleItem();
            await Assert.That((domain.Uuid, domain.Code, domain.DomainName)).IsEqualTo((Ids.SubDomain, "1.3", "Natural sciences"));
        }),
    ];
}
