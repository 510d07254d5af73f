using System.Text.Json;
using System.Text.Json.Nodes;

namespace SiteAgent.Waldur.Tests.Infrastructure;

/// <summary>
/// Builds example payloads from the schema, as Waldur could send them: <see cref="Full"/> fills every
/// property; <see cref="Sparse"/> writes null for every property the schema does not require (even
/// non-nullable ones, as trimmed or older answers do), keeping only uuid and an order's state.
/// </summary>
internal sealed class SchemaExamples(OpenApiDocument document, bool sparse)
{
    private const int MaxDepth = 6;

    public static SchemaExamples Full { get; } = new(OpenApiDocument.Default, sparse: false);

    public static SchemaExamples Sparse { get; } = new(OpenApiDocument.Default, sparse: true);

    public JsonNode? Example(JsonElement schema) => Build(schema, 0, null);

    private JsonNode? Build(JsonElement schema, int depth, string? componentName)
    {
        componentName = OpenApiDocument.ReferenceName(schema) ?? componentName;
        schema = document.Resolve(schema);
        if (schema.TryGetProperty("allOf", out var allOf))
        {
            return Build(allOf[0], depth, componentName);
        }

        if (schema.TryGetProperty("oneOf", out var oneOf))
        {
            return Build(oneOf[0], depth, componentName);
        }

        if (schema.TryGetProperty("enum", out var values))
        {
            var first = values[0];
            return first.ValueKind == JsonValueKind.Null ? null : JsonNode.Parse(first.GetRawText());
        }

        var type = schema.TryGetProperty("type", out var t) ? t.GetString() : "object";
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        switch (type)
        {
            case "array":
                return depth > MaxDepth ? new JsonArray() : new JsonArray(Build(schema.GetProperty("items"), depth + 1, null));
            case "integer":
                return JsonValue.Create(1);
            case "number":
                return JsonValue.Create(1.5);
            case "boolean":
                return JsonValue.Create(true);
            case "string":
                return JsonValue.Create(format switch
                {
                    "uuid" => "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
                    "date-time" => "2025-05-01T12:34:56.123456+00:00",
                    "date" => "2025-05-01",
                    "decimal" => "100.1300",
                    "uri" => "https://waldur.example.com/api/objects/0f1e2d3c4b5a69788796a5b4c3d2e1f0/",
                    "email" => "user@example.com",
                    "ipv4" => "192.0.2.1",
                    _ => "text",
                });
        }

        var obj = new JsonObject();
        if (depth > MaxDepth)
        {
            return obj;
        }

        var required = schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(x => x.GetString()).ToHashSet() : [];
        if (schema.TryGetProperty("properties", out var properties))
        {
            foreach (var property in properties.EnumerateObject())
            {
                var keep = !sparse || required.Contains(property.Name) || property.Name == "uuid"
                    || (property.Name == "state" && componentName == "OrderDetails");
                obj[property.Name] = keep ? Build(property.Value, depth + 1, null) : null;
            }
        }
        else if (schema.TryGetProperty("additionalProperties", out var additional))
        {
            obj["cpu"] = additional.ValueKind == JsonValueKind.Object ? Build(additional, depth + 1, null) : JsonValue.Create("text");
        }

        return obj;
    }
}
