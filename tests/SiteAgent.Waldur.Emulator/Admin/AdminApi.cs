using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SiteAgent.Waldur.Emulator.Faults;
using SiteAgent.Waldur.Emulator.Http;
using SiteAgent.Waldur.Emulator.Scenario;

namespace SiteAgent.Waldur.Emulator.Admin;

/// <summary>The <c>/__admin/</c> API: scenarios, state dump, reset, request log, contract violations, faults, tokens.</summary>
/// <remarks>Unauthenticated on purpose: the emulator listens on 127.0.0.1 only and is test tooling.</remarks>
public sealed class AdminApi(EmulatorPipeline pipeline)
{
    private static readonly JsonSerializerOptions FaultJson = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow };

    /// <summary>Serves one admin request.</summary>
    public ApiResult Handle(HttpContext http, string? body)
    {
        var path = (http.Request.Path.Value ?? "")["/__admin".Length..].TrimEnd('/');
        var method = http.Request.Method.ToUpperInvariant();
        try
        {
            return (method, path) switch
            {
                ("GET", "/health") => ApiResult.Ok(new JsonObject { ["status"] = "ok" }),
                ("GET", "/state") => Locked(() => ApiResult.Ok(StateDump.Build(pipeline.State, Links(http)))),
                ("POST", "/scenario") => Seed(http, body),
                ("POST", "/reset") => Done(pipeline.ResetAll),
                ("GET", "/requests") => ApiResult.Ok(Requests(http)),
                ("DELETE", "/requests") => Done(pipeline.Log.ClearEntries),
                ("GET", "/violations") => ApiResult.Ok(new JsonArray(pipeline.Log.Violations.Select(v => (JsonNode)v.ToJson()).ToArray())),
                ("DELETE", "/violations") => Done(pipeline.Log.ClearViolations),
                ("GET", "/faults") => ApiResult.Ok(pipeline.Faults.Describe()),
                ("POST", "/faults") => AddFault(body),
                ("DELETE", "/faults") => Done(pipeline.Faults.Clear),
                ("POST", "/tokens") => AddToken(body),
                ("POST", "/oidc/expire") => ApiResult.Ok(new JsonObject { ["expired"] = pipeline.Auth.ExpireIssued() }),
                ("DELETE", _) when path.StartsWith("/faults/", StringComparison.Ordinal) => RemoveFault(path["/faults/".Length..]),
                ("PATCH", _) when path.StartsWith("/resources/", StringComparison.Ordinal) => PatchResource(path["/resources/".Length..], body),
                _ => new ApiResult(404, new JsonObject { ["detail"] = $"No admin endpoint {method} /__admin{path}/." }),
            };
        }
        catch (Exception e) when (e is ScenarioException or ArgumentException or JsonException or InvalidOperationException)
        {
            return new ApiResult(400, new JsonObject { ["detail"] = e.Message });
        }
    }

    private ApiResult Locked(Func<ApiResult> action)
    {
        lock (pipeline.State.Sync) return action();
    }

    private static ApiResult Done(Action action)
    {
        action();
        return ApiResult.Empty(204);
    }

    private ApiResult Seed(HttpContext http, string? body)
    {
        if (string.IsNullOrWhiteSpace(body)) throw new ArgumentException("the request body must hold a scenario (YAML or JSON)");
        var format = http.Request.Query["format"].ToString();
        bool? yaml = format == "yaml" ? true : format == "json" ? false : (http.Request.ContentType ?? "").Contains("yaml", StringComparison.OrdinalIgnoreCase) ? true : null;
        var root = ScenarioDocument.Parse(body, yaml, "posted scenario");
        return Locked(() =>
        {
            if (http.Request.Query["reset"] == "true") pipeline.Reset();
            ScenarioSeeder.Seed(pipeline.State, root, "posted scenario");
            return ApiResult.Ok(new JsonObject { ["status"] = "seeded" });
        });
    }

    private JsonArray Requests(HttpContext http)
    {
        var since = long.TryParse(http.Request.Query["since"], CultureInfo.InvariantCulture, out var s) ? s : 0;
        var prefix = http.Request.Query["path"].ToString();
        return new JsonArray(pipeline.Log.Entries.Where(e => e.Sequence > since && e.Path.StartsWith(prefix, StringComparison.Ordinal))
            .Select(e => (JsonNode)e.ToJson()).ToArray());
    }

    private ApiResult AddFault(string? body)
    {
        var rule = JsonSerializer.Deserialize<FaultRule>(body ?? "", FaultJson) ?? throw new ArgumentException("the body must be a fault rule");
        return ApiResult.Created(new JsonObject { ["id"] = pipeline.Faults.Add(rule) });
    }

    private ApiResult RemoveFault(string id) =>
        int.TryParse(id, CultureInfo.InvariantCulture, out var number) && pipeline.Faults.Remove(number)
            ? ApiResult.Empty(204)
            : new ApiResult(404, ApiError.NotFound().Body);

    /// <summary>
    /// Changes what a consumer or staff would change in Waldur's UI: <c>{"paused": bool, "downscaled": bool,
    /// "restrict_member_access": bool, "state": "OK"}</c> (each optional).
    /// </summary>
    private ApiResult PatchResource(string key, string? body)
    {
        var patch = JsonNode.Parse(body ?? "") as JsonObject ?? throw new ArgumentException("expected a JSON object of resource fields");
        foreach (var name in patch.Select(p => p.Key))
        {
            if (name is not ("paused" or "downscaled" or "restrict_member_access" or "state"))
                throw new ArgumentException($"resource field {name} cannot be changed here (paused, downscaled, restrict_member_access, state)");
        }

        return Locked(() =>
        {
            var resource = pipeline.State.FindResource(key) ?? throw new ArgumentException($"resource {key} does not exist");
            resource.Paused = Flag(patch, "paused") ?? resource.Paused;
            resource.Downscaled = Flag(patch, "downscaled") ?? resource.Downscaled;
            resource.RestrictMemberAccess = Flag(patch, "restrict_member_access") ?? resource.RestrictMemberAccess;
            resource.State = patch["state"]?.GetValue<string>() ?? resource.State;
            pipeline.State.Touch(resource);
            return ApiResult.Ok(new JsonObject { ["uuid"] = resource.Uuid, ["paused"] = resource.Paused, ["downscaled"] = resource.Downscaled, ["state"] = resource.State });
        });
    }

    private static bool? Flag(JsonObject patch, string name) => patch[name] is JsonValue value ? value.GetValue<bool>() : null;

    private ApiResult AddToken(string? body)
    {
        var obj = JsonNode.Parse(body ?? "") as JsonObject ?? throw new ArgumentException("expected {\"token\": …, \"user\": …}");
        var token = obj["token"]?.GetValue<string>() ?? throw new ArgumentException("token is required");
        var username = obj["user"]?.GetValue<string>() ?? throw new ArgumentException("user is required");
        return Locked(() =>
        {
            pipeline.State.Tokens[token] = pipeline.State.FindUser(username) ?? throw new ArgumentException($"user {username} does not exist");
            return ApiResult.Created(new JsonObject { ["token"] = token, ["user"] = username });
        });
    }

    private static ApiLinks Links(HttpContext http) => new($"{http.Request.Scheme}://{http.Request.Host}");
}
