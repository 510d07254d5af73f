using Microsoft.OpenApi;

namespace SiteAgent.Waldur.Contract;

/// <summary>The Waldur API contract (OpenAPI 3.0.3 subset, schema 8.0.9) loaded once and indexed.</summary>
public sealed class WaldurContract
{
    /// <summary>File name of the schema copied beside this assembly.</summary>
    public const string SchemaFileName = "openapi-subset.json";

    private static readonly Lazy<WaldurContract> Shared = new(() => Load(DefaultSchemaPath()));
    private readonly IReadOnlyList<ContractOperation> _byLiteralness;
    private readonly Dictionary<string, ContractOperation> _byId;

    private WaldurContract(OpenApiDocument document)
    {
        Document = document;
        var operations = new List<ContractOperation>();
        foreach (var (template, item) in document.Paths)
            foreach (var (method, operation) in item.Operations ?? [])
                operations.Add(new ContractOperation(method.Method.ToUpperInvariant(), template, operation, item));
        Operations = operations;
        _byLiteralness = operations.OrderByDescending(o => o.LiteralSegments).ToList();
        _byId = operations.ToDictionary(o => o.OperationId, StringComparer.Ordinal);
    }

    /// <summary>The contract read from <c>schema/openapi-subset.json</c> beside the assembly (loaded on first use).</summary>
    public static WaldurContract Default => Shared.Value;

    /// <summary>The parsed document.</summary>
    public OpenApiDocument Document { get; }

    /// <summary>Every operation in document order.</summary>
    public IReadOnlyList<ContractOperation> Operations { get; }

    /// <summary>Loads a contract from an OpenAPI JSON file.</summary>
    public static WaldurContract Load(string path) => new(ContractDocumentReader.Read(path));

    /// <summary>Path of the schema file shipped beside this assembly.</summary>
    public static string DefaultSchemaPath() =>
        Path.Combine(Path.GetDirectoryName(typeof(WaldurContract).Assembly.Location) ?? AppContext.BaseDirectory, "schema", SchemaFileName);

    /// <summary>The operation with this operationId, or null.</summary>
    public ContractOperation? FindById(string operationId) => _byId.GetValueOrDefault(operationId);

    /// <summary>The operation serving this method and concrete path (literal segments beat parameters), or null.</summary>
    public ContractOperation? Find(string method, string path, out IReadOnlyDictionary<string, string> pathValues)
    {
        foreach (var operation in _byLiteralness)
            if (string.Equals(operation.Method, method, StringComparison.OrdinalIgnoreCase) && operation.TryMatch(path, out pathValues))
                return operation;
        pathValues = new Dictionary<string, string>();
        return null;
    }

    /// <summary>A component schema by name, e.g. <c>OrderDetails</c>.</summary>
    public IOpenApiSchema Schema(string name) =>
        (Document.Components?.Schemas is { } schemas && schemas.TryGetValue(name, out var schema) ? schema : null) ?? throw new KeyNotFoundException($"schema {name} is not in the contract");
}
