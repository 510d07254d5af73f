using Microsoft.OpenApi;

namespace SiteAgent.Waldur.Contract;

/// <summary>Facts about an OpenAPI schema that the validator and the emulator's response shaper share.</summary>
public static class SchemaTraits
{
    /// <summary>The component name of a <c>$ref</c> schema, or null for an inline one.</summary>
    public static string? Name(IOpenApiSchema schema) => schema is OpenApiSchemaReference r ? r.Reference.Id : null;

    /// <summary>True when JSON null is a legal value (3.0 <c>nullable</c>, including typeless schemas).</summary>
    public static bool IsNullable(IOpenApiSchema schema) =>
        (schema.Type is { } type && type.HasFlag(JsonSchemaType.Null)) || HasMarker(schema, ContractDocumentReader.NullableMarker);

    /// <summary>True when the document says <c>additionalProperties: true</c> explicitly.</summary>
    public static bool IsExplicitlyOpen(IOpenApiSchema schema) => HasMarker(schema, ContractDocumentReader.OpenObjectMarker);

    /// <summary>The declared JSON type without the null flag, or null when the schema names no type.</summary>
    public static JsonSchemaType? BaseType(IOpenApiSchema schema)
    {
        if (schema.Type is not { } type) return null;
        var withoutNull = type & ~JsonSchemaType.Null;
        return withoutNull == 0 ? null : withoutNull;
    }

    /// <summary>Every property declared on the schema or on its <c>allOf</c> parts, recursively.</summary>
    public static IEnumerable<KeyValuePair<string, IOpenApiSchema>> AllProperties(IOpenApiSchema schema)
    {
        if (schema.Properties is { } own)
            foreach (var p in own) yield return p;
        if (schema.AllOf is { } parts)
            foreach (var part in parts)
                foreach (var p in AllProperties(part)) yield return p;
    }

    /// <summary>Short human name used in messages: the component name or the type.</summary>
    public static string Describe(IOpenApiSchema schema) =>
        Name(schema) ?? (BaseType(schema) is { } t ? TypeName(t) : schema.Enum is { Count: > 0 } ? "enum" : "schema");

    /// <summary>Lower-case JSON-schema type name(s) for messages.</summary>
    public static string TypeName(JsonSchemaType type) =>
        string.Join(" or ", Enum.GetValues<JsonSchemaType>().Where(f => f != 0 && type.HasFlag(f)).Select(f => f.ToString().ToLowerInvariant()));

    private static bool HasMarker(IOpenApiSchema schema, string marker) =>
        schema is IOpenApiReadOnlyExtensible { Extensions: { } ext } && ext.ContainsKey(marker);
}
