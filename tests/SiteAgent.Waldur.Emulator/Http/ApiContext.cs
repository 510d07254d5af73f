using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SiteAgent.Waldur.Emulator.State;

namespace SiteAgent.Waldur.Emulator.Http;

/// <summary>Everything a handler needs about one request.</summary>
public sealed class ApiContext(HttpContext http, EmulatorState state, ApiLinks links, EmulatorOptions options,
    IReadOnlyDictionary<string, string> routeValues, JsonNode? body, User user)
{
    public HttpContext Http { get; } = http;
    public EmulatorState State { get; } = state;
    public ApiLinks Links { get; } = links;
    public EmulatorOptions Options { get; } = options;
    public JsonNode? Body { get; } = body;

    /// <summary>The user the request's token belongs to.</summary>
    public User User { get; } = user;

    /// <summary>A path parameter as written in the URL.</summary>
    public string Route(string name) => routeValues[name];

    /// <summary>Finds the entity named by the <c>{uuid}</c> path segment, or answers 404 like DRF.</summary>
    public T Lookup<T>(EntitySet<T> set, string parameter = "uuid") where T : Entity =>
        set.Find(Route(parameter)) ?? throw ApiError.NotFound();

    /// <summary>Every value of a query key; comma-separated values are split (Waldur's <c>explode: false</c> filters).</summary>
    public IReadOnlyList<string> QueryAll(string name) =>
        Http.Request.Query.TryGetValue(name, out var values)
            ? values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)).ToList()
            : [];

    /// <summary>The first value of a query key, or null.</summary>
    public string? Query(string name) => Http.Request.Query.TryGetValue(name, out var v) && v.Count > 0 ? v[0] : null;

    /// <summary>A boolean filter; DRF accepts true/false/1/0 in any case. A bad value is a 400 like django-filter's.</summary>
    public bool? QueryBool(string name) => Query(name)?.ToLowerInvariant() switch
    {
        null => null,
        "true" or "1" => true,
        "false" or "0" => false,
        _ => throw ApiError.Field(name, "Select a valid choice."),
    };

    /// <summary>A uuid filter normalised to hex; a malformed one is a 400 like django-filter's.</summary>
    public string? QueryUuid(string name) => Query(name) is { } raw
        ? Entity.NormalizeUuid(raw) ?? throw ApiError.Field(name, "Enter a valid UUID.")
        : null;

    /// <summary>A date filter (YYYY-MM-DD).</summary>
    public DateOnly? QueryDate(string name) => Query(name) is { } raw
        ? DateOnly.TryParseExact(raw[..Math.Min(raw.Length, 10)], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : throw ApiError.Field(name, "Enter a valid date.")
        : null;

    /// <summary>The object body, or an empty object when none was sent (the contract check already rejected other shapes).</summary>
    public JsonObject BodyObject() => Body as JsonObject ?? [];
}
