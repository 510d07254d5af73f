using SiteAgent.Waldur.Http;

namespace SiteAgent.Waldur.Queries;

/// <summary>Filters of <c>marketplace_service_providers_list</c>.</summary>
public sealed record ServiceProviderListQuery
{
    /// <summary>Customer uuid of the provider organisation.</summary>
    public Guid? CustomerUuid { get; init; }

    /// <summary>Fields to return; uuid is always added.</summary>
    public IReadOnlyList<string>? Fields { get; init; }

    internal void AppendTo(QueryBuilder q) => q
        .Add("customer_uuid", CustomerUuid)
        .AddEach("field", FieldSelection.Including(Fields, "uuid"));
}

/// <summary>Filters of <c>marketplace_service_providers_keys_list</c>.</summary>
public sealed record SshKeyListQuery
{
    /// <summary>Key name (contains).</summary>
    public string? Name { get; init; }

    /// <summary>Owner uuid.</summary>
    public Guid? UserUuid { get; init; }

    /// <summary>Fields to return.</summary>
    public IReadOnlyList<string>? Fields { get; init; }

    internal void AppendTo(QueryBuilder q) => q
        .AddEach("field", Fields)
        .Add("name", Name)
        .Add("user_uuid", UserUuid);
}

/// <summary>Filters of <c>projects_list</c> and <c>marketplace_service_providers_projects_list</c>.</summary>
public sealed record ProjectListQuery
{
    /// <summary>Free-text search (the agent searches by project uuid hex).</summary>
    public string? Query { get; init; }

    /// <summary>Slug.</summary>
    public string? Slug { get; init; }

    /// <summary>Name (contains).</summary>
    public string? Name { get; init; }

    /// <summary>Name (exact).</summary>
    public string? NameExact { get; init; }

    /// <summary>Backend id.</summary>
    public string? BackendId { get; init; }

    /// <summary>Customer uuids (any of; comma-joined as the schema declares).</summary>
    public IReadOnlyList<Guid>? CustomerUuids { get; init; }

    /// <summary>Fields to return.</summary>
    public IReadOnlyList<string>? Fields { get; init; }

    internal void AppendTo(QueryBuilder q) => q
        .Add("backend_id", BackendId)
        .AddJoined("customer", CustomerUuids)
        .AddEach("field", Fields)
        .Add("name", Name)
        .Add("name_exact", NameExact)
        .Add("query", Query)
        .Add("slug", Slug);
}

/// <summary>Filters of <c>projects_list_users_list</c>.</summary>
public sealed record ProjectUserListQuery
{
    /// <summary>User uuid (<c>user=</c>).</summary>
    public Guid? UserUuid { get; init; }

    /// <summary>Username.</summary>
    public string? Username { get; init; }

    /// <summary>Role uuid (<c>role=</c>).</summary>
    public Guid? RoleUuid { get; init; }

    /// <summary>Fields to return.</summary>
    public IReadOnlyList<string>? Fields { get; init; }

    internal void AppendTo(QueryBuilder q) => q
        .AddEach("field", Fields)
        .Add("role", RoleUuid)
        .Add("user", UserUuid)
        .Add("username", Username);
}

/// <summary>Filters of <c>roles_list</c>.</summary>
public sealed record RoleListQuery
{
    /// <summary>Role name.</summary>
    public string? Name { get; init; }

    /// <summary>Active roles only.</summary>
    public bool? IsActive { get; init; }

    /// <summary>Fields to return.</summary>
    public IReadOnlyList<string>? Fields { get; init; }

    internal void AppendTo(QueryBuilder q) => q
        .AddEach("field", Fields)
        .Add("is_active", IsActive)
        .Add("name", Name);
}

/// <summary>Filters of <c>science_sub_domains_list</c>.</summary>
public sealed record ScienceSubDomainListQuery
{
    /// <summary>Name (contains).</summary>
    public string? Name { get; init; }

    /// <summary>Name (exact).</summary>
    public string? NameExact { get; init; }

    /// <summary>Domain name.</summary>
    public string? DomainName { get; init; }

    internal void AppendTo(QueryBuilder q) => q
        .Add("domain_name", DomainName)
        .Add("name", Name)
        .Add("name_exact", NameExact);
}

/// <summary>Filters of <c>users_list</c>.</summary>
public sealed record UserListQuery
{
    /// <summary>Username.</summary>
    public string? Username { get; init; }

    /// <summary>E-mail.</summary>
    public string? Email { get; init; }

    /// <summary>Civil number.</summary>
    public string? CivilNumber { get; init; }

    /// <summary>Full name.</summary>
    public string? FullName { get; init; }

    /// <summary>Free-text search.</summary>
    public string? Query { get; init; }

    /// <summary>Active users only.</summary>
    public bool? IsActive { get; init; }

    /// <summary>Fields to return.</summary>
    public IReadOnlyList<string>? Fields { get; init; }

    internal void AppendTo(QueryBuilder q) => q
        .Add("civil_number", CivilNumber)
        .Add("email", Email)
        .AddEach("field", Fields)
        .Add("full_name", FullName)
        .Add("is_active", IsActive)
        .Add("query", Query)
        .Add("username", Username);
}
