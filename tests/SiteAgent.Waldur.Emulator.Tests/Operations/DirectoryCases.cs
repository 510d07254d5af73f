using SiteAgent.Waldur.Emulator.State;

namespace SiteAgent.Waldur.Emulator.Tests.Operations;

/// <summary>Projects, users, roles, service providers, identity bridge and version (federation target and start-up calls).</summary>
internal static class DirectoryCases
{
    public static IEnumerable<OperationCase> All() =>
    [
        new("projects_list", "GET", "/api/projects/?slug=climate&field=uuid", Check: (b, _) => Assert.Equal(Ids.Project, Assert.Single(b!.AsArray())!["uuid"]!.GetValue<string>())),
        new("projects_create", "POST", "/api/projects/",
            """{"name": "Federated climate", "customer": "{api}/customers/{C}/", "description": "from source Waldur", "end_date": "2027-12-31", "oecd_fos_2007_code": "1.3", "is_industry": false, "backend_id": "src-123"}""",
            201, Check: (b, s) => Assert.Equal("src-123", s.FindProject("Federated climate")!.BackendId)),
        new("projects_partial_update", "PATCH", "/api/projects/{P}/", """{"end_date": "2027-06-30", "oecd_fos_2007_code": ""}""",
            Check: (b, _) => Assert.Equal("2027-06-30", b!["end_date"]!.GetValue<string>())),
        new("projects_add_user", "POST", "/api/projects/{P}/add_user/", $$"""{"role": "PROJECT.MEMBER", "user": "{{Ids.Carol}}", "expiration_time": null}""", 201,
            Check: (_, s) => Assert.Equal(3, s.Projects.Find(Ids.Project)!.Members.Count)),
        new("projects_delete_user", "POST", "/api/projects/{P}/delete_user/", $$"""{"role": "PROJECT.MEMBER", "user": "{{Ids.Bob}}"}""",
            Check: (_, s) => Assert.Single(s.Projects.Find(Ids.Project)!.Members)),
        new("projects_list_users_list", "GET", "/api/projects/{P}/list_users/?field=user_username&field=role_name",
            Check: (b, _) => Assert.Equal(2, b!.AsArray().Count)),
        new("remote_eduteams", "POST", "/api/remote-eduteams/", """{"cuid": "alice@example.org"}""",
            Check: (b, _) => Assert.Equal(Ids.Alice, b!["uuid"]!.GetValue<string>())),
        new("roles_list", "GET", "/api/roles/?name=PROJECT.ADMIN&field=uuid&field=name", Check: (b, _) => Assert.Single(b!.AsArray())),
        new("science_sub_domains_list", "GET", "/api/science-sub-domains/?name=Physical",
            Check: (b, _) => Assert.Equal("1.3", Assert.Single(b!.AsArray())!["code"]!.GetValue<string>())),
        new("users_list", "GET", "/api/users/?username=alice@example.org&field=uuid&field=username",
            Check: (b, _) => Assert.Equal(Ids.Alice, Assert.Single(b!.AsArray())!["uuid"]!.GetValue<string>())),
        new("users_me_retrieve", "GET", "/api/users/me/", Check: (b, _) =>
        {
            Assert.Equal("site-agent", b!["username"]!.GetValue<string>());
            Assert.True(b["is_staff"]!.GetValue<bool>());
        }),
        new("version_retrieve", "GET", "/api/version/", Check: (b, _) => Assert.Equal("8.0.9", b!["version"]!.GetValue<string>())),
        new("marketplace_service_providers_list", "GET", "/api/marketplace-service-providers/?customer_uuid={PC}&field=uuid",
            Check: (b, s) => Assert.Equal(s.ServiceProviders.First().Uuid, Assert.Single(b!.AsArray())!["uuid"]!.GetValue<string>())),
        new("marketplace_service_providers_keys_list", "GET", "/api/marketplace-service-providers/{sp}/keys/",
            Check: (b, _) => Assert.StartsWith("ssh-ed25519 ", Assert.Single(b!.AsArray())!["public_key"]!.GetValue<string>())),
        new("marketplace_service_providers_projects_list", "GET",
            "/api/marketplace-service-providers/{sp}/projects/?query={P}&field=oecd_fos_2007_code&field=is_industry&field=science_sub_domain_code&field=end_date_updated_at",
            Check: (b, _) => Assert.Single(b!.AsArray())),
        new("identity_bridge", "POST", "/api/identity-bridge/",
            """{"username": "dave@example.org", "source": "isd-1", "first_name": "Dave", "email": "dave@example.org", "gender": null, "affiliations": ["member"]}""",
            Check: (b, s) =>
            {
                Assert.True(b!["created"]!.GetValue<bool>());
                Assert.Equal("Dave", s.FindUser("dave@example.org")!.FirstName);
            }),
        new("identity_bridge_allowed_fields_retrieve", "GET", "/api/identity-bridge/allowed-fields/",
            Check: (b, _) => Assert.Contains("email", b!["allowed_fields"]!.AsArray().Select(f => f!.GetValue<string>()))),
        new("identity_bridge_remove", "POST", "/api/identity-bridge/remove/", """{"username": "dave@example.org", "source": "isd-1"}""",
            Arrange: s =>
            {
                s.Add(s.BridgedIdentities, new BridgedIdentity { Username = "dave@example.org", Source = "isd-1" });
                return [];
            },
            Check: (b, _) => Assert.True(b!["deactivated"]!.GetValue<bool>())),
    ];
}
