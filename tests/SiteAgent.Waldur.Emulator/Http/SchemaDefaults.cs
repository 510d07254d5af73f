using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;
using SiteAgent.Waldur.Contract;

namespace SiteAgent.Waldur.Emulator.Http;

/// <summary>Schema-valid filler values for properties the emulator has no real data for.</summary>
/// <remarks>
/// Waldur serializers print every field; most (category icons, cost estimates…) mean nothing to the agent.
/// Filling them from the schema keeps responses complete and contract-valid without hand-writing 90 fields
/// per object: null where the schema allows it, the first enum value, an empty string/list/map otherwise.
/// </remarks>
public static class SchemaDefaults
{
    private const string Epoch = "2024-01-01T00:00:00Z";
    private static readonly ConcurrentDictionary<IOpenApiSchema, JsonNode?> Cache = new(ReferenceEqualityComparer.Instance);

    /// <summary>A fresh default value for the schema (callers may attach it anywhere).</summary>
    public static JsonNode? For(IOpenApiSchema schema) => Cache.GetOrAdd(schema, s => Build(s, 0))?.DeepClone();

    private static JsonNode? Build(IOpenApiSchema schema, int depth)
    {
        if (SchemaTraits.IsNullable(schema)) return null;
        if (schema.Enum is { Count: > 0 } values) return values.FirstOrDefault(v => v is not null)?.DeepClone();
        if (schema.AllOf is { Count: > 0 } allOf) return Build(allOf[0], depth);
        if ((schema.OneOf is { Count: > 0 } ? schema.OneOf : schema.AnyOf) is { Count: > 0 } alternatives) return Build(alternatives[0], depth);
        var type = SchemaTraits.BaseType(schema);
        if (type is null) return null;
        var t = type.Value;
        if (t.HasFlag(JsonSchemaType.String)) return String(schema);
        if (t.HasFlag(JsonSchemaType.Integer)) return JsonValue.Create(long.TryParse(schema.Minimum, out var min) ? Math.Max(min, 0) : 0);
        if (t.HasFlag(JsonSchemaType.Number)) return JsonValue.Create(0.0);
        if (t.HasFlag(JsonSchemaType.Boolean)) return JsonValue.Create(false);
        if (t.HasFlag(JsonSchemaType.Array)) return new JsonArray();
        var obj = new JsonObject();
        if (depth < 3)
            foreach (var (name, property) in SchemaTraits.AllProperties(schema))
                if (schema.Required?.Contains(name) == true) obj[name] = Build(property, depth + 1);
        return obj;
    }

    private static JsonValue String(IOpenApiSchema schema)
    {
        var text = schema.Format switch
        {
            "uuid" => new string('0', 32),
            "date-time" => Epoch,
            "date" => Epoch[..10],
            "decimal" => "0.00",
            "ipv4" => "127.0.0.1",
            "ipv6" => "::1",
            _ => "",
        };
        if (schema.Pattern is { } pattern && !Regex.IsMatch(text, pattern))
            text = new[] { "x", "0", "a-1" }.FirstOrDefault(c => Regex.IsMatch(c, pattern)) ?? text;
        if (schema.MinLength is { } minLength && text.Length < minLength) text = text.PadRight(minLength, 'x');
        return JsonValue.Create(text);
    }
}
