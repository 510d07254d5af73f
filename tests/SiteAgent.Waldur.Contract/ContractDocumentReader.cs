using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace SiteAgent.Waldur.Contract;

/// <summary>Reads the OpenAPI subset with Microsoft.OpenApi after recording two facts its 3.0 reader drops.</summary>
/// <remarks>
/// Microsoft.OpenApi 3.x folds OpenAPI 3.0 <c>nullable: true</c> into the JSON-schema type flags, so a
/// schema without <c>type</c> (e.g. <c>allOf: [BillingUnit], nullable: true</c>) loses it; and an explicit
/// <c>additionalProperties: true</c> becomes indistinguishable from an absent one. Both matter for
/// validation, so they are copied into <c>x-nullable</c> / <c>x-additional-properties</c> extensions first.
/// Properties the schema declares wrongly (<see cref="Corrections"/>) are corrected at the same time.
/// </remarks>
internal static class ContractDocumentReader
{
    public const string NullableMarker = "x-nullable";
    public const string OpenObjectMarker = "x-additional-properties";

    public static OpenApiDocument Read(string path)
    {
        var root = JsonNode.Parse(File.ReadAllText(path))
            ?? throw new InvalidDataException($"{path}: empty OpenAPI document");
        Correct(root);
        Mark(root);
        var settings = new OpenApiReaderSettings();
        var result = new OpenApiJsonReader().Read(root, new Uri("file:///" + Path.GetFileName(path)), settings);
        if (result.Diagnostic is { Errors.Count: > 0 } diagnostic)
        {
            var first = diagnostic.Errors[0];
            throw new InvalidDataException($"{path}: {diagnostic.Errors.Count} OpenAPI errors, first: {first.Pointer}: {first.Message}");
        }
        return result.Document ?? throw new InvalidDataException($"{path}: no OpenAPI document read");
    }

    /// <summary>
    /// Schema properties whose declared type Waldur does not send. <c>usage</c> of component usages is
    /// declared integer, but it is a decimal field that Waldur prints as a string (<c>"100.0000"</c>):
    /// a fractional usage is the normal case for billing, so both forms are accepted.
    /// </summary>
    public static readonly (string Schema, string Property)[] Corrections =
    [
        ("ComponentUsage", "usage"),
        ("ComponentUserUsage", "usage"),
    ];

    /// <summary>
    /// Schemas declared with a fixed set of properties that are free-form JSON in Waldur. A resource's
    /// <c>backend_metadata</c> holds whatever the agent stored with <c>set_backend_metadata</c> (whose
    /// request takes any object): SLURM's <c>{"qos": …}</c>, for one.
    /// </summary>
    public static readonly string[] OpenSchemas = ["BackendMetadata"];

    /// <summary>
    /// Properties that 8.1.x added to schemas of the 8.0.9 subset, which the agent reads: the offering's
    /// opt-in to membership sync statuses (the 8.1.x action that receives them is already known).
    /// </summary>
    public static readonly (string Schema, string Property, string Type)[] Additions =
    [
        ("MergedPluginOptions", "enable_membership_sync_status", "boolean"),
    ];

    private static void Correct(JsonNode root)
    {
        foreach (var (schema, property, type) in Additions)
        {
            if (root["components"]?["schemas"]?[schema]?["properties"] is JsonObject properties && !properties.ContainsKey(property))
            {
                properties[property] = new JsonObject { ["type"] = type };
            }
        }

        foreach (var schema in OpenSchemas)
        {
            if (root["components"]?["schemas"]?[schema] is JsonObject declared)
            {
                declared["additionalProperties"] = true;
            }
        }

        foreach (var (schema, property) in Corrections)
        {
            if (root["components"]?["schemas"]?[schema]?["properties"] is JsonObject properties && properties[property] is JsonObject declared)
            {
                var readOnly = declared["readOnly"]?.DeepClone();
                properties[property] = new JsonObject
                {
                    ["oneOf"] = new JsonArray(new JsonObject { ["type"] = "integer" }, new JsonObject { ["type"] = "string", ["format"] = "decimal" }),
                    ["readOnly"] = readOnly,
                };
            }
        }
    }

    private static void Mark(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["nullable"] is JsonValue nullable && nullable.TryGetValue<bool>(out var isNullable) && isNullable && obj["type"] is null)
                    obj[NullableMarker] = true;
                if (obj["additionalProperties"] is JsonValue open && open.TryGetValue<bool>(out var isOpen) && isOpen)
                    obj[OpenObjectMarker] = true;
                foreach (var child in obj.Select(p => p.Value).ToList())
                    if (child is not null) Mark(child);
                break;
            case JsonArray array:
                foreach (var child in array)
                    if (child is not null) Mark(child);
                break;
        }
    }
}
