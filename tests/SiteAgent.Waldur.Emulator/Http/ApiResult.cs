using System.Text.Json.Nodes;

namespace SiteAgent.Waldur.Emulator.Http;

/// <summary>What a handler answers: a status, an optional JSON body and extra headers.</summary>
/// <param name="Status">HTTP status.</param>
/// <param name="Body">JSON body; null writes an empty body.</param>
/// <param name="Headers">Extra response headers (e.g. Link, X-Result-Count).</param>
public sealed record ApiResult(int Status, JsonNode? Body = null, IReadOnlyDictionary<string, string>? Headers = null)
{
    /// <summary>200 with a body.</summary>
    public static ApiResult Ok(JsonNode body) => new(200, body);

    /// <summary>201 with a body.</summary>
    public static ApiResult Created(JsonNode body) => new(201, body);

    /// <summary>A status without a body (Waldur's action endpoints answer like this).</summary>
    public static ApiResult Empty(int status = 200) => new(status);

    /// <summary>200 <c>{"status": "…"}</c>, the <c>Status</c> schema of set_backend_id and friends.</summary>
    public static ApiResult Status200(string status) => Ok(new JsonObject { ["status"] = status });
}
