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
/// </remarks>
internal static class ContractDocumentReader
{
    public const string NullableMarker = "x-nullable";
    public const string OpenObjectMarker = "x-additional-properties";

    public static OpenApiDocument Read(string path)
    {
        var root = JsonNode.Parse(File.ReadAllText(path))
            ?? throw new InvalidDataException($"{path}: empty OpenAPI document");
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
