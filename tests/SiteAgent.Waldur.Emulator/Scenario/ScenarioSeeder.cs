using System.Text.Json.Nodes;
using SiteAgent.Waldur.Emulator.State;

namespace SiteAgent.Waldur.Emulator.Scenario;

/// <summary>Adds a scenario's objects to the emulator state; references are by uuid, slug, name or username.</summary>
/// <remarks>
/// To add a scenario section: 1. add its key to <see cref="Sections"/>; 2. write a Seed method that reads it with
/// <see cref="ScenarioReader"/> (unknown keys are rejected); 3. call it in <see cref="Seed"/> after the sections it
/// refers to; 4. document it in the emulator README.
/// </remarks>
public sealed partial class ScenarioSeeder
{
    private static readonly string[] Sections =
    [
        "version", "description", "users", "tokens", "customers", "science_sub_domains", "projects", "offerings", "offering_users",
        "resources", "orders", "component_usages", "user_usage_limits", "service_accounts", "course_accounts",
        "backend_resource_requests", "backend_resources", "slurm_policies", "api_keys", "offering_resources_syncs",
    ];

    private readonly EmulatorState _state;
    private readonly ScenarioReader _read;

    private ScenarioSeeder(EmulatorState state, string source)
    {
        _state = state;
        _read = new ScenarioReader(source);
    }

    /// <summary>Seeds <paramref name="root"/> into <paramref name="state"/>; the caller holds the state lock.</summary>
    public static void Seed(EmulatorState state, JsonNode root, string source)
    {
        var seeder = new ScenarioSeeder(state, source);
        var obj = root as JsonObject ?? throw new ScenarioException($"{source}: the scenario must be a mapping");
        seeder._read.Keys(obj, "$", Sections);
        seeder.Users(obj);
        seeder.Tokens(obj);
        seeder.Customers(obj);
        seeder.SubDomains(obj);
        seeder.Projects(obj);
        seeder.Offerings(obj);
        seeder.OfferingUsers(obj);
        seeder.Resources(obj);
        seeder.Orders(obj);
        seeder.Usages(obj);
        seeder.Accounts(obj);
        seeder.Imports(obj);
    }

    private void Users(JsonObject root)
    {
        foreach (var (u, path) in _read.Items(root, "users"))
        {
            _read.Keys(u, path, "uuid", "username", "first_name", "last_name", "email", "organization", "job_title", "phone_number",
                "civil_number", "affiliations", "is_staff", "is_support", "is_active", "identity_source");
            _state.Add(_state.Users, new User
            {
                Uuid = _read.Uuid(u, path),
                Username = _read.Required(u, "username", path),
                FirstName = _read.Text(u, "first_name", path) ?? "",
                LastName = _read.Text(u, "last_name", path) ?? "",
                Email = _read.Text(u, "email", path) ?? "",
                Organization = _read.Text(u, "organization", path) ?? "",
                JobTitle = _read.Text(u, "job_title", path) ?? "",
                PhoneNumber = _read.Text(u, "phone_number", path) ?? "",
                CivilNumber = _read.Text(u, "civil_number", path),
                Affiliations = _read.List(u, "affiliations", path).Select(a => a?.ToString() ?? "").ToList(),
                IsStaff = _read.Bool(u, "is_staff", path) ?? false,
                IsSupport = _read.Bool(u, "is_support", path) ?? false,
                IsActive = _read.Bool(u, "is_active", path) ?? true,
                IdentitySource = _read.Text(u, "identity_source", path) ?? "",
            });
        }
    }

    private void Tokens(JsonObject root)
    {
        foreach (var (t, path) in _read.Items(root, "tokens"))
        {
            _read.Keys(t, path, "token", "user");
            _state.Tokens[_read.Required(t, "token", path)] = UserRef(t, "user", path);
        }
    }

    private void Customers(JsonObject root)
    {
        foreach (var (c, path) in _read.Items(root, "customers"))
        {
            _read.Keys(c, path, "uuid", "name", "slug", "abbreviation", "native_name", "country");
            var name = _read.Required(c, "name", path);
            _state.Add(_state.Customers, new Customer
            {
                Uuid = _read.Uuid(c, path),
                Name = name,
                Slug = _read.Text(c, "slug", path) ?? EmulatorState.Slugify(name, _state.Customers.Select(x => x.Slug)),
                Abbreviation = _read.Text(c, "abbreviation", path) ?? "",
                NativeName = _read.Text(c, "native_name", path) ?? "",
                Country = _read.Text(c, "country", path) ?? "",
            });
        }
    }

    private void SubDomains(JsonObject root)
    {
        foreach (var (d, path) in _read.Items(root, "science_sub_domains"))
        {
            _read.Keys(d, path, "uuid", "name", "code", "domain_name", "domain_code");
            _state.Add(_state.ScienceSubDomains, new ScienceSubDomain
            {
                Uuid = _read.Uuid(d, path),
                Name = _read.Required(d, "name", path),
                Code = _read.Required(d, "code", path),
                DomainName = _read.Text(d, "domain_name", path) ?? "",
                DomainCode = _read.Text(d, "domain_code", path) ?? "",
            });
        }
    }

    private void Projects(JsonObject root)
    {
        foreach (var (p, path) in _read.Items(root, "projects"))
        {
            _read.Keys(p, path, "uuid", "name", "slug", "customer", "description", "backend_id", "start_date", "end_date", "kind",
                "oecd_fos_2007_code", "is_industry", "science_sub_domain", "team");
            var name = _read.Required(p, "name", path);
            var project = _state.Add(_state.Projects, new Project
            {
                Uuid = _read.Uuid(p, path),
                Name = name,
                Slug = _read.Text(p, "slug", path) ?? EmulatorState.Slugify(name, _state.Projects.Select(x => x.Slug)),
                Customer = Ref(p, "customer", path, _state.FindCustomer),
                Description = _read.Text(p, "description", path) ?? "",
                BackendId = _read.Text(p, "backend_id", path) ?? "",
                StartDate = _read.Date(p, "start_date", path),
                EndDate = _read.Date(p, "end_date", path),
                Kind = _read.Text(p, "kind", path) ?? "default",
                OecdFos2007Code = _read.Text(p, "oecd_fos_2007_code", path),
                IsIndustry = _read.Bool(p, "is_industry", path) ?? false,
                ScienceSubDomain = p["science_sub_domain"] is null ? null
                    : Ref(p, "science_sub_domain", path, k => _state.ScienceSubDomains.Find(k) ?? _state.ScienceSubDomains.FirstOrDefault(d => d.Code == k || d.Name == k)),
            });
            var members = p["team"] as JsonArray ?? [];
            for (var i = 0; i < members.Count; i++)
            {
                var memberPath = $"{path}.team[{i}]";
                var m = members[i] as JsonObject ?? throw _read.Error(memberPath, "must be a mapping");
                _read.Keys(m, memberPath, "user", "role", "expiration_time");
                project.Members.Add(_state.Stamp(new ProjectMember
                {
                    User = UserRef(m, "user", memberPath),
                    Role = Ref(m, "role", memberPath, _state.FindRole),
                    ExpirationTime = _read.Text(m, "expiration_time", memberPath) is { } t ? DateTimeOffset.Parse(t, System.Globalization.CultureInfo.InvariantCulture) : null,
                }));
            }
        }
    }

    private User UserRef(JsonObject obj, string key, string path) => Ref(obj, key, path, _state.FindUser);

    /// <summary>Resolves a reference or fails with the scenario path of the dangling key.</summary>
    private T Ref<T>(JsonObject obj, string key, string path, Func<string, T?> find) where T : class
    {
        var value = _read.Required(obj, key, path);
        return find(value) ?? throw _read.Error($"{path}.{key}", $"\"{value}\" does not match any {typeof(T).Name.ToLowerInvariant()} defined so far");
    }
}
