using SiteAgent.Waldur.Emulator.State;

namespace SiteAgent.Waldur.Emulator.Tests.Operations;

/// <summary>Projects, users, roles, service providers, identity bridge and version (federation target and start-up calls).</summary>
internal static class DirectoryCases
{
    public static IEnumerable<OperationCase> All() =>
    [
        new("projects_list", "GET", "/api/projects/?slug=climate&field=uuid", Check: async (b, _) => await Assert.That((await Assert.That(b!.AsArray()).HasSingleItem())!["uuid"]!.GetValue<string>()).IsEqualTo(Ids.Project)),
        new("projects_create", "POST", "/api/projects/",
            """{"name": "Federated climate", "customer": "{api}/customers/{C}/", "description": "from source Waldur", "end_date": "2027-12-31", "oecd_fos_2007_code": "1.3", "is_industry": false, "backend_id": "src-123"}""",
            201, Check: async (b, s) => await Assert.That(s.FindProject("Federated climate")!.BackendId).IsEqualTo("src-123")),
        new("projects_partial_update", "PATCH", "/api/projects/{P}/", """{"end_date": "2027-06-30", "oecd_fos_2007_code": ""}""",
            Check: async (b, _) => await Assert.That(b!["end_date"]!.GetValue<string>()).IsEqualTo("2027-06-30")),
        new("projects_add_user", "POST", "/api/projects/{P}/add_user/", $$"""{"role": "PROJECT.MEMBER", "user": "{{Ids.Carol}}", "expiration_time": null}""", 201,
            Check: async (_, s) => await Assert.That(s.Projects.Find(Ids.Project)!.Members.Count).IsEqualTo(3)),
        new("projects_delete_user", "POST", "/api/projects/{P}/delete_user/", $$"""{"role": "PROJECT.MEMBER", "user": "{{Ids.Bob}}"}""",
            Check: async (_, s) => await Assert.That(s.Projects.Find(Ids.Project)!.Members).HasSingleItem()),
        new("projects_list_users_list", "GET", "/api/projects/{P}/list_users/?field=user_username&field=role_name",
            Check: async (b, _) => await Assert.That(b!.AsArray().Count).IsEqualTo(2)),
        new("remote_eduteams", "POST", "/api/remote-eduteams/", """{"cuid": "alice@example.org"}""",
            Check: async (b, _) => await Assert.That(b!["uuid"]!.GetValue<string>()).IsEqualTo(Ids.Alice)),
        new("roles_list", "GET", "/api/roles/?name=PROJECT.ADMIN&field=uuid&field=name", Check: async (b, _) => await Assert.That(b!.AsArray()).HasSingleItem()),
        new("science_sub_domains_list", "GET", "/api/science-sub-domains/?name=Physical",
            Check: async (b, _) => await Assert.That((await Assert.That(b!.AsArray()).HasSingleItem())!["code"]!.GetValue<string>()).IsEqualTo("1.3")),
        new("users_list", "GET", "/api/users/?username=alice@example.org&field=uuid&field=username",
            Check: async (b, _) => await Assert.That((await Assert.That(b!.AsArray()).HasSingleItem())!["uuid"]!.GetValue<string>()).IsEqualTo(Ids.Alice)),
        new("users_me_retrieve", "GET", "/api/users/me/", Check: async (b, _) =>
        {
            await Assert.That(b!["username"]!.GetValue<string>()).IsEqualTo("site-agent");
            await Assert.That(b["is_staff"]!.GetValue<bool>()).IsTrue();
        }),
        new("version_retrieve", "GET", "/api/version/", Check: async (b, _) => await Assert.That(b!["version"]!.GetValue<string>()).IsEqualTo("8.0.9")),
        new("marketplace_service_providers_list", "GET", "/api/marketplace-service-providers/?customer_uuid={PC}&field=uuid",
            Check: async (b, s) => await Assert.That((await Assert.That(b!.AsArray()).HasSingleItem())!["uuid"]!.GetValue<string>()).IsEqualTo(s.ServiceProviders.First().Uuid)),
        new("marketplace_service_providers_keys_list", "GET", "/api/marketplace-service-providers/{sp}/keys/",
            Check: async (b, _) => await Assert.That((await Assert.That(b!.AsArray()).HasSingleItem())!["public_key"]!.GetValue<string>()).StartsWith("ssh-ed25519 ")),
        new("marketplace_service_providers_projects_list", "GET",
            "/api/marketplace-service-providers/{sp}/projects/?query={P}&field=oecd_fos_2007_code&field=is_industry&field=science_sub_domain_code&field=end_date_updated_at",
            Check: async (b, _) => await Assert.That(b!.AsArray()).HasSingleItem()),
        new("identity_bridge", "POST", "/api/identity-bridge/",
            """{"username": "dave@example.org", "source": "isd-1", "first_name": "Dave", "email": "dave@example.org", "gender": null, "affiliations": ["member"]}""",
            Check: async (b, s) =>
            {
                await Assert.That(b!["created"]!.GetValue<bool>()).IsTrue();
                await Assert.That(s.FindUser("dave@example.org")!.FirstName).IsEqualTo("Dave");
            }),
        new("identity_bridge_allowed_fields_retrieve", "GET", "/api/identity-bridge/allowed-fields/",
            Check: async (b, _) => await Assert.That(b!["allowed_fields"]!.AsArray().Select(f => f!.GetValue<string>())).Contains("email")),
        new("identity_bridge_remove", "POST", "/api/identity-bridge/remove/", """{"username": "dave@example.org", "source": "isd-1"}""",
            Arrange: s =>
            {
                s.Add(s.BridgedIdentities, new BridgedIdentity { Username = "dave@example.org", Source = "isd-1" });
                return [];
            },
            Check: async (b, _) => await Assert.That(b!["deactivated"]!.GetValue<bool>()).IsTrue()),
    ];
}
