using System.Text.Json.Nodes;
using SiteAgent.Waldur.Emulator.Http;
using SiteAgent.Waldur.Emulator.Presenters;
using SiteAgent.Waldur.Emulator.State;

namespace SiteAgent.Waldur.Emulator.Admin;

/// <summary>The whole state as JSON, each object in the API's own presentation (unshaped: only meaningful fields).</summary>
public static class StateDump
{
    /// <summary>Builds the dump; the caller holds the state lock.</summary>
    public static JsonObject Build(EmulatorState state, ApiLinks links)
    {
        JsonArray All<T>(IEnumerable<T> items, Func<T, JsonNode> present) => new(items.Select(present).ToArray());
        return new JsonObject
        {
            ["version"] = state.Version,
            ["customers"] = All(state.Customers, c => new JsonObject { ["uuid"] = c.Uuid, ["name"] = c.Name, ["slug"] = c.Slug }),
            ["users"] = All(state.Users, u => StructurePresenter.User(links, u)),
            ["tokens"] = All(state.Tokens, t => new JsonObject { ["token"] = t.Key, ["user"] = t.Value.Username }),
            ["projects"] = All(state.Projects, p =>
            {
                var project = StructurePresenter.Project(links, p);
                project["team"] = All(p.Members, StructurePresenter.UserRole);
                return project;
            }),
            ["offerings"] = All(state.Offerings, o => OfferingPresenter.Offering(links, o)),
            ["resources"] = All(state.Resources, r => ProvisioningPresenter.Resource(links, r)),
            ["orders"] = All(state.Orders, o => ProvisioningPresenter.Order(links, o)),
            ["offering_users"] = All(state.OfferingUsers, u => AccountPresenter.OfferingUser(links, u)),
            ["component_usages"] = All(state.ComponentUsages, UsagePresenter.ComponentUsage),
            ["component_user_usages"] = All(state.ComponentUserUsages, u => UsagePresenter.UserUsage(links, u)),
            ["user_usage_limits"] = All(state.UserUsageLimits, l => UsagePresenter.UserLimit(links, l)),
            ["agent_identities"] = All(state.AgentIdentities, i => AgentPresenter.Identity(links, i)),
            ["event_subscriptions"] = All(state.EventSubscriptions, s => AgentPresenter.Subscription(links, s)),
            ["event_queues"] = All(state.EventQueues, q => AgentPresenter.Queue(links, q)),
            ["site_agent_logs"] = All(state.SiteAgentLogs, l => AgentPresenter.Log(links, l)),
            ["backend_resources"] = All(state.BackendResources, b => ImportPresenter.BackendResource(links, b)),
            ["backend_resource_requests"] = All(state.BackendResourceRequests, r => ImportPresenter.Request(links, r)),
            ["slurm_policies"] = All(state.SlurmPolicies, p =>
            {
                var policy = ImportPresenter.Policy(links, p);
                policy["command_results"] = new JsonArray(p.CommandResults.Select(r => (JsonNode)r.DeepClone()).ToArray());
                return policy;
            }),
            ["api_keys"] = All(state.ApiKeys, k => AccountPresenter.ApiKey(links, k)),
            ["membership_sync_statuses"] = All(state.Resources.Where(r => r.MembershipSyncStatuses.Count > 0),
                r => new JsonObject { ["resource_uuid"] = r.Uuid, ["statuses"] = r.MembershipSyncStatuses.DeepClone() }),
            ["bridged_identities"] = All(state.BridgedIdentities, b => new JsonObject
            {
                ["uuid"] = b.Uuid, ["username"] = b.Username, ["source"] = b.Source, ["active"] = b.Active, ["fields"] = b.Fields.DeepClone(),
            }),
        };
    }
}
