using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SiteAgent.Waldur.Tests.Infrastructure;

/// <summary>
/// A strict-enough JSON Schema check of request bodies against the OpenAPI subset: types, nullable,
/// required and unknown properties, enums, patterns, and the uuid/date/date-time/decimal formats.
/// Returns the problems found (empty when valid).
/// </summary>
internal static partial class SchemaValidator
{
    public static List<string> Validate(JsonElement value, JsonElement schema, string path = "$")
    {
        var problems = new List<string>();
        Check(value, schema, path, problems);
        return problems;
    }

    private static void Check(JsonElement value, JsonElement schema, string path, List<string> problems)
    {
        var document = OpenApiDocument.Default;
        schema = document.Resolve(schema);
        var nullable = schema.TryGetProperty("nullable", out var n) && n.GetBoolean();
        if (value.ValueKind == JsonValueKind.Null)
        {
            var allowsNull = nullable || (schema.TryGetProperty("enum", out var e) && e.EnumerateArray().Any(x => x.ValueKind == JsonValueKind.Null));
            if (!allowsNull && !schema.TryGetProperty("oneOf", out _))
            {
                problems.Add($"{path}: null is not allowed");
            }

            if (schema.TryGetProperty("oneOf", out var alternatives) && !nullable && !alternatives.EnumerateArray().Any(a => Validate(value, a, path).Count == 0))
            {
                problems.Add($"{path}: null matches no alternative");
            }

            return;
        }

        if (schema.TryGetProperty("allOf", out var allOf))
        {
            foreach (var part in allOf.EnumerateArray())
            {
                Check(value, part, path, problems);
            }

            return;
        }

        if (schema.TryGetProperty("oneOf", out var oneOf))
        {
            if (!oneOf.EnumerateArray().Any(a => Validate(value, a, path).Count == 0))
            {
                problems.Add($"{path}: matches no alternative of oneOf");
            }

            return;
        }

        if (schema.TryGetProperty("enum", out var values))
        {
            if (!values.EnumerateArray().Any(v => JsonElement.DeepEquals(v, value)))
            {
                problems.Add($"{path}: {value.GetRawText()} is not one of the enum values");
            }

            return;
        }

        var type = schema.TryGetProperty("type", out var t) ? t.GetString() : null;
        switch (type)
        {
            case "string":
                CheckString(value, schema, path, problems);
                break;
            case "integer":
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out _))
                {
                    problems.Add($"{path}: expected an integer, got {value.GetRawText()}");
                }

                break;
            case "number":
                if (value.ValueKind != JsonValueKind.Number)
                {
                    problems.Add($"{path}: expected a number, got {value.GetRawText()}");
                }

                break;
            case "boolean":
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    problems.Add($"{path}: expected a boolean, got {value.GetRawText()}");
                }

                break;
            case "array":
                if (value.ValueKind != JsonValueKind.Array)
                {
                    problems.Add($"{path}: expected an array");
                    break;
                }

                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Check(item, schema.GetProperty("items"), $"{path}[{index++}]", problems);
                }

                break;
            default:
                CheckObject(value, schema, path, problems);
                break;
        }
    }

    private static void CheckObject(JsonElement value, JsonElement schema, string path, List<string> problems)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{path}: expected an object, got {value.ValueKind}");
            return;
        }

        var properties = schema.TryGetProperty("properties", out var p) ? p : default;
        var additional = schema.TryGetProperty("additionalProperties", out var a) ? a : default;
        foreach (var property in value.EnumerateObject())
        {
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
            {
                if (propertySchema.TryGetProperty("readOnly", out var ro) && ro.GetBoolean())
                {
                    problems.Add($"{path}.{property.Name}: read-only property sent");
                }

                Check(property.Value, propertySchema, $"{path}.{property.Name}", problems);
            }
            else if (additional.ValueKind == JsonValueKind.Object)
            {
                Check(property.Value, additional, $"{path}.{property.Name}", problems);
            }
            else if (additional.ValueKind != JsonValueKind.True)
            {
                problems.Add($"{path}.{property.Name}: not a property of the schema");
            }
        }

        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
            {
                if (!value.TryGetProperty(name, out _))
                {
                    problems.Add($"{path}.{name}: required property missing");
                }
            }
        }
    }

    private static void CheckString(JsonElement value, JsonElement schema, string path, List<string> problems)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add($"{path}: expected a string, got {value.GetRawText()}");
            return;
        }

        var text = value.GetString()!;
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        var valid = format switch
        {
            "uuid" => DashedUuid().IsMatch(text),
            "date" => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            "date-time" => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _) && (text.EndsWith('Z') || OffsetSuffix().IsMatch(text)),
            "uri" => Uri.TryCreate(text, UriKind.Absolute, out _),
            _ => true,
        };
        if (!valid)
        {
            problems.Add($"{path}: '{text}' is not a valid {format}");
        }

        if (schema.TryGetProperty("pattern", out var pattern) && !Regex.IsMatch(text, pattern.GetString()!))
        {
            problems.Add($"{path}: '{text}' does not match {pattern.GetString()}");
        }

        if (schema.TryGetProperty("maxLength", out var max) && text.Length > max.GetInt32())
        {
            problems.Add($"{path}: longer than {max.GetInt32()}");
        }
    }

    [GeneratedRegex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex DashedUuid();

    [GeneratedRegex(@"[+-]\d\d:\d\d$")]
    private static partial Regex OffsetSuffix();
}
