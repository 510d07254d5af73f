using System.Text.Json;
using System.Text.RegularExpressions;

namespace SiteAgent.Waldur.Tests.Infrastructure;

/// <summary>One operation of openapi-subset.json.</summary>
internal sealed record SchemaOperation(string Id, string Method, string PathTemplate, JsonElement Element)
{
    public Regex PathPattern { get; } = new("^" + Regex.Replace(Regex.Escape(PathTemplate), @"\\\{[a-z_]+}", "[^/]+") + "$");
}

/// <summary>A query or path parameter of an operation.</summary>
internal sealed record SchemaParameter(string Name, string In, bool IsArray, bool Explode, JsonElement Schema);

/// <summary>Read access to openapi-subset.json: operations, parameters, bodies and component schemas.</summary>
internal sealed class OpenApiDocument
{
    private static readonly Lazy<OpenApiDocument> Instance = new(() => new OpenApiDocument(TestFiles.SchemaPath));
    private readonly JsonDocument _document;

    private OpenApiDocument(string path)
    {
        _document = JsonDocument.Parse(File.ReadAllBytes(path));
        var operations = new List<SchemaOperation>();
        foreach (var path_ in Root.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in path_.Value.EnumerateObject().Where(m => m.Name != "parameters"))
            {
                operations.Add(new SchemaOperation(method.Value.GetProperty("operationId").GetString()!, method.Name.ToUpperInvariant(), path_.Name, method.Value));
            }
        }

        Operations = operations;
    }

    public static OpenApiDocument Default => Instance.Value;

    public JsonElement Root => _document.RootElement;

    public IReadOnlyList<SchemaOperation> Operations { get; }

    public JsonElement Schemas => Root.GetProperty("components").GetProperty("schemas");

    public SchemaOperation Operation(string id) => Operations.Single(o => o.Id == id);

    public SchemaOperation? Match(string method, string path) =>
        Operations.Where(o => o.Method == method && o.PathPattern.IsMatch(path))
            .OrderByDescending(o => o.PathTemplate.Count(c => c == '/'))
            .ThenBy(o => o.PathTemplate.Count(c => c == '{'))
            .FirstOrDefault();

    public IReadOnlyList<SchemaParameter> Parameters(SchemaOperation operation)
    {
        var list = new List<SchemaParameter>();
        if (!operation.Element.TryGetProperty("parameters", out var parameters))
        {
            return list;
        }

        foreach (var raw in parameters.EnumerateArray())
        {
            var p = Resolve(raw);
            var schema = p.TryGetProperty("schema", out var s) ? s : default;
            var isArray = schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("type", out var t) && t.GetString() == "array";
            var explode = !p.TryGetProperty("explode", out var e) || e.GetBoolean();
            list.Add(new SchemaParameter(p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!, isArray, explode, schema));
        }

        return list;
    }

    public JsonElement? RequestSchema(SchemaOperation operation) =>
        operation.Element.TryGetProperty("requestBody", out var body)
            && body.GetProperty("content").TryGetProperty("application/json", out var json)
            ? json.GetProperty("schema")
            : null;

    public bool RequestBodyRequired(SchemaOperation operation) =>
        operation.Element.TryGetProperty("requestBody", out var body) && body.TryGetProperty("required", out var r) && r.GetBoolean();

    public (int Status, JsonElement? Schema) SuccessResponse(SchemaOperation operation)
    {
        var success = operation.Element.GetProperty("responses").EnumerateObject().First(r => r.Name.StartsWith('2'));
        JsonElement? schema = success.Value.TryGetProperty("content", out var content) ? content.GetProperty("application/json").GetProperty("schema") : null;
        return (int.Parse(success.Name), schema);
    }

    public JsonElement Component(string name) => Schemas.GetProperty(name);

    /// <summary>Follows <c>$ref</c> links to the referenced element.</summary>
    public JsonElement Resolve(JsonElement element)
    {
        while (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("$ref", out var reference))
        {
            var parts = reference.GetString()!.TrimStart('#', '/').Split('/');
            element = parts.Aggregate(Root, (current, part) => current.GetProperty(part));
        }

        return element;
    }

    /// <summary>The component name of a <c>$ref</c> (or of an allOf wrapping one), else null.</summary>
    public static string? ReferenceName(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (element.TryGetProperty("$ref", out var r))
        {
            return r.GetString()!.Split('/')[^1];
        }

        return element.TryGetProperty("allOf", out var all) ? ReferenceName(all[0]) : null;
    }

    public IReadOnlyCollection<string> PropertyNames(string component) =>
        Component(component).TryGetProperty("properties", out var p) ? p.EnumerateObject().Select(x => x.Name).ToList() : [];

    public IReadOnlyCollection<string> RequiredNames(string component) =>
        Component(component).TryGetProperty("required", out var r) ? r.EnumerateArray().Select(x => x.GetString()!).ToList() : [];
}
