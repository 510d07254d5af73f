using System.Text.Json.Nodes;

namespace SiteAgent.Waldur.Emulator.Http;

/// <summary>An error answer in DRF's shape, thrown by handlers and written by the pipeline.</summary>
public sealed class ApiError(int status, JsonNode body) : Exception(body.ToJsonString())
{
    /// <summary>HTTP status to answer with.</summary>
    public int Status { get; } = status;

    /// <summary>DRF-style body: <c>{"detail": …}</c> or <c>{"field": ["message"]}</c>.</summary>
    public JsonNode Body { get; } = body;

    /// <summary>404 <c>{"detail": "Not found."}</c>, what DRF answers for an unknown uuid.</summary>
    public static ApiError NotFound() => Detail(404, "Not found.");

    /// <summary>An error with a <c>detail</c> message.</summary>
    public static ApiError Detail(int status, string message) => new(status, new JsonObject { ["detail"] = message });

    /// <summary>400 with one field message, e.g. <c>{"backend_id": ["This field is required."]}</c>.</summary>
    public static ApiError Field(string field, string message) =>
        new(400, new JsonObject { [field] = new JsonArray(message) });

    /// <summary>409 as Waldur's StateValidator raises it (IncorrectStateException) for a transition from a wrong state.</summary>
    public static ApiError InvalidState(params string[] validStates) =>
        Detail(409, $"Valid states for operation: {string.Join(", ", validStates)}.");
}
