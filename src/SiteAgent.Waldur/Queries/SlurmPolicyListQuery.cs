using SiteAgent.Waldur.Http;

namespace SiteAgent.Waldur.Queries;

/// <summary>Filters of <c>marketplace_slurm_periodic_usage_policies_list</c>.</summary>
public sealed record SlurmPolicyListQuery
{
    /// <summary>Scope (offering) uuid.</summary>
    public Guid? ScopeUuid { get; init; }

    internal void AppendTo(QueryBuilder q) => q.Add("scope_uuid", ScopeUuid);
}
