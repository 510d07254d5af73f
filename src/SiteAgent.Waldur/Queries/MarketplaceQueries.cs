using SiteAgent.Waldur.Http;

namespace SiteAgent.Waldur.Queries;

/// <summary>Filters of <c>marketplace_orders_list</c>.</summary>
public sealed record OrderListQuery
{
    /// <summary>Offering uuid.</summary>
    public Guid? OfferingUuid { get; init; }

    /// <summary>Order states (any of; repeated <c>state=</c>).</summary>
    public IReadOnlyList<string>? States { get; init; }

    /// <summary>Order types (any of; repeated <c>type=</c>).</summary>
    public IReadOnlyList<string>? Types { get; init; }

    /// <summary>Marketplace resource uuid.</summary>
    public Guid? ResourceUuid { get; init; }

    /// <summary>Project uuid.</summary>
    public Guid? ProjectUuid { get; init; }

    /// <summary>Customer uuid.</summary>
    public Guid? CustomerUuid { get; init; }

    /// <summary>Free-text search.</summary>
    public string? Query { get; init; }

    /// <summary>Fields to return (<c>field=</c>); uuid and state are always added.</summary>
    public IReadOnlyList<string>? Fields { get; init; }

    /// <summary>Ordering, e.g. <c>-created</c> (<c>o=</c>, comma-joined).</summary>
    public IReadOnlyList<string>? Ordering { get; init; }

    internal void AppendTo(QueryBuilder q) => q
        .AddJoined("o", Ordering)
        .Add("offering_uuid", OfferingUuid)
        .Add("project_uuid", ProjectUuid)
        .Add("customer_uuid", CustomerUuid)
        .Add("query", Query)
        .Add("resource_uuid", ResourceUuid)
        .AddEach("state", States)
        .AddEach("type", Types)
        .AddEach("field", FieldSelection.Including(Fields, "uuid", "state"));
}

/// <summary>Filters of <c>marketplace_provider_resources_list</c> and <c>marketplace_resources_list</c>.</summary>
public sealed record ResourceListQuery
{
    /// <summary>Offering uuids (any of; comma-joined as the schema declares).</summary>
    public IReadOnlyList<Guid>? OfferingUuids { get; init; }

    /// <summary>Resource states (any of; repeated <c>state=</c>).</summary>
    public IReadOnlyList<string>? States { get; init; }

    /// <summary>Project uuid.</summary>
    public Guid? ProjectUuid { get; init; }

    /// <summary>Customer uuid.</summary>
    public Guid? CustomerUuid { get; init; }

    /// <summary>Backend id.</summary>
    public string? BackendId { get; init; }

    /// <summary>Name (contains).</summary>
    public string? Name { get; init; }

    /// <summary>Name (exact).</summary>
    public string? NameExact { get; init; }

    /// <summary>Slug.</summary>
    public string? Slug { get; init; }

    /// <summary>Free-text search.</summary>
    public string? Query { get; init; }

    /// <summary>Fields to return (<c>field=</c>); uuid is always added.</summary>
    public IReadOnlyList<string>? Fields { get; init; }

    /// <summary>Ordering, e.g. <c>-created</c>.</summary>
    public IReadOnlyList<string>? Ordering { get; init; }

    internal void AppendTo(QueryBuilder q) => q
        .Add("backend_id", BackendId)
        .Add("customer_uuid", CustomerUuid)
        .AddEach("field", FieldSelection.Including(Fields, "uuid"))
        .Add("name", Name)
        .Add("name_exact", NameExact)
        .AddJoined("o", Ordering)
        .AddJoined("offering_uuid", OfferingUuids)
        .Add("project_uuid", ProjectUuid)
        .Add("query", Query)
        .Add("slug", Slug)
        .AddEach("state", States);
}

/// <summary>Filters of <c>marketplace_offering_users_list</c>.</summary>
public sealed record OfferingUserListQuery
{
    /// <summary>Offering uuids (any of; comma-joined as the schema declares).</summary>
    public IReadOnlyList<Guid>? OfferingUuids { get; init; }

    /// <summary>States (any of; repeated <c>state=</c>).</summary>
    public IReadOnlyList<string>? States { get; init; }

    /// <summary>Runtime states (any of; repeated).</summary>
    public IReadOnlyList<string>? RuntimeStates { get; init; }

    /// <summary>Restricted users only (true) or unrestricted only (false).</summary>
    public bool? IsRestricted { get; init; }

    /// <summary>Waldur user uuid.</summary>
    public Guid? UserUuid { get; init; }

    /// <summary>Waldur username.</summary>
    public string? UserUsername { get; init; }

    /// <summary>Free-text search.</summary>
    public string? Query { get; init; }

    /// <summary>Fields to return (<c>field=</c>); uuid is always added.</summary>
    public IReadOnlyList<string>? Fields { get; init; }

    /// <summary>Ordering.</summary>
    public IReadOnlyList<string>? Ordering { get; init; }

    internal void AppendTo(QueryBuilder q) => q
        .AddEach("field", FieldSelection.Including(Fields, "uuid"))
        .Add("is_restricted", IsRestricted)
        .AddJoined("o", Ordering)
        .AddJoined("offering_uuid", OfferingUuids)
        .Add("query", Query)
        .AddEach("runtime_state", RuntimeStates)
        .AddEach("state", States)
        .Add("user_username", UserUsername)
        .Add("user_uuid", UserUuid);
}

/// <summary>Filters of <c>marketplace_component_usages_list</c>.</summary>
public sealed record ComponentUsageListQuery
{
    /// <summary>Resource uuid.</summary>
    public Guid? ResourceUuid { get; init; }

    /// <summary>Offering uuid.</summary>
    public Guid? OfferingUuid { get; init; }

    /// <summary>First day of the billing period.</summary>
    public DateOnly? BillingPeriod { get; init; }

    /// <summary>Component type.</summary>
    public string? Type { get; init; }

    /// <summary>Usage date on or after.</summary>
    public DateOnly? DateAfter { get; init; }

    /// <summary>Usage date on or before.</summary>
    public DateOnly? DateBefore { get; init; }

    /// <summary>Fields to return; uuid is always added.</summary>
    public IReadOnlyList<string>? Fields { get; init; }

    internal void AppendTo(QueryBuilder q) => q
        .Add("billing_period", BillingPeriod)
        .Add("date_after", DateAfter)
        .Add("date_before", DateBefore)
        .AddEach("field", FieldSelection.Including(Fields, "uuid"))
        .Add("offering_uuid", OfferingUuid)
        .Add("resource_uuid", ResourceUuid)
        .Add("type", Type);
}

/// <summary>Filters of <c>marketplace_component_user_usages_list</c>.</summary>
public sealed record ComponentUserUsageListQuery
{
    /// <summary>Resource uuid.</summary>
    public Guid? ResourceUuid { get; init; }

    /// <summary>Offering uuid.</summary>
    public Guid? OfferingUuid { get; init; }

    /// <summary>Billing period of the parent usage (<c>component_usage__billing_period</c>).</summary>
    public DateOnly? ComponentUsageBillingPeriod { get; init; }

    /// <summary>Username.</summary>
    public string? Username { get; init; }

    /// <summary>Component type.</summary>
    public string? Type { get; init; }

    /// <summary>Fields to return.</summary>
    public IReadOnlyList<string>? Fields { get; init; }

    internal void AppendTo(QueryBuilder q) => q
        .Add("component_usage__billing_period", ComponentUsageBillingPeriod)
        .AddEach("field", Fields)
        .Add("offering_uuid", OfferingUuid)
        .Add("resource_uuid", ResourceUuid)
        .Add("type", Type)
        .Add("username", Username);
}

/// <summary>Filters of <c>component_user_usage_limits_list</c>.</summary>
public sealed record ComponentUserUsageLimitListQuery
{
    /// <summary>Resource uuid.</summary>
    public Guid? ResourceUuid { get; init; }

    /// <summary>Offering uuid.</summary>
    public Guid? OfferingUuid { get; init; }

    /// <summary>Username.</summary>
    public string? Username { get; init; }

    /// <summary>Component type.</summary>
    public string? ComponentType { get; init; }

    internal void AppendTo(QueryBuilder q) => q
        .Add("component_type", ComponentType)
        .Add("offering_uuid", OfferingUuid)
        .Add("resource_uuid", ResourceUuid)
        .Add("username", Username);
}

/// <summary>Filters of <c>marketplace_resource_api_keys_list</c> (8.1.x).</summary>
public sealed record ResourceApiKeyListQuery
{
    /// <summary>Resource uuid.</summary>
    public Guid? ResourceUuid { get; init; }

    /// <summary>Offering uuid.</summary>
    public Guid? OfferingUuid { get; init; }

    /// <summary>States (any of; repeated).</summary>
    public IReadOnlyList<string>? States { get; init; }

    /// <summary>Only keys last modified before this instant (sent as ISO-8601 UTC).</summary>
    public DateTimeOffset? ModifiedBefore { get; init; }

    internal void AppendTo(QueryBuilder q) => q
        .Add("offering_uuid", OfferingUuid)
        .Add("resource_uuid", ResourceUuid)
        .AddEach("state", States)
        .Add("modified_before", ModifiedBefore?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
}
