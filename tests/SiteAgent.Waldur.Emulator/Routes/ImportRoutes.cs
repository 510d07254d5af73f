using System.Text.Json.Nodes;
using SiteAgent.Waldur.Emulator.Http;
using SiteAgent.Waldur.Emulator.Presenters;
using SiteAgent.Waldur.Emulator.State;

namespace SiteAgent.Waldur.Emulator.Routes;

/// <summary>Resource import (backend resources and their requests) and SLURM periodic usage policies.</summary>
internal static class ImportRoutes
{
    private const string Requests = "/api/backend-resource-requests/";

    public static void Map(ApiRouteTable routes)
    {
        routes.Get(Requests + "{uuid}/", "backend_resource_requests_retrieve",
            c => ApiResult.Ok(ImportPresenter.Request(c.Links, c.Lookup(c.State.BackendResourceRequests))));
        routes.Post(Requests + "{uuid}/start_processing/", "backend_resource_requests_start_processing", c => Move(c, "Sent", "Processing", r => r.Started = c.State.Now));
        routes.Post(Requests + "{uuid}/set_done/", "backend_resource_requests_set_done", c => Move(c, "Processing", "Done", r => r.Finished = c.State.Now));
        routes.Post(Requests + "{uuid}/set_erred/", "backend_resource_requests_set_erred", c => Move(c, null, "Erred", r =>
        {
            r.Finished = c.State.Now;
            r.ErrorMessage = RequestBody.Text(c.BodyObject(), "error_message") ?? "";
            r.ErrorTraceback = RequestBody.Text(c.BodyObject(), "error_traceback") ?? "";
        }));
        routes.Get("/api/backend-resources/", "backend_resources_list", c => Paging.List(c,
            c.State.BackendResources.Where(b => Filters.Exact(c, "backend_id", b.BackendId) && Filters.Uuid(c, "project_uuid", b.Project.Uuid)
                && Filters.Uuid(c, "offering_uuid", b.Offering.Uuid) && Filters.Contains(c, "name", b.Name) && Filters.Exact(c, "name_exact", b.Name)),
            b => ImportPresenter.BackendResource(c.Links, b)));
        routes.Post("/api/backend-resources/", "backend_resources_create", CreateBackendResource);
        routes.Get("/api/marketplace-slurm-periodic-usage-policies/", "marketplace_slurm_periodic_usage_policies_list", c => Paging.List(c,
            c.State.SlurmPolicies.Where(p => Filters.Uuid(c, "scope_uuid", p.Offering.Uuid)
                && (c.Query("scope") is not { } scope || EmulatorState.LastSegment(scope) == p.Offering.Uuid)),
            p => ImportPresenter.Policy(c.Links, p)));
        routes.Post("/api/marketplace-slurm-periodic-usage-policies/{uuid}/report-command-result/",
            "marketplace_slurm_periodic_usage_policies_report_command_result", c =>
            {
                var policy = c.Lookup(c.State.SlurmPolicies);
                var result = (JsonObject)c.BodyObject().DeepClone();
                result["reported_at"] = Formats.Iso(c.State.Now);
                policy.CommandResults.Add(result);
                c.State.Touch(policy);
                return ApiResult.Empty();
            });
    }

    private static ApiResult Move(ApiContext c, string? from, string to, Action<BackendResourceRequest> effect)
    {
        var request = c.Lookup(c.State.BackendResourceRequests);
        if (from is not null && request.State != from) throw ApiError.InvalidState(from);
        request.State = to;
        effect(request);
        c.State.Touch(request);
        return ApiResult.Status200($"Backend resource request is {to.ToLowerInvariant()}.");
    }

    private static ApiResult CreateBackendResource(ApiContext c)
    {
        var body = c.BodyObject();
        var project = c.State.Projects.Find(RequestBody.Required(body, "project")) ?? throw ApiError.Field("project", "Project does not exist.");
        var offering = c.State.Offerings.Find(RequestBody.Required(body, "offering")) ?? throw ApiError.Field("offering", "Offering does not exist.");
        var resource = c.State.Add(c.State.BackendResources, new BackendResource
        {
            Name = RequestBody.Required(body, "name"),
            Project = project,
            Offering = offering,
            BackendId = RequestBody.Text(body, "backend_id") ?? "",
            BackendMetadata = (JsonObject?)body["backend_metadata"]?.DeepClone() ?? [],
        });
        return ApiResult.Created(ImportPresenter.BackendResource(c.Links, resource));
    }
}
