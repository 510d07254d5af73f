using System.Text.Json.Nodes;
using SiteAgent.Waldur.Emulator.Http;
using SiteAgent.Waldur.Emulator.State;

namespace SiteAgent.Waldur.Emulator.Presenters;

/// <summary>Offerings, their components, plans and per-offering account lists.</summary>
public static class OfferingPresenter
{
    public static JsonObject Offering(ApiLinks links, Offering offering) => new()
    {
        ["url"] = links.Offering(offering.Uuid),
        ["uuid"] = offering.Uuid,
        ["created"] = Formats.Iso(offering.Created),
        ["name"] = offering.Name,
        ["slug"] = offering.Slug,
        ["description"] = offering.Description,
        ["partitions"] = offering.Partitions.DeepClone(),
        ["customer"] = links.Customer(offering.Customer.Uuid),
        ["customer_uuid"] = offering.Customer.Uuid,
        ["customer_name"] = offering.Customer.Name,
        ["attributes"] = offering.Attributes.DeepClone(),
        ["components"] = new JsonArray(offering.Components.Select(c => (JsonNode)Component(offering, c)).ToArray()),
        ["plugin_options"] = offering.PluginOptions.DeepClone(),
        ["state"] = offering.State,
        ["plans"] = new JsonArray(offering.Plans.Select(p => (JsonNode)PublicPlan(links, p)).ToArray()),
        ["type"] = offering.Type,
        ["shared"] = offering.Shared,
        ["billable"] = offering.Billable,
        ["backend_id"] = offering.BackendId,
        ["backend_metadata"] = offering.BackendMetadata.DeepClone(),
        ["country"] = "",
    };

    public static JsonObject Component(Offering offering, OfferingComponent component)
    {
        var obj = new JsonObject
        {
            ["uuid"] = component.Uuid,
            ["offering_uuid"] = offering.Uuid,
            ["billing_type"] = component.BillingType,
            ["type"] = component.Type,
            ["name"] = component.Name,
            ["description"] = component.Description,
            ["measured_unit"] = component.MeasuredUnit,
            ["unit_factor"] = component.UnitFactor ?? 1,
            ["limit_period"] = component.LimitPeriod,
            ["limit_amount"] = component.LimitAmount,
            ["article_code"] = component.ArticleCode,
            ["max_value"] = component.MaxValue,
            ["min_value"] = component.MinValue,
            ["max_available_limit"] = component.MaxAvailableLimit,
            ["is_boolean"] = component.IsBoolean,
            ["default_limit"] = component.DefaultLimit,
            ["is_prepaid"] = component.IsPrepaid,
        };
        foreach (var (key, value) in component.Durations) obj[key] = value?.DeepClone();
        return obj;
    }

    /// <summary>A plan as the public plan list and offering details show it (<c>BasePublicPlan</c>/<c>BaseProviderPlan</c>: no <c>offering</c> link).</summary>
    public static JsonObject PublicPlan(ApiLinks links, Plan plan)
    {
        var obj = Plan(links, plan);
        obj.Remove("offering");
        return obj;
    }

    /// <summary>A plan as <c>ProviderPlanDetails</c>.</summary>
    public static JsonObject Plan(ApiLinks links, Plan plan) => new()
    {
        ["url"] = links.Plan(plan.Uuid),
        ["uuid"] = plan.Uuid,
        ["name"] = plan.Name,
        ["description"] = plan.Description,
        ["article_code"] = plan.ArticleCode,
        ["max_amount"] = plan.MaxAmount,
        ["archived"] = plan.Archived,
        ["is_active"] = !plan.Archived,
        ["unit_price"] = plan.UnitPrice,
        ["unit"] = plan.Unit,
        ["init_price"] = 0.0,
        ["switch_price"] = 0.0,
        ["backend_id"] = plan.BackendId,
        ["components"] = new JsonArray(plan.Offering.Components.Select(c => (JsonNode)new JsonObject
        {
            ["type"] = c.Type,
            ["name"] = c.Name,
            ["measured_unit"] = c.MeasuredUnit,
            ["amount"] = plan.Quotas.GetValueOrDefault(c.Type),
            ["price"] = plan.Prices.GetValueOrDefault(c.Type, "0.00"),
        }).ToArray()),
        ["offering"] = links.Offering(plan.Offering.Uuid),
        ["prices"] = StringMap(plan.Prices),
        ["quotas"] = Formats.Map(plan.Quotas),
        ["plan_type"] = plan.Quotas.Count > 0 ? "limit" : "usage",
        ["minimal_price"] = plan.UnitPrice,
    };

    public static JsonObject AttributeConfig(Offering offering)
    {
        var obj = new JsonObject
        {
            ["uuid"] = offering.Uuid,
            ["created"] = Formats.Iso(offering.Created),
            ["modified"] = Formats.Iso(offering.Modified),
            ["exposed_fields"] = Formats.Strings(offering.ExposedFields),
            ["is_default"] = false,
            ["offering_uuid"] = offering.Uuid,
            ["offering_name"] = offering.Name,
        };
        foreach (var field in offering.ExposedFields) obj[$"expose_{field}"] = true;
        return obj;
    }

    public static JsonObject ServiceAccount(ApiLinks links, ProjectServiceAccount account) => new()
    {
        ["url"] = links.To("marketplace-project-service-accounts", account.Uuid),
        ["uuid"] = account.Uuid,
        ["created"] = Formats.Iso(account.Created),
        ["modified"] = Formats.Iso(account.Modified),
        ["username"] = account.Username,
        ["description"] = account.Description,
        ["error_message"] = "",
        ["error_traceback"] = "",
        ["state"] = account.State,
        ["token"] = null,
        ["email"] = account.Email,
        ["expires_at"] = null,
        ["project"] = account.Project.Uuid,
        ["project_uuid"] = account.Project.Uuid,
        ["project_name"] = account.Project.Name,
        ["customer_uuid"] = account.Project.Customer.Uuid,
        ["customer_name"] = account.Project.Customer.Name,
        ["customer_abbreviation"] = account.Project.Customer.Abbreviation,
    };

    public static JsonObject CourseAccount(ApiLinks links, CourseAccount account) => new()
    {
        ["url"] = links.To("marketplace-course-accounts", account.Uuid),
        ["uuid"] = account.Uuid,
        ["created"] = Formats.Iso(account.Created),
        ["modified"] = Formats.Iso(account.Modified),
        ["project"] = account.Project.Uuid,
        ["project_uuid"] = account.Project.Uuid,
        ["project_name"] = account.Project.Name,
        ["project_slug"] = account.Project.Slug,
        ["project_start_date"] = Formats.Date(account.Project.StartDate),
        ["project_end_date"] = Formats.Date(account.Project.EndDate),
        ["user_uuid"] = account.User?.Uuid ?? new string('0', 32),
        ["username"] = account.Username,
        ["customer_uuid"] = account.Project.Customer.Uuid,
        ["customer_name"] = account.Project.Customer.Name,
        ["state"] = account.State,
        ["email"] = account.Email,
        ["description"] = account.Description,
        ["error_message"] = "",
        ["error_traceback"] = "",
    };

    private static JsonObject StringMap(Dictionary<string, string> values)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in values) obj[key] = value;
        return obj;
    }
}
