using System.Text.Json;
using System.Text.Json.Nodes;

namespace SiteAgent.Waldur.Contract;

/// <summary>Options of the exchange validator.</summary>
/// <param name="StrictProperties">Report JSON properties that the schema does not declare.</param>
/// <param name="AllowUndeclaredErrorStatuses">Accept 4xx/5xx statuses the operation does not list (DRF errors are rarely declared).</param>
/// <param name="ExtraOperations">"METHOD /path/template/" of operations known to exist outside the subset (8.1.x); they are not reported as unknown.</param>
public sealed record ContractValidatorOptions(
    bool StrictProperties = true,
    bool AllowUndeclaredErrorStatuses = true,
    IReadOnlyList<string>? ExtraOperations = null);

/// <summary>Checks one HTTP exchange against the Waldur contract and lists every mismatch.</summary>
/// <remarks>
/// To check an exchange: 1. build a <see cref="ContractExchange"/>; 2. call <see cref="Validate"/>;
/// 3. an empty list means request and response both follow the contract.
/// </remarks>
public sealed partial class ContractValidator(WaldurContract contract, ContractValidatorOptions? options = null)
{
    private readonly ContractValidatorOptions _options = options ?? new ContractValidatorOptions();
    private readonly SchemaValidator _requests = new(SchemaDirection.Request, (options ?? new()).StrictProperties);
    private readonly SchemaValidator _responses = new(SchemaDirection.Response, (options ?? new()).StrictProperties);

    /// <summary>A validator over <see cref="WaldurContract.Default"/> with default options.</summary>
    public static ContractValidator Default { get; } = new(WaldurContract.Default);

    /// <summary>The contract being enforced.</summary>
    public WaldurContract Contract { get; } = contract;

    /// <summary>Returns every violation of the exchange (empty when it follows the contract).</summary>
    public IReadOnlyList<ContractViolation> Validate(ContractExchange exchange)
    {
        var violations = new List<ContractViolation>();
        var operation = Contract.Find(exchange.Method, exchange.Path, out var pathValues);
        if (operation is null)
        {
            if (!IsExtraOperation(exchange))
                violations.Add(new(ViolationKind.UnknownOperation, null, "path", exchange.Path, $"no operation {exchange.Method} {exchange.Path} in the contract"));
            return violations;
        }
        var id = operation.OperationId;
        foreach (var (name, value) in pathValues)
            if (operation.PathParameters.TryGetValue(name, out var parameter) && parameter.Schema is { } schema)
                foreach (var error in _requests.Validate(JsonValue.Create(value), schema, name))
                    violations.Add(new(ViolationKind.InvalidPathParameter, id, "path", name, error.Message));
        CheckQuery(operation, exchange.Query, violations);
        CheckRequestBody(operation, exchange, violations);
        CheckResponse(operation, exchange, violations);
        return violations;
    }

    private bool IsExtraOperation(ContractExchange exchange)
    {
        foreach (var extra in _options.ExtraOperations ?? [])
        {
            var space = extra.IndexOf(' ');
            if (space < 0 || !string.Equals(extra[..space], exchange.Method, StringComparison.OrdinalIgnoreCase)) continue;
            var template = extra[(space + 1)..].Trim('/').Split('/');
            var parts = exchange.Path.Trim('/').Split('/');
            if (template.Length == parts.Length && template.Zip(parts).All(p => p.First.StartsWith('{') || p.First == p.Second))
                return true;
        }
        return false;
    }

    private void CheckRequestBody(ContractOperation operation, ContractExchange exchange, List<ContractViolation> violations)
    {
        var id = operation.OperationId;
        var hasBody = !string.IsNullOrEmpty(exchange.RequestBody);
        if (operation.RequestBody is null)
        {
            if (hasBody)
                violations.Add(new(ViolationKind.UnexpectedRequestBody, id, "request", "$", "the operation takes no request body, but one was sent"));
            return;
        }
        if (!hasBody)
        {
            if (operation.RequestBody.Required)
                violations.Add(new(ViolationKind.MissingRequestBody, id, "request", "$", "the request body is required"));
            return;
        }
        var mediaType = (exchange.RequestContentType ?? "application/json").Split(';')[0].Trim();
        if (operation.RequestBody.Content?.ContainsKey(mediaType) != true)
        {
            violations.Add(new(ViolationKind.UndeclaredContentType, id, "request", "$", $"content type {mediaType} is not declared"));
            return;
        }
        if (mediaType != "application/json" || operation.JsonRequestSchema is not { } schema) return;
        if (!TryParse(exchange.RequestBody!, out var body, out var parseError))
        {
            violations.Add(new(ViolationKind.InvalidJson, id, "request", "$", parseError));
            return;
        }
        foreach (var error in _requests.Validate(body, schema))
            violations.Add(new(ViolationKind.RequestBody, id, "request", error.JsonPath, error.Message));
    }

    private void CheckResponse(ContractOperation operation, ContractExchange exchange, List<ContractViolation> violations)
    {
        var id = operation.OperationId;
        if (!operation.Responses.TryGetValue(exchange.Status, out var response))
        {
            if (exchange.Status < 400 || !_options.AllowUndeclaredErrorStatuses)
                violations.Add(new(ViolationKind.UndeclaredStatus, id, "response", "$",
                    $"status {exchange.Status} is not declared (declared: {string.Join(", ", operation.Responses.Keys)})"));
            return;
        }
        foreach (var header in response.Headers)
            if (!exchange.ResponseHeaders.Keys.Any(k => string.Equals(k, header, StringComparison.OrdinalIgnoreCase)))
                violations.Add(new(ViolationKind.MissingHeader, id, "response", header, $"declared header {header} is missing"));
        var hasBody = !string.IsNullOrEmpty(exchange.ResponseBody);
        if (response.Schema is not { } schema)
        {
            if (hasBody)
                violations.Add(new(ViolationKind.UnexpectedResponseBody, id, "response", "$", $"status {exchange.Status} declares no body, but one was returned"));
            return;
        }
        if (!hasBody)
        {
            violations.Add(new(ViolationKind.MissingResponseBody, id, "response", "$", $"status {exchange.Status} declares a body, but none was returned"));
            return;
        }
        if (!TryParse(exchange.ResponseBody!, out var body, out var parseError))
        {
            violations.Add(new(ViolationKind.InvalidJson, id, "response", "$", parseError));
            return;
        }
        foreach (var error in _responses.Validate(body, schema))
            violations.Add(new(ViolationKind.ResponseBody, id, "response", error.JsonPath, error.Message));
        CheckSparseFields(id, exchange.Query, body, violations);
    }

    /// <summary>With <c>field=</c> the server must return only the requested properties.</summary>
    private static void CheckSparseFields(string id, IReadOnlyList<KeyValuePair<string, string>> query, JsonNode? body, List<ContractViolation> violations)
    {
        var fields = query.Where(q => q.Key == "field").Select(q => q.Value).ToHashSet(StringComparer.Ordinal);
        if (fields.Count == 0) return;
        var items = body switch
        {
            JsonArray array => array.Select((item, i) => (item as JsonObject, $"$[{i}]")),
            JsonObject obj => [(obj, "$")],
            _ => [],
        };
        foreach (var (item, path) in items)
            foreach (var name in item?.Select(p => p.Key) ?? [])
                if (!fields.Contains(name))
                    violations.Add(new(ViolationKind.UnrequestedField, id, "response", SchemaValidator.AppendProperty(path, name),
                        $"property was not requested (field={string.Join(",", fields)})"));
    }

    private static bool TryParse(string text, out JsonNode? node, out string error)
    {
        try
        {
            node = JsonNode.Parse(text);
            error = "";
            return true;
        }
        catch (JsonException e)
        {
            node = null;
            error = $"invalid JSON: {e.Message}";
            return false;
        }
    }
}
