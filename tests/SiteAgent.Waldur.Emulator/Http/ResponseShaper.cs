using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using SiteAgent.Waldur.Contract;

namespace SiteAgent.Waldur.Emulator.Http;

/// <summary>Turns a presenter's object into exactly what the response schema declares, honouring <c>field=</c>.</summary>
/// <remarks>
/// Properties come out in schema order (DRF prints serializer order); declared ones the presenter did not set
/// get <see cref="SchemaDefaults"/>; with <c>field=</c> only the requested ones are kept, as Waldur's sparse
/// fieldsets do. A presenter property the schema does not declare is a bug in the emulator and throws.
/// </remarks>
public static class ResponseShaper
{
    private static readonly ConcurrentDictionary<IOpenApiSchema, DeclaredProperties> Declared = new(ReferenceEqualityComparer.Instance);

    /// <summary>Shapes a whole body (an object or an array of objects) for the given response schema.</summary>
    public static JsonNode? Shape(JsonNode? body, IOpenApiSchema schema, IReadOnlySet<string>? fields)
    {
        if (body is JsonArray array && schema.Items is { } items)
        {
            var shaped = new JsonArray();
            foreach (var item in array)
                shaped.Add(item is JsonObject obj ? ShapeObject(obj, items, fields) : item?.DeepClone());
            return shaped;
        }
        return body is JsonObject single ? ShapeObject(single, schema, fields) : body;
    }

    private static JsonObject ShapeObject(JsonObject source, IOpenApiSchema schema, IReadOnlySet<string>? fields)
    {
        var declared = Properties(schema);
        // A free-form object (declared properties or not) is returned as stored, as Waldur's JSON fields are.
        if (declared.List.Length == 0 || SchemaTraits.IsExplicitlyOpen(schema)) return (JsonObject)source.DeepClone();
        foreach (var (name, _) in source)
            if (!declared.Names.Contains(name))
                throw new InvalidOperationException($"emulator bug: property {name} is not declared by {SchemaTraits.Describe(schema)}");
        var result = new JsonObject();
        foreach (var (name, propertySchema) in declared.List)
        {
            if (fields is not null && !fields.Contains(name)) continue;
            result[name] = source.TryGetPropertyValue(name, out var value) ? Nested(value, propertySchema) : SchemaDefaults.For(propertySchema);
        }
        return result;
    }

    private static JsonNode? Nested(JsonNode? value, IOpenApiSchema schema)
    {
        var target = schema.AllOf is { Count: 1 } ? schema.AllOf[0] : schema;
        return value switch
        {
            JsonObject obj when Properties(target).List.Length > 0 => ShapeObject(obj, target, null),
            JsonArray array when target.Items is { } items && Properties(items).List.Length > 0 =>
                new JsonArray(array.Select(i => i is JsonObject o ? ShapeObject(o, items, null) : i?.DeepClone()).ToArray()),
            _ => value?.DeepClone(),
        };
    }

    private static DeclaredProperties Properties(IOpenApiSchema schema) =>
        Declared.GetOrAdd(schema, s =>
        {
            var list = SchemaTraits.AllProperties(s).DistinctBy(p => p.Key).ToArray();
            return new DeclaredProperties(list, list.Select(p => p.Key).ToHashSet(StringComparer.Ordinal));
        });

    private sealed record DeclaredProperties(KeyValuePair<string, IOpenApiSchema>[] List, HashSet<string> Names);
}
