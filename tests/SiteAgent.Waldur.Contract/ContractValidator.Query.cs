using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace SiteAgent.Waldur.Contract;

/// <summary>Query-string checks: declared names, repetition only for arrays, typed values.</summary>
public sealed partial class ContractValidator
{
    private void CheckQuery(ContractOperation operation, IReadOnlyList<KeyValuePair<string, string>> query, List<ContractViolation> violations)
    {
        var id = operation.OperationId;
        foreach (var group in query.GroupBy(q => q.Key, StringComparer.Ordinal))
        {
            if (!operation.QueryParameters.TryGetValue(group.Key, out var parameter))
            {
                violations.Add(new(ViolationKind.UndeclaredQueryParameter, id, "query", group.Key, $"query parameter \"{group.Key}\" is not declared"));
                continue;
            }
            var schema = parameter.Schema;
            if (schema is null) continue;
            var isArray = SchemaTraits.BaseType(schema) is { } t && t.HasFlag(JsonSchemaType.Array);
            if (!isArray && group.Count() > 1)
                violations.Add(new(ViolationKind.InvalidQueryValue, id, "query", group.Key, $"query parameter \"{group.Key}\" is not a list but was repeated"));
            var itemSchema = isArray ? schema.Items ?? schema : schema;
            // explode: false (e.g. offering_uuid) means one key carrying comma-separated values.
            var values = group.SelectMany(q => isArray && !parameter.Explode ? q.Value.Split(',') : [q.Value]);
            foreach (var raw in values)
                foreach (var error in _requests.Validate(Coerce(raw, itemSchema), itemSchema, group.Key))
                    violations.Add(new(ViolationKind.InvalidQueryValue, id, "query", group.Key, error.Message));
        }
    }

    /// <summary>Turns query text into the JSON value the schema expects, so that the schema check applies.</summary>
    private static JsonNode? Coerce(string raw, IOpenApiSchema schema)
    {
        var type = SchemaTraits.BaseType(schema) ?? SchemaTraits.BaseType(schema.AllOf?.FirstOrDefault() ?? schema);
        if (type is { } t && t.HasFlag(JsonSchemaType.Integer) && long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i))
            return JsonValue.Create(i);
        if (type is { } n && n.HasFlag(JsonSchemaType.Number) && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
            return JsonValue.Create(d);
        if (type is { } b && b.HasFlag(JsonSchemaType.Boolean) && raw is "true" or "false")
            return JsonValue.Create(raw == "true");
        return JsonValue.Create(raw);
    }
}
