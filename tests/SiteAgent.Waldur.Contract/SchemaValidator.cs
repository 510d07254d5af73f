using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace SiteAgent.Waldur.Contract;

/// <summary>Which side of an exchange a JSON document belongs to; decides readOnly/writeOnly checks.</summary>
public enum SchemaDirection
{
    Request,
    Response,
}

/// <summary>The rule a value broke; lets callers (the emulator's DRF-style 400s) phrase their own message.</summary>
public enum SchemaErrorCode
{
    Type,
    Null,
    Enum,
    Required,
    Format,
    Pattern,
    MaxLength,
    MinLength,
    Minimum,
    Maximum,
    NoAlternative,
    ReadOnly,
    WriteOnly,
    Undeclared,
    NotAllowed,
}

/// <summary>A schema mismatch at a JSON path, before it is tied to an operation.</summary>
/// <param name="JsonPath">Where, e.g. <c>$.limits.cpu</c>.</param>
/// <param name="Message">What, e.g. <c>expected integer, got string</c>.</param>
/// <param name="Code">Which rule.</param>
/// <param name="Argument">The rule's parameter: expected type, format, bound or the missing property name.</param>
public sealed record SchemaError(string JsonPath, string Message, SchemaErrorCode Code = SchemaErrorCode.Type, string? Argument = null)
{
    /// <summary>Renders as <c>$.path: message</c>.</summary>
    public override string ToString() => $"{JsonPath}: {Message}";
}

/// <summary>Validates JSON values against OpenAPI 3.0 schemas as Microsoft.OpenApi reads them.</summary>
/// <remarks>
/// <c>oneOf</c> is checked as "at least one alternative matches": DRF's generated alternatives are not
/// exclusive (nine <c>OrderCreateRequest.attributes</c> alternatives accept the same object, see
/// operations.md), so "exactly one" would reject valid orders. Undeclared properties are reported when
/// <see cref="StrictProperties"/> is set, unless the schema says <c>additionalProperties: true</c>, because
/// DRF silently ignores unknown request keys and a client typo would otherwise go unnoticed.
/// </remarks>
public sealed partial class SchemaValidator(SchemaDirection direction, bool strictProperties = true)
{
    /// <summary>The side being validated.</summary>
    public SchemaDirection Direction { get; } = direction;

    /// <summary>Whether properties that the schema does not declare are errors.</summary>
    public bool StrictProperties { get; } = strictProperties;

    /// <summary>Validates <paramref name="value"/> and returns every mismatch (empty when valid).</summary>
    public IReadOnlyList<SchemaError> Validate(JsonNode? value, IOpenApiSchema schema, string path = "$")
    {
        var errors = new List<SchemaError>();
        Check(value, schema, path, errors, checkUndeclared: true);
        return errors;
    }

    private void Check(JsonNode? value, IOpenApiSchema schema, string path, List<SchemaError> errors, bool checkUndeclared)
    {
        if (value is null)
        {
            CheckNull(schema, path, errors);
            return;
        }
        if (schema.AllOf is { Count: > 0 } allOf)
            foreach (var part in allOf)
                Check(value, part, path, errors, checkUndeclared: false);
        var alternatives = schema.OneOf is { Count: > 0 } ? schema.OneOf : schema.AnyOf;
        if (alternatives is { Count: > 0 })
            CheckAlternatives(value, alternatives, path, errors);
        if (schema.Enum is { Count: > 0 } values && !values.Any(e => JsonNode.DeepEquals(e, value)))
        {
            errors.Add(new(path, $"value {Render(value)} not in enum {RenderEnum(values)}", SchemaErrorCode.Enum, Render(value)));
            return;
        }
        if (schema.Type == JsonSchemaType.Null)
        {
            // NullEnum: the only legal value is null.
            errors.Add(new(path, $"expected null, got {KindName(value, value.GetValueKind())}", SchemaErrorCode.Type, "null"));
            return;
        }
        if (SchemaTraits.BaseType(schema) is { } type && !CheckType(value, type, path, errors)) return;
        switch (value)
        {
            case JsonObject obj:
                CheckObject(obj, schema, path, errors, checkUndeclared || schema.AllOf is { Count: > 0 });
                break;
            case JsonArray array when schema.Items is { } items:
                for (var i = 0; i < array.Count; i++)
                    Check(array[i], items, $"{path}[{i}]", errors, checkUndeclared: true);
                break;
            case JsonValue scalar:
                CheckScalar(scalar, schema, path, errors);
                break;
        }
    }

    private void CheckNull(IOpenApiSchema schema, string path, List<SchemaError> errors)
    {
        if (SchemaTraits.IsNullable(schema)) return;
        if (schema.Enum is { Count: > 0 } values && values.Any(v => v is null)) return;
        var alternatives = schema.OneOf is { Count: > 0 } ? schema.OneOf : schema.AnyOf;
        if (alternatives is { Count: > 0 })
        {
            CheckAlternatives(null, alternatives, path, errors);
            return;
        }
        if (schema.AllOf is { Count: > 0 } allOf)
        {
            foreach (var part in allOf) CheckNull(part, path, errors);
            return;
        }
        if (SchemaTraits.BaseType(schema) is { } type)
            errors.Add(new(path, $"expected {SchemaTraits.TypeName(type)}, got null", SchemaErrorCode.Null, SchemaTraits.TypeName(type)));
    }

    private void CheckAlternatives(JsonNode? value, IList<IOpenApiSchema> alternatives, string path, List<SchemaError> errors)
    {
        List<SchemaError>? best = null;
        foreach (var alternative in alternatives)
        {
            var attempt = new List<SchemaError>();
            Check(value, alternative, path, attempt, checkUndeclared: true);
            if (attempt.Count == 0) return;
            if (best is null || attempt.Count < best.Count) best = attempt;
        }
        var names = string.Join(", ", alternatives.Select(SchemaTraits.Describe));
        var reason = best is { Count: > 0 } ? $" (closest: {best[0]})" : "";
        errors.Add(new(path, $"value {Render(value)} matches none of [{names}]{reason}", best is { Count: > 0 } ? best[0].Code : SchemaErrorCode.NoAlternative, best is { Count: > 0 } ? best[0].Argument : names));
    }

    private void CheckObject(JsonObject obj, IOpenApiSchema schema, string path, List<SchemaError> errors, bool checkUndeclared)
    {
        var declared = SchemaTraits.AllProperties(schema).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().Value);
        foreach (var (name, child) in obj)
        {
            var childPath = AppendProperty(path, name);
            if (schema.Properties?.TryGetValue(name, out var propertySchema) == true)
            {
                if (Direction == SchemaDirection.Request && propertySchema.ReadOnly)
                    errors.Add(new(childPath, "property is read-only and must not be sent", SchemaErrorCode.ReadOnly));
                else if (Direction == SchemaDirection.Response && propertySchema.WriteOnly)
                    errors.Add(new(childPath, "property is write-only and must not be returned", SchemaErrorCode.WriteOnly));
                Check(child, propertySchema, childPath, errors, checkUndeclared: true);
            }
            else if (schema.AdditionalProperties is { } valueSchema)
                Check(child, valueSchema, childPath, errors, checkUndeclared: true);
            else if (!schema.AdditionalPropertiesAllowed)
                errors.Add(new(childPath, "property is not allowed (additionalProperties: false)", SchemaErrorCode.NotAllowed));
            else if (checkUndeclared && StrictProperties && declared.Count > 0 && !declared.ContainsKey(name) && !IsOpen(schema))
                errors.Add(new(childPath, $"property is not declared by {SchemaTraits.Describe(schema)}", SchemaErrorCode.Undeclared));
        }
        foreach (var required in schema.Required ?? new HashSet<string>())
            if (!obj.ContainsKey(required))
                errors.Add(new(path, $"required property \"{required}\" is missing", SchemaErrorCode.Required, required));
    }

    private static bool IsOpen(IOpenApiSchema schema) =>
        SchemaTraits.IsExplicitlyOpen(schema) || (schema.AllOf?.Any(IsOpen) ?? false);

    private static bool CheckType(JsonNode value, JsonSchemaType type, string path, List<SchemaError> errors)
    {
        var kind = value.GetValueKind();
        var ok = kind switch
        {
            JsonValueKind.Object => type.HasFlag(JsonSchemaType.Object),
            JsonValueKind.Array => type.HasFlag(JsonSchemaType.Array),
            JsonValueKind.String => type.HasFlag(JsonSchemaType.String),
            JsonValueKind.True or JsonValueKind.False => type.HasFlag(JsonSchemaType.Boolean),
            JsonValueKind.Number => type.HasFlag(JsonSchemaType.Number) || (type.HasFlag(JsonSchemaType.Integer) && IsIntegral(value)),
            _ => false,
        };
        if (!ok)
            errors.Add(new(path, $"expected {SchemaTraits.TypeName(type)}, got {KindName(value, kind)}", SchemaErrorCode.Type, SchemaTraits.TypeName(type)));
        return ok;
    }

    private static bool IsIntegral(JsonNode value) =>
        JsonNumbers.TryGetDecimal(value, out var d) ? decimal.Truncate(d) == d : value.AsValue().TryGetValue<double>(out var x) && Math.Floor(x) == x;

    private static string KindName(JsonNode value, JsonValueKind kind) => kind switch
    {
        JsonValueKind.Number => IsIntegral(value) ? "integer" : "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>Appends a property to a JSON path, quoting names that are not plain identifiers.</summary>
    public static string AppendProperty(string path, string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? $"{path}.{name}" : $"{path}['{name}']";

    /// <summary>Renders a JSON value for a message, truncated.</summary>
    public static string Render(JsonNode? value)
    {
        var text = value?.ToJsonString() ?? "null";
        return text.Length > 80 ? text[..77] + "..." : text;
    }

    private static string RenderEnum(IList<JsonNode> values)
    {
        var shown = values.Take(12).Select(v => v?.ToJsonString() ?? "null");
        return values.Count > 12 ? $"[{string.Join(", ", shown)}, ... {values.Count} values]" : $"[{string.Join(", ", shown)}]";
    }
}
