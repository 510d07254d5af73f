using System.Globalization;
using System.Text.Json.Nodes;
using SiteAgent.Waldur.Contract;
using SiteAgent.Waldur.Emulator.Http;
using SiteAgent.Waldur.Emulator.State;

namespace SiteAgent.Waldur.Emulator.Routes;

/// <summary>django-filter behaviour shared by list endpoints: uuid lists, choice lists, ordering.</summary>
internal static class Filters
{
    /// <summary>True when the uuid filter is absent or lists <paramref name="uuid"/>; malformed uuids are a 400.</summary>
    public static bool Uuid(ApiContext context, string name, string uuid)
    {
        var values = context.QueryAll(name);
        if (values.Count == 0) return true;
        var wanted = values.Select(v => Entity.NormalizeUuid(v) ?? throw ApiError.Field(name, $"“{v}” is not a valid UUID.")).ToList();
        return wanted.Contains(uuid);
    }

    /// <summary>True when the choice filter is absent or lists <paramref name="value"/>; unknown choices are a 400.</summary>
    public static bool Choice(ApiContext context, string name, string value, IReadOnlyCollection<string> choices)
    {
        var values = context.QueryAll(name);
        foreach (var v in values)
            if (!choices.Contains(v))
                throw ApiError.Field(name, $"Select a valid choice. {v} is not one of the available choices.");
        return values.Count == 0 || values.Contains(value);
    }

    /// <summary>True when the text filter is absent or equal.</summary>
    public static bool Exact(ApiContext context, string name, string? value) =>
        context.Query(name) is not { } wanted || string.Equals(wanted, value, StringComparison.Ordinal);

    /// <summary>True when the text filter is absent or contained case-insensitively (django's icontains).</summary>
    public static bool Contains(ApiContext context, string name, string? value) =>
        context.Query(name) is not { } wanted || (value ?? "").Contains(wanted, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the boolean filter is absent or equal.</summary>
    public static bool Bool(ApiContext context, string name, bool value) => context.QueryBool(name) is not { } wanted || wanted == value;

    /// <summary>Applies <c>o=</c> (leading '-' descending) with the given sort keys, else the default order.</summary>
    public static IEnumerable<T> Order<T>(ApiContext context, IEnumerable<T> items, IReadOnlyDictionary<string, Func<T, IComparable?>> keys, string fallback)
    {
        var requested = context.QueryAll("o");
        var order = requested.Count > 0 ? requested : [fallback];
        IOrderedEnumerable<T>? sorted = null;
        foreach (var term in order)
        {
            var descending = term.StartsWith('-');
            if (!keys.TryGetValue(term.TrimStart('-'), out var key)) continue;
            sorted = sorted is null
                ? descending ? items.OrderByDescending(key) : items.OrderBy(key)
                : descending ? sorted.ThenByDescending(key) : sorted.ThenBy(key);
        }
        return sorted ?? items;
    }
}

/// <summary>Reads request-body values after the contract check has accepted the body's shape.</summary>
internal static class RequestBody
{
    public static string? Text(JsonObject body, string name) => body[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static string Required(JsonObject body, string name) =>
        Text(body, name) ?? throw ApiError.Field(name, "This field is required.");

    public static bool? Flag(JsonObject body, string name) => body[name] is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;

    public static long? Number(JsonObject body, string name) => JsonNumbers.TryGetInteger(body[name], out var n) ? n : null;

    public static decimal? Decimal(JsonObject body, string name) => body[name] switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? d : throw ApiError.Field(name, "A valid number is required."),
        var v when JsonNumbers.TryGetDecimal(v, out var d) => d,
        _ => null,
    };

    /// <summary>A component → integer map; non-integers are a 400 like Waldur's limit validation.</summary>
    public static Dictionary<string, long> Limits(JsonObject body, string name)
    {
        var result = new Dictionary<string, long>();
        if (body[name] is not JsonObject map) return result;
        foreach (var (key, value) in map)
            result[key] = JsonNumbers.TryGetInteger(value, out var n) ? n : throw ApiError.Field(name, $"Limit of {key} must be an integer.");
        return result;
    }

    /// <summary>A date-time value (the contract check already enforced the format).</summary>
    public static DateTimeOffset? Time(JsonObject body, string name) =>
        Text(body, name) is { } s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;
}
