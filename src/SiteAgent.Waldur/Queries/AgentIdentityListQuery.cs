using SiteAgent.Waldur.Http;

namespace SiteAgent.Waldur.Queries;

/// <summary>Filters of <c>marketplace_site_agent_identities_list</c>.</summary>
public sealed record AgentIdentityListQuery
{
    /// <summary>Identity name, <c>agent-&lt;offering uuid&gt;</c>.</summary>
    public string? Name { get; init; }

    /// <summary>Offering uuid.</summary>
    public Guid? OfferingUuid { get; init; }

    internal void AppendTo(QueryBuilder q) => q
        .Add("name", Name)
        .Add("offering_uuid", OfferingUuid);
}
