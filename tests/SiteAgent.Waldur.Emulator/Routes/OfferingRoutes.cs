using System.Text.Json.Nodes;
using SiteAgent.Waldur.Emulator.Http;
using SiteAgent.Waldur.Emulator.Presenters;
using SiteAgent.Waldur.Emulator.State;

namespace SiteAgent.Waldur.Emulator.Routes;

/// <summary>Provider offerings, their components and account lists, and plans.</summary>
internal static class OfferingRoutes
{
    private const string Base = "/api/marketplace-provider-offerings/";

    public static void Map(ApiRouteTable routes)
    {
        routes.Get(Base + "{uuid}/", "marketplace_provider_offerings_retrieve",
            c => ApiResult.Ok(OfferingPresenter.Offering(c.Links, c.Lookup(c.State.Offerings))));
        routes.Get(Base + "{uuid}/user-attribute-config/", "marketplace_provider_offerings_user_attribute_config_retrieve",
            c => ApiResult.Ok(OfferingPresenter.AttributeConfig(c.Lookup(c.State.Offerings))));
        routes.Post(Base + "{uuid}/check_unique_backend_id/", "marketplace_provider_offerings_check_unique_backend_id", CheckUniqueBackendId);
        routes.Post(Base + "{uuid}/create_offering_component/", "marketplace_provider_offerings_create_offering_component", CreateComponent);
        routes.Post(Base + "{uuid}/update_offering_component/", "marketplace_provider_offerings_update_offering_component", UpdateComponent);
        routes.Get(Base + "{uuid}/list_course_accounts/", "marketplace_provider_offerings_list_course_accounts_list", c =>
        {
            var offering = c.Lookup(c.State.Offerings);
            return Paging.List(c, c.State.CourseAccounts.Where(a => a.Offering == offering && Filters.Uuid(c, "project_uuid", a.Project.Uuid)),
                a => OfferingPresenter.CourseAccount(c.Links, a));
        });
        routes.Get(Base + "{uuid}/list_project_service_accounts/", "marketplace_provider_offerings_list_project_service_accounts_list", c =>
        {
            var offering = c.Lookup(c.State.Offerings);
            return Paging.List(c, c.State.ServiceAccounts.Where(a => a.Offering == offering && Filters.Uuid(c, "project_uuid", a.Project.Uuid)),
                a => OfferingPresenter.ServiceAccount(c.Links, a));
        });
        routes.Get("/api/marketplace-plans/{uuid}/", "marketplace_plans_retrieve",
            c => ApiResult.Ok(OfferingPresenter.Plan(c.Links, c.Lookup(c.State.Plans))));
        routes.Get("/api/marketplace-public-offerings/{uuid}/plans/", "marketplace_public_offerings_plans_list", c =>
        {
            var offering = c.Lookup(c.State.Offerings);
            return Paging.List(c, offering.Plans.Where(p => !p.Archived), p => OfferingPresenter.PublicPlan(c.Links, p));
        });
    }

    private static ApiResult CheckUniqueBackendId(ApiContext c)
    {
        var offering = c.Lookup(c.State.Offerings);
        var body = c.BodyObject();
        var backendId = RequestBody.Required(body, "backend_id");
        var everywhere = RequestBody.Flag(body, "check_all_offerings") ?? false;
        var taken = c.State.Resources.Any(r => r.BackendId == backendId && (everywhere || r.Offering == offering) && r.State != ResourceStates.Terminated);
        return ApiResult.Ok(new JsonObject { ["is_unique"] = !taken });
    }

    private static ApiResult CreateComponent(ApiContext c)
    {
        var offering = c.Lookup(c.State.Offerings);
        var body = c.BodyObject();
        var type = RequestBody.Required(body, "type");
        if (offering.Components.Any(x => x.Type == type))
            throw ApiError.Field("type", $"Component with type {type} already exists in this offering.");
        var component = new OfferingComponent { Type = type, Name = RequestBody.Required(body, "name") };
        Apply(component, body);
        offering.Components.Add(component);
        c.State.Touch(offering);
        return ApiResult.Empty(201);
    }

    private static ApiResult UpdateComponent(ApiContext c)
    {
        var offering = c.Lookup(c.State.Offerings);
        var body = c.BodyObject();
        var component = offering.Components.FirstOrDefault(x => x.Uuid == Entity.NormalizeUuid(RequestBody.Text(body, "uuid")))
            ?? throw ApiError.Field("uuid", "Offering component does not exist.");
        component.Type = RequestBody.Required(body, "type");
        component.Name = RequestBody.Required(body, "name");
        Apply(component, body);
        c.State.Touch(offering);
        return ApiResult.Empty();
    }

    /// <summary>Copies the optional component fields present in the body.</summary>
    private static void Apply(OfferingComponent component, JsonObject body)
    {
        component.BillingType = RequestBody.Text(body, "billing_type") ?? component.BillingType;
        component.Description = RequestBody.Text(body, "description") ?? component.Description;
        component.MeasuredUnit = RequestBody.Text(body, "measured_unit") ?? component.MeasuredUnit;
        component.ArticleCode = RequestBody.Text(body, "article_code") ?? component.ArticleCode;
        if (body.ContainsKey("limit_period")) component.LimitPeriod = RequestBody.Text(body, "limit_period");
        if (body.ContainsKey("limit_amount")) component.LimitAmount = RequestBody.Number(body, "limit_amount");
        if (body.ContainsKey("unit_factor")) component.UnitFactor = RequestBody.Number(body, "unit_factor");
        if (body.ContainsKey("min_value")) component.MinValue = RequestBody.Number(body, "min_value");
        if (body.ContainsKey("max_value")) component.MaxValue = RequestBody.Number(body, "max_value");
        if (body.ContainsKey("max_available_limit")) component.MaxAvailableLimit = RequestBody.Number(body, "max_available_limit");
        if (body.ContainsKey("default_limit")) component.DefaultLimit = RequestBody.Number(body, "default_limit");
        component.IsBoolean = RequestBody.Flag(body, "is_boolean") ?? component.IsBoolean;
        component.IsPrepaid = RequestBody.Flag(body, "is_prepaid") ?? component.IsPrepaid;
        foreach (var key in new[] { "min_prepaid_duration", "max_prepaid_duration", "prepaid_duration_step", "min_renewal_duration", "max_renewal_duration", "renewal_duration_step", "overage_component" })
            if (body.ContainsKey(key)) component.Durations[key] = body[key]?.DeepClone();
    }
}
