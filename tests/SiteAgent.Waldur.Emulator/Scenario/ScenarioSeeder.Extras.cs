using System.Text.Json.Nodes;
using SiteAgent.Waldur.Emulator.State;

namespace SiteAgent.Waldur.Emulator.Scenario;

/// <summary>Usage, per-user limits, service/course accounts, import requests, SLURM policies and API keys.</summary>
public sealed partial class ScenarioSeeder
{
    private void Usages(JsonObject root)
    {
        foreach (var (u, path) in _read.Items(root, "component_usages"))
        {
            _read.Keys(u, path, "uuid", "resource", "type", "billing_period", "usage", "description", "user_usages");
            var resource = Ref(u, "resource", path, _state.FindResource);
            var component = Ref(u, "type", path, t => resource.Offering.Components.FirstOrDefault(c => c.Type == t));
            var period = _read.Date(u, "billing_period", path) ?? throw _read.Error($"{path}.billing_period", "is required");
            var usage = _state.Add(_state.ComponentUsages, new ComponentUsage
            {
                Uuid = _read.Uuid(u, path),
                Resource = resource,
                Component = component,
                BillingPeriod = new DateOnly(period.Year, period.Month, 1),
                Date = new DateTimeOffset(period.Year, period.Month, 1, 0, 0, 0, TimeSpan.Zero),
                Usage = _read.Decimal(u, "usage", path) ?? 0,
                Description = _read.Text(u, "description", path) ?? "",
            });
            var users = u["user_usages"] as JsonArray ?? [];
            for (var i = 0; i < users.Count; i++)
            {
                var userPath = $"{path}.user_usages[{i}]";
                var x = users[i] as JsonObject ?? throw _read.Error(userPath, "must be a mapping");
                _read.Keys(x, userPath, "username", "usage", "offering_user");
                var userUsage = _state.Add(_state.ComponentUserUsages, new ComponentUserUsage
                {
                    ComponentUsage = usage,
                    Username = _read.Required(x, "username", userPath),
                    Usage = _read.Decimal(x, "usage", userPath) ?? 0,
                    Date = usage.Date,
                    OfferingUser = x["offering_user"] is null ? null : Ref(x, "offering_user", userPath, k => _state.OfferingUsers.Find(k)),
                });
                usage.UserUsages.Add(userUsage);
            }
        }
        foreach (var (l, path) in _read.Items(root, "user_usage_limits"))
        {
            _read.Keys(l, path, "uuid", "resource", "type", "user", "limit");
            var resource = Ref(l, "resource", path, _state.FindResource);
            _state.Add(_state.UserUsageLimits, new ComponentUserUsageLimit
            {
                Uuid = _read.Uuid(l, path),
                Resource = resource,
                Component = Ref(l, "type", path, t => resource.Offering.Components.FirstOrDefault(c => c.Type == t)),
                User = UserRef(l, "user", path),
                Limit = _read.Decimal(l, "limit", path) ?? 0,
            });
        }
    }

    private void Accounts(JsonObject root)
    {
        foreach (var (a, path) in _read.Items(root, "service_accounts"))
        {
            _read.Keys(a, path, "uuid", "offering", "project", "username", "state", "email", "description");
            _state.Add(_state.ServiceAccounts, new ProjectServiceAccount
            {
                Uuid = _read.Uuid(a, path),
                Offering = Ref(a, "offering", path, _state.FindOffering),
                Project = Ref(a, "project", path, _state.FindProject),
                Username = _read.Text(a, "username", path) ?? "",
                State = _read.Text(a, "state", path) ?? "OK",
                Email = _read.Text(a, "email", path) ?? "",
                Description = _read.Text(a, "description", path) ?? "",
            });
        }
        foreach (var (a, path) in _read.Items(root, "course_accounts"))
        {
            _read.Keys(a, path, "uuid", "offering", "project", "user", "username", "state", "email", "description");
            _state.Add(_state.CourseAccounts, new CourseAccount
            {
                Uuid = _read.Uuid(a, path),
                Offering = Ref(a, "offering", path, _state.FindOffering),
                Project = Ref(a, "project", path, _state.FindProject),
                User = a["user"] is null ? null : UserRef(a, "user", path),
                Username = _read.Text(a, "username", path) ?? "",
                State = _read.Text(a, "state", path) ?? "OK",
                Email = _read.Text(a, "email", path) ?? "",
                Description = _read.Text(a, "description", path) ?? "",
            });
        }
    }

    private void Imports(JsonObject root)
    {
        foreach (var (r, path) in _read.Items(root, "backend_resource_requests"))
        {
            _read.Keys(r, path, "uuid", "offering", "state");
            _state.Add(_state.BackendResourceRequests, new BackendResourceRequest
            {
                Uuid = _read.Uuid(r, path),
                Offering = Ref(r, "offering", path, _state.FindOffering),
                State = _read.Text(r, "state", path) ?? "Sent",
            });
        }
        foreach (var (r, path) in _read.Items(root, "backend_resources"))
        {
            _read.Keys(r, path, "uuid", "name", "offering", "project", "backend_id", "backend_metadata");
            _state.Add(_state.BackendResources, new BackendResource
            {
                Uuid = _read.Uuid(r, path),
                Name = _read.Required(r, "name", path),
                Offering = Ref(r, "offering", path, _state.FindOffering),
                Project = Ref(r, "project", path, _state.FindProject),
                BackendId = _read.Text(r, "backend_id", path) ?? "",
                BackendMetadata = _read.Map(r, "backend_metadata", path),
            });
        }
        foreach (var (s, path) in _read.Items(root, "offering_resources_syncs"))
        {
            _read.Keys(s, path, "uuid", "offering", "requested_by");
            _state.Add(_state.OfferingResourcesSyncs, new OfferingResourcesSyncRequest
            {
                Uuid = _read.Uuid(s, path),
                Offering = Ref(s, "offering", path, _state.FindOffering),
                RequestedBy = s["requested_by"] is null ? null : UserRef(s, "requested_by", path),
            });
        }
        foreach (var (p, path) in _read.Items(root, "slurm_policies"))
        {
            _read.Keys(p, path, "uuid", "offering", "actions", "period", "limit_type", "qos_strategy", "component_limits");
            _state.Add(_state.SlurmPolicies, new SlurmPeriodicUsagePolicy
            {
                Uuid = _read.Uuid(p, path),
                Offering = Ref(p, "offering", path, _state.FindOffering),
                Actions = _read.Text(p, "actions", path) ?? "notify_organization_owners",
                Period = (int)(_read.Long(p, "period", path) ?? 3),
                LimitType = _read.Text(p, "limit_type", path) ?? "GrpTRESMins",
                QosStrategy = _read.Text(p, "qos_strategy", path) ?? "threshold",
                ComponentLimits = _read.LongMap(p, "component_limits", path),
            });
        }
        foreach (var (k, path) in _read.Items(root, "api_keys"))
        {
            _read.Keys(k, path, "uuid", "resource", "client_id", "state", "api_key");
            _state.Add(_state.ApiKeys, new ResourceApiKey
            {
                Uuid = _read.Uuid(k, path),
                Resource = Ref(k, "resource", path, _state.FindResource),
                ClientId = _read.Required(k, "client_id", path),
                State = _read.Text(k, "state", path) ?? "OK",
                ApiKey = _read.Text(k, "api_key", path) ?? "",
            });
        }
    }
}
