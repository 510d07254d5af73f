using System.Text.Json.Nodes;
using SiteAgent.Waldur.Emulator.Http;
using SiteAgent.Waldur.Emulator.State;

namespace SiteAgent.Waldur.Emulator.Routes;

/// <summary>/api/marketplace-provider-resources/: what the provider (the agent) reads and writes on resources.</summary>
internal static class ProviderResourceRoutes
{
    private const string Base = "/api/marketplace-provider-resources/";

    public static void Map(ApiRouteTable routes)
    {
        routes.Get(Base, "marketplace_provider_resources_list", ResourceQueries.List);
        routes.Get(Base + "{uuid}/", "marketplace_provider_resources_retrieve", ResourceQueries.Retrieve);
        routes.Get(Base + "{uuid}/team/", "marketplace_provider_resources_team_list", ResourceQueries.Team);
        routes.Post(Base + "{uuid}/refresh_last_sync/", "marketplace_provider_resources_refresh_last_sync", c => Change(c, r => r.LastSync = c.State.Now, null));
        routes.Post(Base + "{uuid}/set_as_ok/", "marketplace_provider_resources_set_as_ok", c => Change(c, r =>
        {
            r.State = ResourceStates.Ok;
            r.ErrorMessage = r.ErrorTraceback = "";
        }, null));
        routes.Post(Base + "{uuid}/set_as_erred/", "marketplace_provider_resources_set_as_erred", c => Change(c, r =>
        {
            r.State = ResourceStates.Erred;
            r.ErrorMessage = RequestBody.Text(c.BodyObject(), "error_message") ?? "";
            r.ErrorTraceback = RequestBody.Text(c.BodyObject(), "error_traceback") ?? "";
        }, null));
        routes.Post(Base + "{uuid}/set_backend_id/", "marketplace_provider_resources_set_backend_id",
            c => Change(c, r => r.BackendId = RequestBody.Text(c.BodyObject(), "backend_id") ?? "", "Resource backend_id has been changed."));
        routes.Post(Base + "{uuid}/set_effective_id/", "marketplace_provider_resources_set_effective_id",
            c => Change(c, r => r.EffectiveId = RequestBody.Text(c.BodyObject(), "effective_id") ?? "", "Resource effective_id has been changed."));
        routes.Post(Base + "{uuid}/set_backend_metadata/", "marketplace_provider_resources_set_backend_metadata",
            c => Change(c, r => r.BackendMetadata = (JsonObject)(c.BodyObject()["backend_metadata"]?.DeepClone() ?? new JsonObject()), "Resource backend_metadata has been changed."));
        routes.Post(Base + "{uuid}/set_limits/", "marketplace_provider_resources_set_limits",
            c => Change(c, r => r.Limits = RequestBody.Limits(c.BodyObject(), "limits"), "Resource limits have been changed."));
        routes.Post(Base + "{uuid}/set_endpoints/", "marketplace_provider_resources_set_endpoints", c => Change(c, r =>
        {
            r.Endpoints.Clear();
            foreach (var e in c.BodyObject()["endpoints"] as JsonArray ?? [])
                if (e is JsonObject endpoint)
                    r.Endpoints.Add(new ResourceEndpoint { Name = RequestBody.Text(endpoint, "name") ?? "", Url = RequestBody.Text(endpoint, "url") ?? "" });
        }, "Resource endpoints have been changed."));
        routes.Post(Base + "{uuid}/set_end_date/", "marketplace_provider_resources_set_end_date", c => SetEndDate(c));
        routes.Post(Base + "{uuid}/set_membership_sync_statuses/", "marketplace_provider_resources_set_membership_sync_statuses",
            SetMembershipSyncStatuses, since81: true);
    }

    /// <summary>Applies a change; answers <c>Status</c> when the schema declares one, else an empty 200.</summary>
    private static ApiResult Change(ApiContext c, Action<Resource> change, string? status)
    {
        var resource = c.Lookup(c.State.Resources);
        change(resource);
        c.State.Touch(resource);
        return status is null ? ApiResult.Empty() : ApiResult.Status200(status);
    }

    /// <summary>Shared by the provider and consumer set_end_date actions.</summary>
    public static ApiResult SetEndDate(ApiContext c) => Change(c, r =>
    {
        r.EndDate = RequestBody.Text(c.BodyObject(), "end_date") is { } text ? DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : null;
        r.EndDateUpdatedAt = c.State.Now;
    }, null);

    /// <summary>
    /// 8.1.x: stores per-user membership statuses; 409 unless the offering opted in (as the agent expects).
    /// Answers <c>{"stored": n, "skipped": [...]}</c>: the skipped entries echoed back as strings, like Waldur.
    /// </summary>
    private static ApiResult SetMembershipSyncStatuses(ApiContext c)
    {
        var resource = c.Lookup(c.State.Resources);
        if (resource.Offering.PluginOptions["enable_membership_sync_status"] is not JsonValue v || !v.TryGetValue<bool>(out var on) || !on)
            throw ApiError.Detail(409, "Membership sync status reporting is not enabled for this offering.");
        if (c.BodyObject()["statuses"] is not JsonArray statuses) throw ApiError.Field("statuses", "This field is required.");
        var stored = 0;
        var skipped = new JsonArray();
        resource.MembershipSyncStatuses = [];
        foreach (var status in statuses.Select(item => item as JsonObject ?? []))
        {
            var username = RequestBody.Text(status, "username");
            if (username is { Length: > 0 } && RequestBody.Text(status, "state") is not null)
            {
                resource.MembershipSyncStatuses.Add(status.DeepClone());
                stored++;
            }
            else skipped.Add(username ?? RequestBody.Text(status, "user_uuid") ?? "");
        }
        c.State.Touch(resource);
        return ApiResult.Ok(new JsonObject { ["stored"] = stored, ["skipped"] = skipped });
    }
}
