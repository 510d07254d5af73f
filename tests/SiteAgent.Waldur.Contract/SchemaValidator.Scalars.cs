using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;

namespace SiteAgent.Waldur.Contract;

/// <summary>String formats, patterns, lengths and numeric bounds.</summary>
public sealed partial class SchemaValidator
{
    private static readonly ConcurrentDictionary<string, Regex> Patterns = new();

    private static void CheckScalar(JsonValue value, IOpenApiSchema schema, string path, List<SchemaError> errors)
    {
        if (value.TryGetValue<string>(out var text))
        {
            if (schema.Format is { } format && !FormatHolds(format, text))
                errors.Add(new(path, $"value {Render(value)} is not a valid {format}", SchemaErrorCode.Format, format));
            if (schema.Pattern is { } pattern && !Patterns.GetOrAdd(pattern, p => new Regex(p, RegexOptions.CultureInvariant)).IsMatch(text))
                errors.Add(new(path, $"value {Render(value)} does not match pattern {pattern}", SchemaErrorCode.Pattern, pattern));
            if (schema.MaxLength is { } max && text.Length > max)
                errors.Add(new(path, $"length {text.Length} exceeds maxLength {max}", SchemaErrorCode.MaxLength, max.ToString(CultureInfo.InvariantCulture)));
            if (schema.MinLength is { } min && text.Length < min)
                errors.Add(new(path, $"length {text.Length} is below minLength {min}", SchemaErrorCode.MinLength, min.ToString(CultureInfo.InvariantCulture)));
            return;
        }
        if (!JsonNumbers.TryGetDecimal(value, out var number)) return;
        if (Bound(schema.Minimum) is { } minimum && number < minimum)
            errors.Add(new(path, $"value {number} is below minimum {minimum}", SchemaErrorCode.Minimum, minimum.ToString(CultureInfo.InvariantCulture)));
        if (Bound(schema.Maximum) is { } maximum && number > maximum)
            errors.Add(new(path, $"value {number} exceeds maximum {maximum}", SchemaErrorCode.Maximum, maximum.ToString(CultureInfo.InvariantCulture)));
    }

    private static decimal? Bound(string? text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>Whether a string satisfies an OpenAPI format; unknown formats always hold.</summary>
    /// <remarks>uri and email accept "": DRF renders blank URL/e-mail fields as empty strings.</remarks>
    public static bool FormatHolds(string format, string text) => format switch
    {
        "uuid" => IsUuid(text),
        "date-time" => IsDateTime(text),
        "date" => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "decimal" => DecimalText().IsMatch(text),
        "uri" => text.Length == 0 || Uri.TryCreate(text, UriKind.Absolute, out _),
        "email" => text.Length == 0 || (text.IndexOf('@') is > 0 and var at && at < text.Length - 1 && !text.Contains(' ')),
        "ipv4" => System.Net.IPAddress.TryParse(text, out var v4) && v4.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork,
        "ipv6" => System.Net.IPAddress.TryParse(text, out var v6) && v6.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6,
        _ => true,
    };

    /// <summary>32 hex digits or the dashed 8-4-4-4-12 form; Waldur accepts both.</summary>
    public static bool IsUuid(string text) =>
        (text.Length == 32 && text.All(char.IsAsciiHexDigit)) ||
        (text.Length == 36 && Guid.TryParseExact(text, "D", out _));

    /// <summary>RFC 3339 date-time: a date, 'T', a time and a zone (Z or ±hh:mm); naive times are rejected.</summary>
    public static bool IsDateTime(string text) =>
        DateTimeText().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")]
    private static partial Regex DateTimeText();

    [GeneratedRegex(@"^-?\d+(\.\d+)?$")]
    private static partial Regex DecimalText();
}
