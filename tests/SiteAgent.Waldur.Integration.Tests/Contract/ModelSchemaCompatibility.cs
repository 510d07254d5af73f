using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using SiteAgent.Waldur.Contract;
using SiteAgent.Waldur.Json;

namespace SiteAgent.Waldur.Integration.Tests.Contract;

/// <summary>
/// Walks a client model (as <see cref="WaldurJsonContext"/> serializes it) alongside its OpenAPI schema
/// (as Microsoft.OpenApi reads it) and lists every property the schema lacks or types differently.
/// </summary>
/// <remarks>
/// Compatible means: every value the model can hold is one the schema allows in that place, and every
/// value the schema allows can be read into the model, modulo the documented leniencies (decimals from
/// strings or numbers, uuid strings in any form, enums kept as strings).
/// </remarks>
internal sealed class ModelSchemaCompatibility(IReadOnlySet<string> beyondSchema)
{
    private readonly List<string> _problems = [];
    private readonly HashSet<(Type, object)> _visited = [];

    public IReadOnlyList<string> Check(Type model, IOpenApiSchema schema, string path)
    {
        Compare(model, schema, path);
        return _problems;
    }

    private void Compare(Type type, IOpenApiSchema schema, string path)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(JsonElement) || typeof(JsonNode).IsAssignableFrom(type))
        {
            return;
        }

        var alternatives = (schema.OneOf is { Count: > 0 } ? schema.OneOf : schema.AnyOf)?.Where(a => !IsNullOnly(a)).ToList();
        if (alternatives is { Count: > 0 })
        {
            var fits = alternatives.Select(a => new ModelSchemaCompatibility(beyondSchema).Check(type, a, path)).ToList();
            if (fits.All(f => f.Count > 0))
            {
                _problems.AddRange(fits.OrderBy(f => f.Count).First());
            }

            return;
        }

        var json = EffectiveType(schema);
        var format = schema.Format ?? schema.AllOf?.Select(p => p.Format).FirstOrDefault(f => f is not null);
        var expected = Expected(type);
        if (expected is null)
        {
            CompareObject(type, schema, json, path);
        }
        else if (json is not { } actual || (actual & expected.Value.Types) == 0 || !expected.Value.Formats(format, actual))
        {
            _problems.Add($"{path}: {type.Name} cannot hold {(json is { } t ? SchemaTraits.TypeName(t) : "a typeless schema")}{(format is null ? "" : $" ({format})")}");
        }
        else if (Element(type) is { } item)
        {
            var items = actual.HasFlag(JsonSchemaType.Array) ? schema.Items ?? schema.AllOf?.Select(p => p.Items).FirstOrDefault(i => i is not null) : schema.AdditionalProperties;
            if (items is not null)
            {
                Compare(item, items, path + "[]");
            }
        }
    }

    private void CompareObject(Type type, IOpenApiSchema schema, JsonSchemaType? json, string path)
    {
        if (json is { } t && !t.HasFlag(JsonSchemaType.Object))
        {
            _problems.Add($"{path}: {type.Name} is an object, the schema says {SchemaTraits.TypeName(t)}");
            return;
        }

        if (!_visited.Add((type, SchemaTraits.Name(schema) ?? (object)RuntimeHelpers.GetHashCode(schema))))
        {
            return;
        }

        var declared = SchemaTraits.AllProperties(schema).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().Value);
        if (declared.Count == 0 && SchemaTraits.IsExplicitlyOpen(schema))
        {
            return; // a free-form object ("additionalProperties: true") holds any property of any type
        }

        var info = WaldurJsonContext.Default.GetTypeInfo(type) ?? throw new InvalidOperationException($"{type.Name} is not in WaldurJsonContext");
        foreach (var property in info.Properties.Where(p => !p.IsExtensionData))
        {
            var where = $"{path}.{property.Name}";
            if (declared.TryGetValue(property.Name, out var propertySchema))
            {
                Compare(property.PropertyType, propertySchema, where);
            }
            else if (!beyondSchema.Contains(where))
            {
                _problems.Add($"{where}: not a property of the schema");
            }
        }
    }

    private static JsonSchemaType? EffectiveType(IOpenApiSchema schema)
    {
        if (SchemaTraits.BaseType(schema) is { } own)
        {
            return own;
        }

        if (schema.Enum is { Count: > 0 } values)
        {
            return values.Where(v => v is not null).Select(v => v!.GetValueKind()).Distinct().ToList() switch
            {
                [JsonValueKind.String] => JsonSchemaType.String,
                [JsonValueKind.Number] => JsonSchemaType.Integer | JsonSchemaType.Number,
                _ => null,
            };
        }

        return schema.AllOf?.Select(EffectiveType).FirstOrDefault(t => t is not null)
            ?? (schema.Properties is { Count: > 0 } ? JsonSchemaType.Object : null);
    }

    private static bool IsNullOnly(IOpenApiSchema schema) =>
        schema.Enum is { Count: > 0 } values && values.All(v => v is null || v.GetValueKind() == JsonValueKind.Null);

    private static (JsonSchemaType Types, Func<string?, JsonSchemaType, bool> Formats)? Expected(Type type) => type switch
    {
        _ when type == typeof(string) => (JsonSchemaType.String, (_, _) => true),
        _ when type == typeof(Guid) => (JsonSchemaType.String, (f, _) => f is null or "uuid"),
        _ when type == typeof(bool) => (JsonSchemaType.Boolean, (_, _) => true),
        _ when type == typeof(int) || type == typeof(long) => (JsonSchemaType.Integer, (_, _) => true),
        _ when type == typeof(double) => (JsonSchemaType.Number | JsonSchemaType.Integer, (_, _) => true),
        _ when type == typeof(decimal) => (JsonSchemaType.Number | JsonSchemaType.Integer | JsonSchemaType.String, (f, t) => t != JsonSchemaType.String || f == "decimal"),
        _ when type == typeof(DateTimeOffset) => (JsonSchemaType.String, (f, _) => f == "date-time"),
        _ when type == typeof(DateOnly) => (JsonSchemaType.String, (f, _) => f == "date"),
        _ when Dictionary(type) is not null => (JsonSchemaType.Object, (_, _) => true),
        _ when List(type) is not null => (JsonSchemaType.Array, (_, _) => true),
        _ => null,
    };

    private static Type? Element(Type type) => Dictionary(type) ?? List(type);

    private static Type? Dictionary(Type type) =>
        type.IsGenericType && type.GetGenericArguments() is [var key, var value] && key == typeof(string)
            && type.GetInterfaces().Append(type).Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
            ? value
            : null;

    private static Type? List(Type type) =>
        type != typeof(string) && Dictionary(type) is null
            ? type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0]
            : null;
}
