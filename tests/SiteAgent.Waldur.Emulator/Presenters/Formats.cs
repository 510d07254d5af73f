using System.Globalization;
using System.Text.Json.Nodes;

namespace SiteAgent.Waldur.Emulator.Presenters;

/// <summary>Value formats as Waldur prints them (DRF: ISO date-times with 'Z', decimals as strings).</summary>
public static class Formats
{
    /// <summary>DRF's DateTimeField output: microseconds and 'Z' for UTC.</summary>
    public static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    public static JsonNode? Iso(DateTimeOffset? at) => at is { } v ? Iso(v) : null;

    public static JsonNode? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A decimal as a string with at least two decimals, e.g. "10.00", "0.125".</summary>
    public static string Decimal(decimal value) => value.ToString("0.00########", CultureInfo.InvariantCulture);

    /// <summary>A component → integer map.</summary>
    public static JsonObject Map(IReadOnlyDictionary<string, long> values)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in values) obj[key] = value;
        return obj;
    }

    /// <summary>A string list as a JSON array.</summary>
    public static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)v).ToArray());

    /// <summary>
    /// Usage as Waldur prints it: a decimal string with four places (<c>"0.9800"</c>). The 8.0.9 schema
    /// declares it integer, but the field is decimal; rounding it here would make every fractional usage
    /// look changed (or lower) to a client that compares.
    /// </summary>
    public static string Usage(decimal value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
