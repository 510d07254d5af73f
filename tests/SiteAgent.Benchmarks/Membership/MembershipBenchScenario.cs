using System.Globalization;
using System.Text;

namespace SiteAgent.Benchmarks.Membership;

/// <summary>
/// One offering with <see cref="Resources"/> allocations, each in its own project of
/// <see cref="UsersPerResource"/> members whose offering users are OK, and a matching SLURM state:
/// every member associated, limits and QoS as Waldur has them. A quiet cycle has nothing to change.
/// </summary>
internal sealed class MembershipBenchScenario(int resources, int usersPerResource)
{
    public const string Token = "membership-bench-token-0123456789";
    public const string OfferingUuid = "be0c0000000000000000000000000001";

    public int Resources { get; } = resources;

    public int UsersPerResource { get; } = usersPerResource;

    public static string Account(int resource) => string.Create(CultureInfo.InvariantCulture, $"bench_a{resource:D5}");

    /// <summary>The project account the allocation lives under: the project's slug, as no prefixes are configured.</summary>
    public static string ProjectAccount(int resource) => string.Create(CultureInfo.InvariantCulture, $"bench-p{resource:D5}");

    public static string Username(int resource, int user) => string.Create(CultureInfo.InvariantCulture, $"b{resource:D5}u{user:D3}");

    /// <summary>A member not in the team yet: the one a change adds.</summary>
    public static string Joiner(int resource) => Username(resource, 999);

    public static string UserUuid(int resource, int user) => string.Create(CultureInfo.InvariantCulture, $"{resource:x8}{user:x8}0000000000000001");

    public static string ProjectUuid(int resource) => string.Create(CultureInfo.InvariantCulture, $"{resource:x8}000000000000000000000002");

    public static string ResourceUuid(int resource) => string.Create(CultureInfo.InvariantCulture, $"{resource:x8}000000000000000000000003");

    /// <summary>The emulator scenario.</summary>
    public string Yaml()
    {
        var users = new StringBuilder("users:\n  - {username: bench-agent, is_staff: true}\n");
        var projects = new StringBuilder("projects:\n");
        var offeringUsers = new StringBuilder("offering_users:\n");
        var allocations = new StringBuilder("resources:\n");
        for (var r = 0; r < Resources; r++)
        {
            projects.Append(CultureInfo.InvariantCulture, $"  - {{uuid: \"{ProjectUuid(r)}\", name: Project {r}, slug: {ProjectAccount(r)}, customer: bench-org, team: [");
            for (var u = 0; u <= UsersPerResource; u++)
            {
                // User 999 of each project is the joiner: an offering user, not yet a member.
                var index = u == UsersPerResource ? 999 : u;
                users.Append(CultureInfo.InvariantCulture, $"  - {{uuid: \"{UserUuid(r, index)}\", username: {Username(r, index)}@example.org, email: {Username(r, index)}@example.org}}\n");
                offeringUsers.Append(CultureInfo.InvariantCulture, $"  - {{offering: {OfferingUuid}, user: \"{UserUuid(r, index)}\", username: {Username(r, index)}, state: OK}}\n");
                if (index != 999)
                {
                    projects.Append(CultureInfo.InvariantCulture, $"{(u == 0 ? "" : ", ")}{{user: \"{UserUuid(r, index)}\", role: PROJECT.MEMBER}}");
                }
            }

            projects.Append("]}\n");
            allocations.Append(CultureInfo.InvariantCulture,
                $"  - {{uuid: \"{ResourceUuid(r)}\", name: Allocation {r}, offering: {OfferingUuid}, project: \"{ProjectUuid(r)}\", plan: Default, state: OK, backend_id: {Account(r)}, limits: {{cpu: 10}}, backend_metadata: {{qos: normal}}}}\n");
        }

        return users + $$"""
            tokens:
              - {token: {{Token}}, user: bench-agent}
            customers:
              - {name: Provider, slug: bench-provider}
              - {name: Org, slug: bench-org}

            """ + projects + $$"""
            offerings:
              - name: Bench cluster
                uuid: {{OfferingUuid}}
                slug: bench-cluster
                customer: bench-provider
                plugin_options: {username_generation_policy: service_provider, service_provider_can_create_offering_user: true}
                components:
                  - {type: cpu, name: CPU, billing_type: limit, measured_unit: k-Hours, unit_factor: 60000}
                plans:
                  - {name: Default}

            """ + offeringUsers + allocations;
    }

    /// <summary>The agent's config: one SLURM offering, membership sync only, a private write-lock file (nothing reaches a real cluster).</summary>
    public static string AgentConfig(string apiUrl, string lockFile) => $$"""
        offerings:
          - name: "Bench cluster"
            waldur_api_url: "{{apiUrl}}"
            waldur_api_token: "{{Token}}"
            waldur_offering_uuid: "{{OfferingUuid}}"
            backend_type: "slurm"
            membership_sync_backend: "slurm"
            backend_settings:
              cluster_name: "benchcluster"
              enable_user_homedir_account_creation: false
              sacctmgr_lock_file: "{{lockFile}}"
            backend_components:
              cpu: {measured_unit: "k-Hours", unit_factor: 60000, accounting_type: "limit", label: "CPU"}
        """;
}
