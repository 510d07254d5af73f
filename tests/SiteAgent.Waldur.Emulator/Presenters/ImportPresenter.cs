using System.Text.Json.Nodes;
using SiteAgent.Waldur.Emulator.Http;
using SiteAgent.Waldur.Emulator.State;

namespace SiteAgent.Waldur.Emulator.Presenters;

/// <summary>Importable backend resources, their requests and SLURM periodic usage policies.</summary>
public static class ImportPresenter
{
    public static JsonObject BackendResource(ApiLinks links, BackendResource resource) => new()
    {
        ["url"] = links.To("backend-resources", resource.Uuid),
        ["uuid"] = resource.Uuid,
        ["name"] = resource.Name,
        ["created"] = Formats.Iso(resource.Created),
        ["modified"] = Formats.Iso(resource.Modified),
        ["project"] = resource.Project.Uuid,
        ["project_name"] = resource.Project.Name,
        ["project_url"] = links.Project(resource.Project.Uuid),
        ["offering"] = resource.Offering.Uuid,
        ["offering_name"] = resource.Offering.Name,
        ["offering_url"] = links.Offering(resource.Offering.Uuid),
        ["backend_id"] = resource.BackendId,
        ["backend_metadata"] = resource.BackendMetadata.DeepClone(),
    };

    public static JsonObject Request(ApiLinks links, BackendResourceRequest request) => new()
    {
        ["url"] = links.To("backend-resource-requests", request.Uuid),
        ["uuid"] = request.Uuid,
        ["created"] = Formats.Iso(request.Created),
        ["modified"] = Formats.Iso(request.Modified),
        ["started"] = Formats.Iso(request.Started),
        ["finished"] = Formats.Iso(request.Finished),
        ["state"] = request.State,
        ["offering"] = request.Offering.Uuid,
        ["offering_name"] = request.Offering.Name,
        ["offering_url"] = links.Offering(request.Offering.Uuid),
        ["error_message"] = request.ErrorMessage,
        ["error_traceback"] = request.ErrorTraceback,
    };

    public static JsonObject Policy(ApiLinks links, SlurmPeriodicUsagePolicy policy) => new()
    {
        ["uuid"] = policy.Uuid,
        ["url"] = links.To("marketplace-slurm-periodic-usage-policies", policy.Uuid),
        ["scope"] = links.Offering(policy.Offering.Uuid),
        ["scope_name"] = policy.Offering.Name,
        ["scope_uuid"] = policy.Offering.Uuid,
        ["actions"] = policy.Actions,
        ["created"] = Formats.Iso(policy.Created),
        ["created_by_full_name"] = "",
        ["created_by_username"] = "",
        ["has_fired"] = false,
        ["fired_datetime"] = Formats.Iso(policy.Created),
        ["affected_resources_count"] = 0,
        ["component_limits_set"] = new JsonArray(policy.ComponentLimits.Select(l => (JsonNode)new JsonObject { ["type"] = l.Key, ["limit"] = l.Value }).ToArray()),
        ["period"] = policy.Period,
        ["period_name"] = policy.Period switch { 1 => "Total", 2 => "Annual", 3 => "Monthly", _ => "Quarterly" },
        ["limit_type"] = policy.LimitType,
        ["qos_strategy"] = policy.QosStrategy,
        ["warnings"] = new JsonArray(),
    };
}
