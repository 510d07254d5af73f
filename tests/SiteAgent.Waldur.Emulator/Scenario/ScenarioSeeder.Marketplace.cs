using System.Text.Json.Nodes;
using SiteAgent.Waldur.Emulator.State;

namespace SiteAgent.Waldur.Emulator.Scenario;

/// <summary>Offerings (components, plans, provider keys) and offering users.</summary>
public sealed partial class ScenarioSeeder
{
    private void Offerings(JsonObject root)
    {
        foreach (var (o, path) in _read.Items(root, "offerings"))
        {
            _read.Keys(o, path, "uuid", "name", "slug", "customer", "type", "state", "backend_id", "description", "shared", "billable",
                "plugin_options", "partitions", "exposed_fields", "attributes", "components", "plans", "service_provider_keys");
            var name = _read.Required(o, "name", path);
            var offering = _state.Add(_state.Offerings, new Offering
            {
                Uuid = _read.Uuid(o, path),
                Name = name,
                Slug = _read.Text(o, "slug", path) ?? EmulatorState.Slugify(name, _state.Offerings.Select(x => x.Slug)),
                Customer = Ref(o, "customer", path, _state.FindCustomer),
                Type = _read.Text(o, "type", path) ?? "Marketplace.Slurm",
                State = _read.Text(o, "state", path) ?? "Active",
                BackendId = _read.Text(o, "backend_id", path) ?? "",
                Description = _read.Text(o, "description", path) ?? "",
                Shared = _read.Bool(o, "shared", path) ?? true,
                Billable = _read.Bool(o, "billable", path) ?? true,
                PluginOptions = _read.Map(o, "plugin_options", path),
                Partitions = Partitions(_read.List(o, "partitions", path)),
                Attributes = _read.Map(o, "attributes", path),
            });
            if (o["exposed_fields"] is not null)
                offering.ExposedFields = _read.List(o, "exposed_fields", path).Select(f => f?.ToString() ?? "").ToList();
            var components = o["components"] as JsonArray ?? [];
            for (var i = 0; i < components.Count; i++) offering.Components.Add(Component(components[i], $"{path}.components[{i}]"));
            var plans = o["plans"] as JsonArray ?? [];
            for (var i = 0; i < plans.Count; i++) Plan(offering, plans[i], $"{path}.plans[{i}]");
            var provider = _state.ProviderOf(offering.Customer);
            var keys = o["service_provider_keys"] as JsonArray ?? [];
            for (var i = 0; i < keys.Count; i++)
            {
                var keyPath = $"{path}.service_provider_keys[{i}]";
                var k = keys[i] as JsonObject ?? throw _read.Error(keyPath, "must be a mapping");
                _read.Keys(k, keyPath, "uuid", "name", "public_key", "user_uuid");
                provider.Keys.Add(_state.Stamp(new SshKey
                {
                    Uuid = _read.Uuid(k, keyPath),
                    Name = _read.Required(k, "name", keyPath),
                    PublicKey = _read.Required(k, "public_key", keyPath),
                    UserUuid = State.Entity.NormalizeUuid(_read.Text(k, "user_uuid", keyPath)) ?? State.Entity.NewUuid(),
                }));
            }
        }
    }

    /// <summary>Partitions get a uuid when the scenario gives none, as Waldur's NestedPartition has one.</summary>
    private static JsonArray Partitions(JsonArray partitions)
    {
        foreach (var p in partitions.OfType<JsonObject>())
            if (!p.ContainsKey("uuid")) p["uuid"] = State.Entity.NewUuid();
        return partitions;
    }

    private OfferingComponent Component(JsonNode? node, string path)
    {
        var c = node as JsonObject ?? throw _read.Error(path, "must be a mapping");
        _read.Keys(c, path, "uuid", "type", "name", "billing_type", "measured_unit", "description", "limit_period", "limit_amount", "unit_factor",
            "min_value", "max_value", "max_available_limit", "default_limit", "article_code", "is_boolean", "is_prepaid");
        var type = _read.Required(c, "type", path);
        return _state.Stamp(new OfferingComponent
        {
            Uuid = _read.Uuid(c, path),
            Type = type,
            Name = _read.Text(c, "name", path) ?? type,
            BillingType = _read.Text(c, "billing_type", path) ?? "usage",
            MeasuredUnit = _read.Text(c, "measured_unit", path) ?? "",
            Description = _read.Text(c, "description", path) ?? "",
            LimitPeriod = _read.Text(c, "limit_period", path),
            LimitAmount = _read.Long(c, "limit_amount", path),
            UnitFactor = _read.Long(c, "unit_factor", path),
            MinValue = _read.Long(c, "min_value", path),
            MaxValue = _read.Long(c, "max_value", path),
            MaxAvailableLimit = _read.Long(c, "max_available_limit", path),
            DefaultLimit = _read.Long(c, "default_limit", path),
            ArticleCode = _read.Text(c, "article_code", path) ?? "",
            IsBoolean = _read.Bool(c, "is_boolean", path) ?? false,
            IsPrepaid = _read.Bool(c, "is_prepaid", path) ?? false,
        });
    }

    private void Plan(Offering offering, JsonNode? node, string path)
    {
        var p = node as JsonObject ?? throw _read.Error(path, "must be a mapping");
        _read.Keys(p, path, "uuid", "name", "unit", "unit_price", "description", "archived", "quotas", "prices", "backend_id", "article_code", "max_amount");
        var plan = _state.Add(_state.Plans, new Plan
        {
            Uuid = _read.Uuid(p, path),
            Name = _read.Required(p, "name", path),
            Offering = offering,
            Unit = _read.Text(p, "unit", path) ?? "month",
            UnitPrice = Presenters.Formats.Decimal(_read.Decimal(p, "unit_price", path) ?? 0),
            Description = _read.Text(p, "description", path) ?? "",
            Archived = _read.Bool(p, "archived", path) ?? false,
            BackendId = _read.Text(p, "backend_id", path) ?? "",
            ArticleCode = _read.Text(p, "article_code", path) ?? "",
            MaxAmount = (int?)_read.Long(p, "max_amount", path),
            Quotas = _read.LongMap(p, "quotas", path),
            Prices = _read.Map(p, "prices", path).ToDictionary(x => x.Key, x => x.Value?.ToString() ?? "0.00"),
        });
        offering.Plans.Add(plan);
    }

    private void OfferingUsers(JsonObject root)
    {
        foreach (var (u, path) in _read.Items(root, "offering_users"))
        {
            _read.Keys(u, path, "uuid", "offering", "user", "username", "state", "is_restricted", "has_consent", "comment", "comment_url");
            var offering = Ref(u, "offering", path, _state.FindOffering);
            var user = UserRef(u, "user", path);
            if (_state.OfferingUsers.Any(x => x.Offering == offering && x.User == user))
                throw _read.Error(path, $"user {user.Username} already has an offering user on {offering.Name}");
            var username = _read.Text(u, "username", path);
            _state.Add(_state.OfferingUsers, new OfferingUser
            {
                Uuid = _read.Uuid(u, path),
                Offering = offering,
                User = user,
                Username = username,
                State = _read.Text(u, "state", path) ?? (string.IsNullOrEmpty(username) ? OfferingUserStates.Requested : OfferingUserStates.Ok),
                IsRestricted = _read.Bool(u, "is_restricted", path) ?? false,
                HasConsent = _read.Bool(u, "has_consent", path) ?? true,
                ServiceProviderComment = _read.Text(u, "comment", path) ?? "",
                ServiceProviderCommentUrl = _read.Text(u, "comment_url", path) ?? "",
            });
        }
    }
}
