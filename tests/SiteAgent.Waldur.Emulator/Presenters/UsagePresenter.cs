using System.Text.Json.Nodes;
using SiteAgent.Waldur.Emulator.Http;
using SiteAgent.Waldur.Emulator.State;

namespace SiteAgent.Waldur.Emulator.Presenters;

/// <summary>Component usages, per-user usages and per-user limits.</summary>
public static class UsagePresenter
{
    public static JsonObject ComponentUsage(ComponentUsage usage) => new()
    {
        ["uuid"] = usage.Uuid,
        ["created"] = Formats.Iso(usage.Created),
        ["description"] = usage.Description,
        ["type"] = usage.Component.Type,
        ["name"] = usage.Component.Name,
        ["measured_unit"] = usage.Component.MeasuredUnit,
        ["usage"] = Formats.Usage(usage.Usage),
        ["date"] = Formats.Iso(usage.Date),
        ["recurring"] = usage.Recurring,
        ["resource_name"] = usage.Resource.Name,
        ["resource_uuid"] = usage.Resource.Uuid,
        ["offering_name"] = usage.Resource.Offering.Name,
        ["offering_uuid"] = usage.Resource.Offering.Uuid,
        ["project_name"] = usage.Resource.Project.Name,
        ["project_uuid"] = usage.Resource.Project.Uuid,
        ["customer_name"] = usage.Resource.Project.Customer.Name,
        ["customer_uuid"] = usage.Resource.Project.Customer.Uuid,
        ["billing_period"] = Formats.Date(usage.BillingPeriod),
        ["modified_by"] = null,
    };

    public static JsonObject UserUsage(ApiLinks links, ComponentUserUsage usage)
    {
        var parent = usage.ComponentUsage;
        return new JsonObject
        {
            ["uuid"] = usage.Uuid,
            ["user"] = usage.OfferingUser is { } ou ? links.OfferingUser(ou.Uuid) : "",
            ["username"] = usage.Username,
            ["component_usage"] = links.ComponentUsage(parent.Uuid),
            ["usage"] = Formats.Usage(usage.Usage),
            ["measured_unit"] = parent.Component.MeasuredUnit,
            ["description"] = usage.Description,
            ["created"] = Formats.Iso(usage.Created),
            ["modified"] = Formats.Iso(usage.Modified),
            ["backend_id"] = usage.BackendId,
            ["resource_name"] = parent.Resource.Name,
            ["resource_uuid"] = parent.Resource.Uuid,
            ["offering_name"] = parent.Resource.Offering.Name,
            ["offering_uuid"] = parent.Resource.Offering.Uuid,
            ["project_name"] = parent.Resource.Project.Name,
            ["project_uuid"] = parent.Resource.Project.Uuid,
            ["customer_name"] = parent.Resource.Project.Customer.Name,
            ["customer_uuid"] = parent.Resource.Project.Customer.Uuid,
            ["component_type"] = parent.Component.Type,
            ["date"] = Formats.Iso(usage.Date),
            ["billing_period"] = Formats.Date(parent.BillingPeriod),
        };
    }

    public static JsonObject UserLimit(ApiLinks links, ComponentUserUsageLimit limit) => new()
    {
        ["url"] = links.To("component-user-usage-limits", limit.Uuid),
        ["uuid"] = limit.Uuid,
        ["resource"] = links.Resource(limit.Resource.Uuid),
        ["component"] = limit.Component.Uuid,
        ["component_type"] = limit.Component.Type,
        ["user"] = links.User(limit.User.Uuid),
        ["limit"] = Formats.Decimal(limit.Limit),
    };
}
