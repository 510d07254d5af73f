using System.Text.Json.Nodes;
using SiteAgent.Waldur.Emulator.Http;
using SiteAgent.Waldur.Emulator.Presenters;
using SiteAgent.Waldur.Emulator.State;

namespace SiteAgent.Waldur.Emulator.Routes;

/// <summary>8.1.x /api/marketplace-resource-api-keys/: not in the 8.0.9 contract, so bodies are checked by hand.</summary>
internal static class ApiKeyRoutes
{
    private const string Base = "/api/marketplace-resource-api-keys/";

    /// <summary>django's <c>modified_before</c>: true when absent or the key changed strictly before it; a malformed instant is a 400.</summary>
    private static bool ModifiedBefore(ApiContext c, ResourceApiKey key) =>
        c.Query("modified_before") is not { } text
        || (DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var before)
            ? key.Modified < before
            : throw ApiError.Field("modified_before", "Enter a valid date/time."));

    public static void Map(ApiRouteTable routes)
    {
        routes.Get(Base, "marketplace_resource_api_keys_list", c => Paging.List(c,
            c.State.ApiKeys.Where(k => Filters.Uuid(c, "resource_uuid", k.Resource.Uuid) && Filters.Uuid(c, "offering_uuid", k.Resource.Offering.Uuid)
                && (c.QueryAll("state") is not { Count: > 0 } states || states.Contains(k.State)) && ModifiedBefore(c, k)),
            k => AccountPresenter.ApiKey(c.Links, k)), since81: true);
        routes.Post(Base + "report_created/", "marketplace_resource_api_keys_report_created", c =>
        {
            var body = c.Body as JsonObject ?? throw ApiError.Detail(400, "Expected a dictionary of items.");
            var resource = c.State.Resources.Find(RequestBody.Required(body, "resource")) ?? throw ApiError.Field("resource", "Resource does not exist.");
            var clientId = RequestBody.Required(body, "client_id");
            if (c.State.ApiKeys.Any(k => k.Resource == resource && k.ClientId == clientId))
                throw ApiError.Field("client_id", "API key with this client_id already exists for the resource.");
            var key = c.State.Add(c.State.ApiKeys, new ResourceApiKey { Resource = resource, ClientId = clientId, ApiKey = RequestBody.Required(body, "api_key") });
            return ApiResult.Created(AccountPresenter.ApiKey(c.Links, key));
        }, since81: true);
        routes.Post(Base + "{uuid}/set_key/", "marketplace_resource_api_keys_set_key", c =>
        {
            var key = c.Lookup(c.State.ApiKeys);
            var body = c.BodyObject();
            key.ApiKey = RequestBody.Required(body, "api_key");
            key.ClientId = RequestBody.Text(body, "client_id") ?? key.ClientId;
            key.State = "OK";
            key.ErrorMessage = "";
            c.State.Touch(key);
            return ApiResult.Ok(AccountPresenter.ApiKey(c.Links, key));
        }, since81: true);
        routes.Post(Base + "{uuid}/set_erred/", "marketplace_resource_api_keys_set_erred", c =>
        {
            var key = c.Lookup(c.State.ApiKeys);
            key.State = "Erred";
            key.ErrorMessage = RequestBody.Text(c.BodyObject(), "error_message") ?? "";
            c.State.Touch(key);
            return ApiResult.Ok(AccountPresenter.ApiKey(c.Links, key));
        }, since81: true);
    }
}
