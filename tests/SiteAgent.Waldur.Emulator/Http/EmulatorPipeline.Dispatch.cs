using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SiteAgent.Waldur.Contract;

namespace SiteAgent.Waldur.Emulator.Http;

/// <summary>Routing, authentication, request validation, the handler call and response shaping.</summary>
public sealed partial class EmulatorPipeline
{
    private static readonly SchemaValidator RequestSchemas = new(SchemaDirection.Request, strictProperties: false);

    private ApiResult Dispatch(HttpContext http, string path, string method, string? requestBody, Action<string> operation)
    {
        try
        {
            if (path == "/oidc/token" && method == "POST")
                return http.Request.HasFormContentType ? Auth.Issue(requestBody) : new ApiResult(400, new JsonObject { ["error"] = "invalid_request" });
            if (!path.StartsWith("/api/", StringComparison.Ordinal)) throw ApiError.NotFound();
            if (!path.EndsWith('/'))
                // Django's APPEND_SLASH answers a slash-less URL with a redirect the agent must not need.
                return new ApiResult(301, null, new Dictionary<string, string> { ["Location"] = path + "/" + http.Request.QueryString.Value });
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            var allowed = new List<string>();
            var route = Routes.Match(method, path, values, allowed);
            if (route is null)
            {
                if (allowed.Count == 0) throw ApiError.NotFound();
                var result = ApiError.Detail(405, $"Method \"{method}\" not allowed.");
                return new ApiResult(405, result.Body, new Dictionary<string, string> { ["Allow"] = string.Join(", ", allowed.Distinct()) });
            }
            if (route.Since81 && !Options.EnableWaldur81Operations) throw ApiError.NotFound();
            operation(route.OperationId);
            var user = Auth.Authenticate(http.Request);
            var contract = WaldurContract.Default.FindById(route.OperationId);
            var body = ParseBody(http.Request, requestBody, contract);
            var context = new ApiContext(http, State, new ApiLinks($"{http.Request.Scheme}://{http.Request.Host}"), Options, values, body, user);
            ApiResult answer;
            lock (State.Sync) answer = route.Handler(context);
            return Shape(http, contract, answer);
        }
        catch (ApiError error)
        {
            var headers = error.Status == 401 ? new Dictionary<string, string> { ["WWW-Authenticate"] = "Token" } : null;
            return new ApiResult(error.Status, error.Body, headers);
        }
        catch (Exception error) when (error is InvalidOperationException or KeyNotFoundException or FormatException or NullReferenceException or ArgumentException)
        {
            // An emulator bug: answer like a crashed Django (500) but say what broke, so the failing test shows it.
            return new ApiResult(500, new JsonObject { ["detail"] = $"emulator error: {error.GetType().Name}: {error.Message}" });
        }
    }

    private static JsonNode? ParseBody(HttpRequest request, string? text, ContractOperation? contract)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var mediaType = (request.ContentType ?? "application/json").Split(';')[0].Trim();
        if (mediaType != "application/json")
            throw ApiError.Detail(415, $"Unsupported media type \"{mediaType}\" in request.");
        JsonNode? body;
        try
        {
            body = JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw ApiError.Detail(400, $"JSON parse error - {e.Message}");
        }
        if (contract?.JsonRequestSchema is { } schema && DrfErrors.From(RequestSchemas.Validate(body, schema)) is { } errors)
            throw new ApiError(400, errors);
        return body;
    }

    private static ApiResult Shape(HttpContext http, ContractOperation? contract, ApiResult answer)
    {
        if (answer.Body is null || contract is null || !contract.Responses.TryGetValue(answer.Status, out var response) || response.Schema is null)
            return answer;
        var fields = http.Request.Query.TryGetValue("field", out var requested) && requested.Count > 0
            ? requested.SelectMany(f => (f ?? "").Split(',')).ToHashSet(StringComparer.Ordinal)
            : null;
        return answer with { Body = ResponseShaper.Shape(answer.Body, response.Schema, fields) };
    }
}
