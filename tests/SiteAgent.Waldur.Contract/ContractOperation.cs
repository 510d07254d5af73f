using Microsoft.OpenApi;

namespace SiteAgent.Waldur.Contract;

/// <summary>One operation of the contract, indexed for matching exchanges.</summary>
public sealed class ContractOperation
{
    private readonly string[] _segments;

    internal ContractOperation(string method, string pathTemplate, OpenApiOperation operation, IOpenApiPathItem item)
    {
        Method = method;
        PathTemplate = pathTemplate;
        OperationId = operation.OperationId ?? $"{method} {pathTemplate}";
        _segments = pathTemplate.Trim('/').Split('/');
        var parameters = (item.Parameters ?? []).Concat(operation.Parameters ?? []).ToList();
        QueryParameters = parameters.Where(p => p.In == ParameterLocation.Query && p.Name is not null)
            .GroupBy(p => p.Name!).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        PathParameters = parameters.Where(p => p.In == ParameterLocation.Path && p.Name is not null)
            .GroupBy(p => p.Name!).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        RequestBody = operation.RequestBody;
        JsonRequestSchema = RequestBody?.Content?.TryGetValue("application/json", out var media) == true ? media.Schema : null;
        var responses = new Dictionary<int, ContractResponse>();
        foreach (var (code, response) in operation.Responses ?? [])
        {
            if (!int.TryParse(code, out var status)) continue;
            var schema = response.Content?.TryGetValue("application/json", out var body) == true ? body.Schema : null;
            var headers = (response.Headers ?? new Dictionary<string, IOpenApiHeader>()).Keys.ToList();
            responses[status] = new ContractResponse(status, schema, headers);
        }
        Responses = responses;
        LiteralSegments = _segments.Count(s => !s.StartsWith('{'));
    }

    /// <summary>The operationId, e.g. <c>marketplace_orders_list</c>.</summary>
    public string OperationId { get; }

    /// <summary>Upper-case HTTP method.</summary>
    public string Method { get; }

    /// <summary>The path template, e.g. <c>/api/marketplace-orders/{uuid}/</c>.</summary>
    public string PathTemplate { get; }

    /// <summary>Declared query parameters by name (page and page_size included).</summary>
    public IReadOnlyDictionary<string, IOpenApiParameter> QueryParameters { get; }

    /// <summary>Declared path parameters by name.</summary>
    public IReadOnlyDictionary<string, IOpenApiParameter> PathParameters { get; }

    /// <summary>The request body declaration, if the operation takes one.</summary>
    public IOpenApiRequestBody? RequestBody { get; }

    /// <summary>The schema of a JSON request body, if declared.</summary>
    public IOpenApiSchema? JsonRequestSchema { get; }

    /// <summary>Declared responses by status code.</summary>
    public IReadOnlyDictionary<int, ContractResponse> Responses { get; }

    /// <summary>Number of non-parameter segments; more literal segments win when templates overlap.</summary>
    internal int LiteralSegments { get; }

    /// <summary>Matches a concrete path against the template and returns the path parameter values.</summary>
    public bool TryMatch(string path, out IReadOnlyDictionary<string, string> values)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        values = found;
        if (!path.EndsWith('/') || !path.StartsWith('/')) return false;
        var parts = path.Trim('/').Split('/');
        if (parts.Length != _segments.Length) return false;
        for (var i = 0; i < parts.Length; i++)
        {
            var template = _segments[i];
            if (template.StartsWith('{') && template.EndsWith('}'))
            {
                if (parts[i].Length == 0) return false;
                found[template[1..^1]] = Uri.UnescapeDataString(parts[i]);
            }
            else if (!string.Equals(template, parts[i], StringComparison.Ordinal)) return false;
        }
        return true;
    }
}

/// <summary>A declared response: its status, JSON body schema (null when it has no body) and header names.</summary>
public sealed record ContractResponse(int Status, IOpenApiSchema? Schema, IReadOnlyList<string> Headers);
