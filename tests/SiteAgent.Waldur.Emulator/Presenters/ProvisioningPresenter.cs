using System.Text.Json.Nodes;
using SiteAgent.Waldur.Emulator.Http;
using SiteAgent.Waldur.Emulator.State;

namespace SiteAgent.Waldur.Emulator.Presenters;

/// <summary>Resources and orders: the fields both share come from the offering, plan and project.</summary>
public static class ProvisioningPresenter
{
    public static JsonObject Resource(ApiLinks links, Resource resource)
    {
        var obj = Common(links, resource.Offering, resource.Plan, resource.Project);
        var components = resource.Offering.Components;
        obj["attributes"] = resource.Attributes.DeepClone();
        obj["limits"] = Formats.Map(resource.Limits);
        obj["uuid"] = resource.Uuid;
        obj["created"] = Formats.Iso(resource.Created);
        obj["modified"] = Formats.Iso(resource.Modified);
        obj["url"] = links.Resource(resource.Uuid);
        obj["description"] = resource.Description;
        obj["state"] = resource.State;
        obj["resource_uuid"] = resource.Uuid;
        obj["backend_id"] = resource.BackendId;
        obj["effective_id"] = resource.EffectiveId;
        obj["resource_type"] = resource.Offering.Type;
        obj["project"] = links.Project(resource.Project.Uuid);
        obj["project_end_date"] = Formats.Date(resource.Project.EndDate);
        obj["project_effective_end_date"] = Formats.Date(resource.Project.EndDate);
        obj["offering_slug"] = resource.Offering.Slug;
        obj["offering_backend_id"] = resource.Offering.BackendId;
        obj["backend_metadata"] = resource.BackendMetadata.DeepClone();
        obj["is_usage_based"] = components.Any(c => c.BillingType == "usage");
        obj["is_limit_based"] = components.Any(c => c.BillingType == "limit");
        obj["name"] = resource.Name;
        obj["slug"] = resource.Slug;
        obj["can_terminate"] = resource.State is ResourceStates.Ok or ResourceStates.Erred;
        obj["end_date"] = Formats.Date(resource.EndDate);
        obj["end_date_updated_at"] = Formats.Iso(resource.EndDateUpdatedAt);
        obj["username"] = null;
        obj["downscaled"] = resource.Downscaled;
        obj["restrict_member_access"] = resource.RestrictMemberAccess;
        obj["paused"] = resource.Paused;
        obj["endpoints"] = new JsonArray(resource.Endpoints.Select(e => (JsonNode)new JsonObject
        {
            ["uuid"] = e.Uuid,
            ["name"] = e.Name,
            ["url"] = e.Url,
        }).ToArray());
        obj["error_message"] = resource.ErrorMessage;
        obj["error_traceback"] = resource.ErrorTraceback;
        obj["last_sync"] = Formats.Iso(resource.LastSync ?? resource.Modified);
        obj["offering_state"] = resource.Offering.State;
        obj["offering_components"] = new JsonArray(components.Select(c => (JsonNode)OfferingPresenter.Component(resource.Offering, c)).ToArray());
        return obj;
    }

    public static JsonObject Order(ApiLinks links, Order order)
    {
        var obj = Common(links, order.Offering, order.Plan, order.Project);
        obj["attributes"] = order.Attributes.DeepClone();
        obj["limits"] = Formats.Map(order.Limits);
        obj["uuid"] = order.Uuid;
        obj["created"] = Formats.Iso(order.Created);
        obj["modified"] = Formats.Iso(order.Modified);
        obj["resource_uuid"] = order.Resource.Uuid;
        obj["resource_type"] = order.Offering.Type;
        obj["resource_name"] = order.Resource.Name;
        obj["cost"] = "0.00";
        obj["state"] = order.State;
        obj["marketplace_resource_uuid"] = order.Resource.Uuid;
        obj["error_message"] = order.ErrorMessage;
        obj["error_traceback"] = order.ErrorTraceback;
        obj["error_updated_at"] = Formats.Iso(order.ErrorUpdatedAt);
        obj["callback_url"] = order.CallbackUrl;
        obj["completed_at"] = Formats.Iso(order.CompletedAt);
        obj["request_comment"] = order.RequestComment;
        obj["type"] = order.Type;
        obj["start_date"] = Formats.Date(order.StartDate);
        obj["slug"] = order.Slug.Length > 0 ? order.Slug : $"{order.Resource.Slug}-{order.Type.ToLowerInvariant()}-{order.Uuid[..6]}";
        obj["url"] = links.Order(order.Uuid);
        obj["provider_reviewed_by"] = order.ProviderReviewedBy?.Uuid;
        obj["provider_reviewed_by_full_name"] = order.ProviderReviewedBy?.FullName;
        obj["provider_reviewed_by_username"] = order.ProviderReviewedBy?.Username;
        obj["provider_reviewed_at"] = Formats.Iso(order.ProviderReviewedAt);
        obj["created_by_username"] = order.CreatedBy?.Username ?? "";
        obj["created_by_full_name"] = order.CreatedBy?.FullName ?? "";
        obj["created_by_civil_number"] = order.CreatedBy?.CivilNumber;
        obj["created_by_email"] = order.CreatedBy?.Email;
        obj["created_by_organization"] = order.CreatedBy?.Organization;
        obj["old_plan_name"] = order.OldPlan?.Name;
        obj["new_plan_name"] = order.Type == OrderTypes.Update ? order.Plan?.Name : null;
        obj["old_plan_uuid"] = order.OldPlan?.Uuid;
        obj["new_plan_uuid"] = order.Type == OrderTypes.Update ? order.Plan?.Uuid : null;
        obj["can_terminate"] = order.State is OrderStates.PendingConsumer or OrderStates.PendingProvider;
        obj["backend_id"] = order.BackendId;
        obj["consumer_rejection_comment"] = order.ConsumerRejectionComment;
        obj["provider_rejection_comment"] = order.ProviderRejectionComment;
        return obj;
    }

    /// <summary>Offering, provider, plan, project and customer fields that Resource and OrderDetails share.</summary>
    private static JsonObject Common(ApiLinks links, Offering offering, Plan? plan, Project project) => new()
    {
        ["offering"] = links.Offering(offering.Uuid),
        ["offering_name"] = offering.Name,
        ["offering_uuid"] = offering.Uuid,
        ["offering_description"] = offering.Description,
        ["offering_type"] = offering.Type,
        ["offering_shared"] = offering.Shared,
        ["offering_billable"] = offering.Billable,
        ["offering_plugin_options"] = offering.PluginOptions.DeepClone(),
        ["provider_name"] = offering.Customer.Name,
        ["provider_uuid"] = offering.Customer.Uuid,
        ["provider_slug"] = offering.Customer.Slug,
        ["plan"] = plan is null ? "" : links.Plan(plan.Uuid),
        ["plan_unit"] = plan?.Unit,
        ["plan_name"] = plan?.Name,
        ["plan_uuid"] = plan?.Uuid,
        ["plan_description"] = plan?.Description,
        ["project_uuid"] = project.Uuid,
        ["project_name"] = project.Name,
        ["project_description"] = project.Description,
        ["project_slug"] = project.Slug,
        ["customer_uuid"] = project.Customer.Uuid,
        ["customer_name"] = project.Customer.Name,
        ["customer_slug"] = project.Customer.Slug,
    };
}
