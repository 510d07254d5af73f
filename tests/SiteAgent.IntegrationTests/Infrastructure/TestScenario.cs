using System.Globalization;
using System.Text;
using SiteAgent.Testing;
using SiteAgent.Waldur.Emulator.State;

namespace SiteAgent.IntegrationTests.Infrastructure;

/// <summary>
/// A Waldur emulator scenario for one test: a provider with a SLURM offering, a consumer project
/// with two members who have site usernames, and the resources and orders the test adds. Every
/// name carries a random id so tests can share the SLURM cluster.
/// </summary>
internal sealed class TestScenario
{
    private readonly StringBuilder _resources = new();
    private readonly StringBuilder _orders = new();
    private readonly StringBuilder _projects = new();
    private readonly List<string> _projectSlugs = [];
    private readonly StringBuilder _users = new();
    private readonly StringBuilder _offeringUsers = new();

    /// <param name="projectSlug">The project's slug; random by default, or the slug the emulator would give <paramref name="projectName"/>.</param>
    /// <param name="customerSlug">The customer's slug; random by default, or the slug the emulator would give <paramref name="customerName"/>.</param>
    /// <param name="extraMemberUsername">Site username of a third team member (eve), when wanted.</param>
    /// <param name="prefixed">False: no account prefixes.</param>
    /// <param name="projectName">The project's name; <c>Project &lt;id&gt;</c> by default.</param>
    /// <param name="customerName">The customer's name; <c>Research Org &lt;id&gt;</c> by default.</param>
    /// <param name="siteUsernames">Site usernames of alice and bob; by default <c>alice&lt;id&gt;</c>, <c>bob&lt;id&gt;</c> (real local users such as nobody and daemon when jobs must run as them).</param>
    /// <param name="usageInMinutes">Components billed by usage in SLURM's own units (CPU-minutes, MB-minutes), so short jobs show.</param>
    public TestScenario(
        string? projectSlug = null, string? customerSlug = null, string? extraMemberUsername = null, bool prefixed = true,
        string? projectName = null, string? customerName = null, string[]? siteUsernames = null, bool usageInMinutes = false)
    {
        ExtraMemberUsername = extraMemberUsername;
        Prefixed = prefixed;
        Id = Guid.NewGuid().ToString("N")[..6];
        ProjectName = projectName ?? "Project " + Id;
        CustomerName = customerName ?? "Research Org " + Id;
        ProjectSlug = projectSlug ?? (projectName is null ? "proj-" + Id : EmulatorState.Slugify(projectName, []));
        CustomerSlug = customerSlug ?? (customerName is null ? "org-" + Id : EmulatorState.Slugify(customerName, []));
        Usernames = siteUsernames ?? ["alice" + Id, "bob" + Id];
        UsageInMinutes = usageInMinutes;
    }

    /// <summary>Components billed by usage in CPU-minutes and MB-minutes (unit factor 1).</summary>
    public bool UsageInMinutes { get; }

    public string ProjectName { get; }

    public string CustomerName { get; }

    /// <summary>One prefix (<c>hx_</c> after the test's own) for customer, project and allocation ids, as the reference's sample config does.</summary>
    public bool SamePrefixes { get; init; }

    /// <summary>The offering's <c>account_name_generation_policy</c> plugin option (e.g. <c>project_slug</c>); unset when null.</summary>
    public string? AccountNamePolicy { get; init; }

    /// <summary>
    /// A prepaid offering: <c>cpu</c> is prepaid (<c>one</c>), <c>mem</c> limit-based; plans Default
    /// (cpu 10, mem 4), Bigger (cpu 20) and NoMem (cpu 20, mem 0).
    /// </summary>
    public bool Prepaid { get; init; }

    /// <summary>Site username of a third team member (eve), when the test wants one.</summary>
    public string? ExtraMemberUsername { get; }

    /// <summary>False: the agent uses no id prefixes, so Waldur slugs become account names as they are.</summary>
    public bool Prefixed { get; }

    /// <summary>Random id of this test's objects.</summary>
    public string Id { get; }

    /// <summary>The offering the agent serves.</summary>
    public Guid OfferingUuid { get; } = Guid.NewGuid();

    public string ProjectSlug { get; }

    public string CustomerSlug { get; }

    /// <summary>Prefix of every SLURM account of this test.</summary>
    public string AccountPrefix => "it" + Id + "_";

    public string CustomerAccount => Prefix("c_") + CustomerSlug;

    public string ProjectAccount => Prefix("p_") + ProjectSlug;

    /// <summary>Account-name prefixes whose accounts belong to this test (for clean-up).</summary>
    public IEnumerable<string> OwnedAccountPrefixes => Prefixed ? [AccountPrefix] : [CustomerSlug, ProjectSlug, "hostile"];

    /// <summary>The account a resource with this slug gets.</summary>
    public string AllocationAccount(string slug) => (Prefix("a_") + slug).ToLowerInvariant();

    private string Prefix(string kind) => Prefixed ? AccountPrefix + (SamePrefixes ? "hx_" : kind) : string.Empty;

    /// <summary>The two team members' site usernames (alice's, bob's).</summary>
    public string[] Usernames { get; }

    /// <summary>A Waldur user <c>&lt;name&gt;&lt;id&gt;@example.org</c>, not in the team, with an offering user in <paramref name="state"/>.</summary>
    public string AddOfferingUser(string name, string state, string? siteUsername = null)
    {
        var email = $"{name}{Id}@example.org";
        _users.Append(CultureInfo.InvariantCulture, $"  - {{username: {email}, email: {email}}}\n");
        var username = siteUsername is null ? string.Empty : $", username: \"{siteUsername}\"";
        _offeringUsers.Append(CultureInfo.InvariantCulture, $"  - {{offering: cluster-{Id}, user: {email}, state: {state}{username}}}\n");
        return email;
    }

    /// <summary>Adds another project of the customer with the same team; returns its slug (the emulator's slug of the name).</summary>
    public string AddProject(string name)
    {
        var slug = EmulatorState.Slugify(name, [ProjectSlug, .. _projectSlugs]);
        _projectSlugs.Add(slug);
        _projects.Append(CultureInfo.InvariantCulture, $$"""
              - name: {{Quoted(name)}}
                slug: {{slug}}
                customer: {{CustomerSlug}}
                team:
                  - {user: alice{{Id}}@example.org, role: PROJECT.ADMIN}
                  - {user: bob{{Id}}@example.org, role: PROJECT.MEMBER}

            """);
        return slug;
    }

    /// <summary>Adds a Create order (which creates its resource) in the main project or <paramref name="project"/>; returns the order uuid.</summary>
    public Guid AddCreateOrder(string resourceName, int cpu, string state = "pending-provider", string? project = null)
    {
        var uuid = Guid.NewGuid();
        _orders.Append(CreateOrderEntry(uuid, resourceName, cpu, state, project));
        return uuid;
    }

    /// <summary>A Create order to seed into a running emulator later: its uuid and the seed YAML.</summary>
    public (Guid Order, string Seed) CreateOrderSeed(string resourceName, int cpu, string state = "executing")
    {
        var uuid = Guid.NewGuid();
        return (uuid, "orders:\n" + CreateOrderEntry(uuid, resourceName, cpu, state, null));
    }

    /// <summary>An <c>orders:</c> scenario section with one Create order, to seed into a running emulator.</summary>
    public string OrdersSection(Guid uuid, string resourceName, int cpu, string state = "pending-provider") =>
        "orders:\n" + CreateOrderEntry(uuid, resourceName, cpu, state, null);

    private string CreateOrderEntry(Guid uuid, string resourceName, int cpu, string state, string? project) =>
        string.Create(CultureInfo.InvariantCulture, $$"""
              - uuid: {{uuid:N}}
                type: Create
                state: {{state}}
                offering: {{OfferingUuid:N}}
                project: {{project ?? ProjectSlug}}
                resource_name: {{Quoted(resourceName)}}
                plan: Default
                limits: {{(Prepaid ? $"{{cpu: {cpu}, mem: 4}}" : $"{{cpu: {cpu}}}")}}

            """);

    /// <summary>Adds an existing resource; returns its uuid.</summary>
    public Guid AddResource(string name, string backendId, int cpu, string state = "OK")
    {
        var uuid = Guid.NewGuid();
        _resources.Append(CultureInfo.InvariantCulture, $$"""
              - uuid: {{uuid:N}}
                name: "{{name}}"
                offering: {{OfferingUuid:N}}
                project: {{ProjectSlug}}
                plan: Default
                state: {{state}}
                backend_id: "{{backendId}}"
                limits: {cpu: {{cpu}}}

            """);
        return uuid;
    }

    /// <summary>Adds an Update, Terminate or Restore order for a resource; returns the order uuid.</summary>
    public Guid AddOrder(string type, Guid resource, int? cpu = null, string state = "executing")
    {
        var uuid = Guid.NewGuid();
        var limits = cpu is { } value ? $"\n    limits: {{cpu: {value}}}" : string.Empty;
        _orders.Append(CultureInfo.InvariantCulture, $$"""
              - uuid: {{uuid:N}}
                type: {{type}}
                state: {{state}}
                resource: {{resource:N}}{{limits}}

            """);
        return uuid;
    }

    /// <summary>The scenario as YAML.</summary>
    public string Yaml() => $$"""
        users:
          - {username: agent{{Id}}, is_staff: true}
          - {username: alice{{Id}}@example.org, first_name: Alice, last_name: A, email: alice{{Id}}@example.org}
          - {username: bob{{Id}}@example.org, first_name: Bob, last_name: B, email: bob{{Id}}@example.org}
          - {username: eve{{Id}}@example.org, first_name: Eve, last_name: E, email: eve{{Id}}@example.org}
        {{_users}}
        tokens:
          - {token: {{Token}}, user: agent{{Id}}}
        customers:
          - {name: "Provider {{Id}}", slug: prov-{{Id}}}
          - {name: {{Quoted(CustomerName)}}, slug: {{CustomerSlug}}}
        projects:
          - name: {{Quoted(ProjectName)}}
            slug: {{ProjectSlug}}
            customer: {{CustomerSlug}}
            team:
              - {user: alice{{Id}}@example.org, role: PROJECT.ADMIN}
              - {user: bob{{Id}}@example.org, role: PROJECT.MEMBER}
        {{ExtraMember("      - {{user: eve{0}@example.org, role: PROJECT.MEMBER}}")}}
        {{_projects}}
        offerings:
          - name: "Cluster {{Id}}"
            uuid: {{OfferingUuid:N}}
            slug: cluster-{{Id}}
            customer: prov-{{Id}}
            backend_id: {{SlurmCluster.Name}}
            plugin_options: {username_generation_policy: service_provider, service_provider_can_create_offering_user: true{{Policy()}}}
            components:
        {{Components}}
            plans:
        {{Plans()}}
        offering_users:
          - {offering: cluster-{{Id}}, user: alice{{Id}}@example.org, username: {{Usernames[0]}}, state: OK}
          - {offering: cluster-{{Id}}, user: bob{{Id}}@example.org, username: {{Usernames[1]}}, state: OK}
        {{ExtraMember("  - {{offering: cluster-{0}, user: eve{0}@example.org, username: \"{1}\", state: OK}}")}}
        {{_offeringUsers}}
        resources:
        {{_resources}}
        orders:
        {{_orders}}
        """.Replace("resources:\n\norders:", "orders:", StringComparison.Ordinal);

    private string Components => UsageInMinutes
        ? "      - {type: cpu, name: CPU, billing_type: usage, measured_unit: CPU-minutes}\n      - {type: mem, name: RAM, billing_type: usage, measured_unit: MB-minutes}"
        : $"      - {{type: cpu, name: CPU, billing_type: {(Prepaid ? "one" : "limit")}, measured_unit: k-Hours, unit_factor: 60000}}\n      - {{type: mem, name: RAM, billing_type: {(Prepaid ? "limit" : "usage")}, measured_unit: gb-Hours, unit_factor: 61440}}";

    private string Policy() => AccountNamePolicy is null ? string.Empty : ", account_name_generation_policy: " + AccountNamePolicy;

    private string Plans() => Prepaid
        ? "      - {name: Default, quotas: {cpu: 10, mem: 4} }\n      - {name: Bigger, quotas: {cpu: 20} }\n      - {name: NoMem, quotas: {cpu: 20, mem: 0} }"
        : "      - {name: Default, quotas: {cpu: 10} }";

    /// <summary>A YAML double-quoted scalar: backslash, quote and control characters escaped, so any name survives as it is.</summary>
    private static string Quoted(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }

    private string ExtraMember(string template) =>
        ExtraMemberUsername is null ? string.Empty : string.Format(CultureInfo.InvariantCulture, template, Id, ExtraMemberUsername);

    /// <summary>The token the agent uses.</summary>
    public string Token => "token-" + Id + "-0123456789abcdef";

    /// <summary>The agent's config for this scenario against an emulator at <paramref name="apiUrl"/>.</summary>
    /// <param name="apiUrl">The emulator's API root.</param>
    /// <param name="extraSettings">Additional <c>backend_settings</c> keys with their YAML values.</param>
    public string AgentConfig(string apiUrl, IReadOnlyDictionary<string, string>? extraSettings = null) =>
        SlurmAgentConfig.Yaml(
            "Cluster " + Id, apiUrl, Token, OfferingUuid, Prefixed ? AccountPrefix : null, SlurmCluster.Name, extraSettings,
            SamePrefixes ? ["hx_", "hx_", "hx_"] : null,
            Prepaid ? PrepaidComponents : UsageInMinutes ? SlurmAgentConfig.MinuteComponents : null);

    private static readonly string[] PrepaidComponents =
    [
        """cpu: {measured_unit: "k-Hours", unit_factor: 60000, accounting_type: "one", label: "CPU"}""",
        """mem: {measured_unit: "gb-Hours", unit_factor: 61440, accounting_type: "limit", label: "RAM"}""",
    ];
}
