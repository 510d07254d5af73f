using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using SiteAgent.Waldur.Operations;

namespace SiteAgent.Waldur.Tests.Infrastructure;

/// <summary>
/// Answers every request with the schema's example of the operation's success response, and checks
/// the request against the schema (path, method, query names and styles, body) on the way.
/// </summary>
internal sealed class SchemaResponder(SchemaExamples examples)
{
    private static readonly Dictionary<string, string> BeyondSchemaAnswers = new()
    {
        ["marketplace_provider_resources_set_membership_sync_statuses"] = """{"stored": 2, "skipped": ["ghost"]}""",
        ["marketplace_resource_api_keys_list"] = """[{"uuid": "0f1e2d3c4b5a69788796a5b4c3d2e1f0", "resource_uuid": "0f1e2d3c4b5a69788796a5b4c3d2e1f0", "resource_backend_id": "acc", "modified": "2025-05-01T00:00:00Z", "client_id": "c1", "state": "OK"}]""",
        ["marketplace_resource_api_keys_report_created"] = """{"uuid": "0f1e2d3c4b5a69788796a5b4c3d2e1f0", "resource_uuid": "0f1e2d3c4b5a69788796a5b4c3d2e1f0", "resource_backend_id": "acc", "modified": "2025-05-01T00:00:00Z", "state": "OK"}""",
        ["marketplace_resource_api_keys_set_key"] = """{"uuid": "0f1e2d3c4b5a69788796a5b4c3d2e1f0", "resource_uuid": "0f1e2d3c4b5a69788796a5b4c3d2e1f0", "resource_backend_id": "acc", "modified": "2025-05-01T00:00:00Z", "state": "OK"}""",
        ["marketplace_resource_api_keys_set_erred"] = """{"uuid": "0f1e2d3c4b5a69788796a5b4c3d2e1f0", "resource_uuid": "0f1e2d3c4b5a69788796a5b4c3d2e1f0", "resource_backend_id": "acc", "modified": "2025-05-01T00:00:00Z", "state": "Erred"}""",
    };

    public ConcurrentQueue<string> Problems { get; } = new();

    public ConcurrentDictionary<string, int> Calls { get; } = new();

    public CannedResponse Answer(RecordedRequest request)
    {
        var document = OpenApiDocument.Default;
        var operation = document.Match(request.Method, request.Path);
        if (operation is null)
        {
            return AnswerBeyondSchema(request);
        }

        Calls.AddOrUpdate(operation.Id, 1, (_, n) => n + 1);
        CheckHeaders(operation.Id, request);
        CheckQuery(operation, request);
        CheckBody(operation, request);
        var (status, schema) = document.SuccessResponse(operation);
        var body = schema is { } s ? examples.Example(s)?.ToJsonString() ?? "null" : null;
        return new CannedResponse(status, body) { Headers = [new("x-result-count", "1")] };
    }

    private CannedResponse AnswerBeyondSchema(RecordedRequest request)
    {
        foreach (var operation in WaldurOperations.All.Where(o => !o.InSchema && o.Method.Method == request.Method))
        {
            var pattern = "^" + Regex.Replace(Regex.Escape(operation.PathTemplate), @"\\\{[a-z_]+}", "[0-9a-f]{32}") + "$";
            if (Regex.IsMatch(request.Path, pattern))
            {
                Calls.AddOrUpdate(operation.Id, 1, (_, n) => n + 1);
                CheckHeaders(operation.Id, request);
                var status = operation.Id.EndsWith("report_created", StringComparison.Ordinal) ? 201 : 200;
                return new CannedResponse(status, BeyondSchemaAnswers[operation.Id]);
            }
        }

        Problems.Enqueue($"{request.Method} {request.Path}: no such operation");
        return new CannedResponse(404, """{"detail": "Not found."}""");
    }

    private void CheckHeaders(string operationId, RecordedRequest request)
    {
        if (request.Header("Authorization") != "Token " + TestClients.Token)
        {
            Problems.Enqueue($"{operationId}: Authorization header is '{request.Header("Authorization")}'");
        }

        if (request.Header("User-Agent")?.StartsWith("waldur-site-agent-", StringComparison.Ordinal) != true)
        {
            Problems.Enqueue($"{operationId}: User-Agent is '{request.Header("User-Agent")}'");
        }

        if (!request.Path.EndsWith('/'))
        {
            Problems.Enqueue($"{operationId}: path {request.Path} lacks its trailing slash");
        }

        foreach (var segment in request.Path.Split('/').Where(s => Guid.TryParse(s, out _)))
        {
            if (segment.Length != 32)
            {
                Problems.Enqueue($"{operationId}: uuid in path is not 32 hex digits: {segment}");
            }
        }
    }

    private void CheckQuery(SchemaOperation operation, RecordedRequest request)
    {
        var parameters = OpenApiDocument.Default.Parameters(operation).Where(p => p.In == "query").ToDictionary(p => p.Name);
        foreach (var group in request.Query.GroupBy(p => p.Key))
        {
            if (!parameters.TryGetValue(group.Key, out var parameter))
            {
                Problems.Enqueue($"{operation.Id}: query parameter '{group.Key}' is not in the schema");
                continue;
            }

            if (group.Count() > 1 && !(parameter.IsArray && parameter.Explode))
            {
                Problems.Enqueue($"{operation.Id}: '{group.Key}' repeated but the schema does not explode it");
            }

            if (parameter.IsArray && !parameter.Explode && group.Count() > 1)
            {
                Problems.Enqueue($"{operation.Id}: '{group.Key}' must be comma-joined");
            }

            var format = parameter.Schema.TryGetProperty("format", out var f) ? f.GetString() : null;
            if (format == "uuid" && group.Any(p => !Guid.TryParse(p.Value, out _)))
            {
                Problems.Enqueue($"{operation.Id}: '{group.Key}' is not a uuid");
            }
        }
    }

    private void CheckBody(SchemaOperation operation, RecordedRequest request)
    {
        var document = OpenApiDocument.Default;
        var schema = document.RequestSchema(operation);
        if (request.Body.Length == 0)
        {
            if (schema is not null && document.RequestBodyRequired(operation))
            {
                Problems.Enqueue($"{operation.Id}: required body missing");
            }

            return;
        }

        if (schema is null)
        {
            Problems.Enqueue($"{operation.Id}: body sent to an operation without a request body");
            return;
        }

        if (request.Header("Content-Type")?.StartsWith("application/json", StringComparison.Ordinal) != true)
        {
            Problems.Enqueue($"{operation.Id}: Content-Type is '{request.Header("Content-Type")}'");
        }

        using var body = JsonDocument.Parse(request.Body);
        foreach (var problem in SchemaValidator.Validate(body.RootElement, schema.Value))
        {
            Problems.Enqueue($"{operation.Id}: {problem}");
        }
    }
}
