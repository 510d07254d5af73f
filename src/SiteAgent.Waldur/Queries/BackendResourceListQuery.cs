using SiteAgent.Waldur.Http;

namespace SiteAgent.Waldur.Queries;

/// <summary>Filters of <c>backend_resources_list</c>.</summary>
public sealed record BackendResourceListQuery
{
    /// <summary>Backend id.</summary>
    public string? BackendId { get; init; }

    /// <summary>Project uuid.</summary>
    public Guid? ProjectUuid { get; init; }

    /// <summary>Offering uuid.</summary>
    public Guid? OfferingUuid { get; init; }

    /// <summary>Name (contains).</summary>
    public string? Name { get; init; }

    internal void AppendTo(QueryBuilder q) => q
        .Add("backend_id", BackendId)
        .Add("name", Name)
        .Add("offering_uuid", OfferingUuid)
        .Add("project_uuid", ProjectUuid);
}
