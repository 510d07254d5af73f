using System.Globalization;
using System.Text.Json.Nodes;
using SiteAgent.Waldur.Contract;

namespace SiteAgent.Waldur.Emulator.Scenario;

/// <summary>Typed access to scenario objects that rejects unknown keys with a "did you mean" hint.</summary>
internal sealed class ScenarioReader(string source)
{
    public string Source { get; } = source;

    public IEnumerable<(JsonObject Item, string Path)> Items(JsonObject root, string section)
    {
        if (root[section] is null) yield break;
        if (root[section] is not JsonArray list) throw Error(section, "must be a list");
        for (var i = 0; i < list.Count; i++)
            yield return (list[i] as JsonObject ?? throw Error($"{section}[{i}]", "must be a mapping"), $"{section}[{i}]");
    }

    public void Keys(JsonObject obj, string path, params string[] allowed)
    {
        foreach (var (key, _) in obj)
            if (!allowed.Contains(key))
                throw Error($"{path}.{key}", $"unknown key{Hint(key, allowed)}");
    }

    public string? Text(JsonObject obj, string key, string path) => obj[key] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v => v.ToJsonString(),
        _ => throw Error($"{path}.{key}", "must be a scalar"),
    };

    public string Required(JsonObject obj, string key, string path) => Text(obj, key, path) ?? throw Error($"{path}.{key}", "is required");

    public long? Long(JsonObject obj, string key, string path) => obj[key] switch
    {
        null => null,
        var v when JsonNumbers.TryGetInteger(v, out var n) => n,
        _ => throw Error($"{path}.{key}", "must be an integer"),
    };

    public bool? Bool(JsonObject obj, string key, string path) => obj[key] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        _ => throw Error($"{path}.{key}", "must be true or false"),
    };

    public decimal? Decimal(JsonObject obj, string key, string path) => obj[key] switch
    {
        null => null,
        var v when JsonNumbers.TryGetDecimal(v, out var d) => d,
        JsonValue v when v.TryGetValue<string>(out var s) && decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => throw Error($"{path}.{key}", "must be a number"),
    };

    public DateOnly? Date(JsonObject obj, string key, string path) => Text(obj, key, path) is { } text
        ? DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : throw Error($"{path}.{key}", "must be a date YYYY-MM-DD")
        : null;

    public JsonObject Map(JsonObject obj, string key, string path) => obj[key] switch
    {
        null => [],
        JsonObject map => (JsonObject)map.DeepClone(),
        _ => throw Error($"{path}.{key}", "must be a mapping"),
    };

    public Dictionary<string, long> LongMap(JsonObject obj, string key, string path) =>
        Map(obj, key, path).ToDictionary(p => p.Key, p => JsonNumbers.TryGetInteger(p.Value, out var n) ? n : throw Error($"{path}.{key}.{p.Key}", "must be an integer"));

    public JsonArray List(JsonObject obj, string key, string path) => obj[key] switch
    {
        null => [],
        JsonArray list => (JsonArray)list.DeepClone(),
        _ => throw Error($"{path}.{key}", "must be a list"),
    };

    public string Uuid(JsonObject obj, string path) => Text(obj, "uuid", path) is { } text
        ? State.Entity.NormalizeUuid(text) ?? throw Error($"{path}.uuid", $"\"{text}\" is not a uuid")
        : State.Entity.NewUuid();

    public ScenarioException Error(string path, string message) => new($"{Source}: {path}: {message}");

    private static string Hint(string key, string[] allowed)
    {
        var best = allowed.OrderBy(a => Distance(a, key)).FirstOrDefault();
        return best is not null && Distance(best, key) <= Math.Max(2, key.Length / 3) ? $" (typo? did you mean \"{best}\")" : $" (allowed: {string.Join(", ", allowed)})";
    }

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
        return d[a.Length, b.Length];
    }
}
