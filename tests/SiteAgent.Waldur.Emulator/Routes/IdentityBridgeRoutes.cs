using System.Text.Json.Nodes;
using SiteAgent.Waldur.Emulator.Http;
using SiteAgent.Waldur.Emulator.State;

namespace SiteAgent.Waldur.Emulator.Routes;

/// <summary>/api/identity-bridge/: profile push from a federated source, allowed fields and removal.</summary>
internal static class IdentityBridgeRoutes
{
    /// <summary>Profile attributes the emulated server accepts through the bridge.</summary>
    public static readonly string[] AllowedFields =
        ["first_name", "last_name", "email", "organization", "affiliations", "phone_number", "identity_source", "civil_number", "gender", "personal_title",
         "birth_date", "place_of_birth", "address", "country_of_residence", "nationality", "nationalities", "organization_country", "organization_type",
         "eduperson_assurance"];

    public static void Map(ApiRouteTable routes)
    {
        routes.Post("/api/identity-bridge/", "identity_bridge", Push);
        routes.Get("/api/identity-bridge/allowed-fields/", "identity_bridge_allowed_fields_retrieve",
            _ => ApiResult.Ok(new JsonObject { ["allowed_fields"] = new JsonArray(AllowedFields.Select(f => (JsonNode?)f).ToArray()) }));
        routes.Post("/api/identity-bridge/remove/", "identity_bridge_remove", c =>
        {
            var body = c.BodyObject();
            var (username, source) = (RequestBody.Required(body, "username"), RequestBody.Required(body, "source"));
            var identity = c.State.BridgedIdentities.FirstOrDefault(i => i.Username == username && i.Source == source) ?? throw ApiError.NotFound();
            identity.Active = false;
            if (c.State.FindUser(username) is { } user) user.IsActive = false;
            c.State.Touch(identity);
            return ApiResult.Ok(new JsonObject { ["uuid"] = (c.State.FindUser(username)?.Uuid ?? identity.Uuid), ["deactivated"] = true });
        });
    }

    /// <summary>Creates or updates the user and reports which allowed fields changed.</summary>
    private static ApiResult Push(ApiContext c)
    {
        var body = c.BodyObject();
        var (username, source) = (RequestBody.Required(body, "username"), RequestBody.Required(body, "source"));
        var identity = c.State.BridgedIdentities.FirstOrDefault(i => i.Username == username && i.Source == source);
        var created = identity is null;
        identity ??= c.State.Add(c.State.BridgedIdentities, new BridgedIdentity { Username = username, Source = source });
        var user = c.State.FindUser(username) ?? c.State.Add(c.State.Users, new User { Username = username, IdentitySource = source });
        var changed = new JsonArray();
        foreach (var field in AllowedFields)
        {
            if (!body.ContainsKey(field) || JsonNode.DeepEquals(identity.Fields[field], body[field])) continue;
            identity.Fields[field] = body[field]?.DeepClone();
            changed.Add(field);
        }
        user.FirstName = RequestBody.Text(identity.Fields, "first_name") ?? user.FirstName;
        user.LastName = RequestBody.Text(identity.Fields, "last_name") ?? user.LastName;
        user.Email = RequestBody.Text(identity.Fields, "email") ?? user.Email;
        user.Organization = RequestBody.Text(identity.Fields, "organization") ?? user.Organization;
        user.IsActive = identity.Active = true;
        c.State.Touch(identity);
        return ApiResult.Ok(new JsonObject { ["uuid"] = user.Uuid, ["created"] = created, ["updated_fields"] = changed });
    }
}
