using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SiteAgent.Waldur.Http;
using SiteAgent.Waldur.Json;
using SiteAgent.Waldur.Logging;
using SiteAgent.Waldur.Models;
using SiteAgent.Waldur.Operations;
using SiteAgent.Waldur.Paging;

namespace SiteAgent.Waldur;

// The generic call shapes every area file uses: read one object, read a list (paged or not),
// write with or without a body and with or without an answer. Dry-run is decided here. A
// {"status": …} answer may come back empty from some Waldur versions; that is not an error.
public sealed partial class WaldurClient
{
    private static readonly WaldurJsonContext Json = WaldurJsonContext.Default;

    private async Task<T> GetAsync<T>(WaldurOperation operation, Guid? id, QueryBuilder? query, JsonTypeInfo<T> answer, CancellationToken cancellationToken)
    {
        var response = await SendAsync(operation, id, query, null, cancellationToken).ConfigureAwait(false);
        return Deserialize(operation, response.Body, answer);
    }

    private async Task<IReadOnlyList<T>> GetListAsync<T>(WaldurOperation operation, Guid? id, QueryBuilder? query, JsonTypeInfo<List<T>> answer, CancellationToken cancellationToken) =>
        await GetAsync(operation, id, query, answer, cancellationToken).ConfigureAwait(false);

    private WaldurPages<T> Pages<T>(WaldurOperation operation, Guid? id, Action<QueryBuilder>? filters, JsonTypeInfo<List<T>> answer) =>
        new(operation, async (page, pageSize, cancellationToken) =>
        {
            var query = new QueryBuilder();
            filters?.Invoke(query);
            query.Add("page", page).Add("page_size", pageSize);
            var response = await SendAsync(operation, id, query, null, cancellationToken).ConfigureAwait(false);
            var items = Deserialize(operation, response.Body, answer);
            var next = LinkHeader.Find(response.Link, "next") is { } url ? LinkHeader.PageNumber(url) : null;
            return new WaldurPage<T>(items, response.ResultCount, next);
        });

    private Task<TAnswer> WriteAsync<TBody, TAnswer>(
        WaldurOperation operation, Guid? id, TBody body, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<TAnswer> answer, Func<TAnswer> dryRunAnswer, CancellationToken cancellationToken) =>
        SendWriteAsync(operation, id, JsonSerializer.SerializeToUtf8Bytes(body, bodyType), answer, dryRunAnswer, cancellationToken);

    private Task WriteAsync<TBody>(WaldurOperation operation, Guid? id, TBody body, JsonTypeInfo<TBody> bodyType, CancellationToken cancellationToken) =>
        SendWriteAsync(operation, id, JsonSerializer.SerializeToUtf8Bytes(body, bodyType), cancellationToken);

    private Task WriteAsync(WaldurOperation operation, Guid? id, CancellationToken cancellationToken) =>
        SendWriteAsync(operation, id, null, cancellationToken);

    private Task<TAnswer> WriteAsync<TAnswer>(WaldurOperation operation, Guid? id, JsonTypeInfo<TAnswer> answer, Func<TAnswer> dryRunAnswer, CancellationToken cancellationToken) =>
        SendWriteAsync(operation, id, null, answer, dryRunAnswer, cancellationToken);

    private async Task<TAnswer> SendWriteAsync<TAnswer>(
        WaldurOperation operation, Guid? id, byte[]? body, JsonTypeInfo<TAnswer> answer, Func<TAnswer> dryRunAnswer, CancellationToken cancellationToken)
    {
        if (PlanInsteadOfSending(operation, id, body))
        {
            return dryRunAnswer();
        }

        var response = await SendAsync(operation, id, null, body, cancellationToken).ConfigureAwait(false);
        return response.Body.Length == 0 && typeof(TAnswer) == typeof(StatusResponse)
            ? (TAnswer)(object)new StatusResponse()
            : Deserialize(operation, response.Body, answer);
    }

    private async Task SendWriteAsync(WaldurOperation operation, Guid? id, byte[]? body, CancellationToken cancellationToken)
    {
        if (!PlanInsteadOfSending(operation, id, body))
        {
            await SendAsync(operation, id, null, body, cancellationToken).ConfigureAwait(false);
        }
    }

    private Task<WaldurResponse> SendAsync(WaldurOperation operation, Guid? id, QueryBuilder? query, byte[]? body, CancellationToken cancellationToken) =>
        _transport.SendAsync(
            operation,
            operation.RelativePath(id) + query,
            body,
            operation.IsRead ? _readPipeline : _writePipeline,
            cancellationToken);

    /// <summary>In dry-run, describes the write to the plan sink (or the log) and returns true: do not send.</summary>
    private bool PlanInsteadOfSending(WaldurOperation operation, Guid? id, byte[]? body)
    {
        if (!_options.DryRun || operation.IsRead)
        {
            return false;
        }

        var path = _transport.Resolve(operation.RelativePath(id)).PathAndQuery;
        var entry = new WaldurWritePlanEntry(operation.Id, operation.Method.Method, path, body is null ? null : _transport.Redactor.RedactJson(body));
        if (_options.WritePlan is { } sink)
        {
            sink(entry);
        }
        else
        {
            WaldurLog.DryRunWrite(_logger, operation.Id, entry.ToString());
        }

        return true;
    }

    /// <summary>The neutral answer of a dry-run write that returns a <c>{"status": …}</c>.</summary>
    private static StatusResponse DryRunStatus() => new() { Status = "dry-run" };

    private static T Deserialize<T>(WaldurOperation operation, byte[] body, JsonTypeInfo<T> type)
    {
        try
        {
            return JsonSerializer.Deserialize(body, type)
                ?? throw new WaldurResponseException(operation.Id, $"Waldur answered {operation.Id} with a JSON null where {typeof(T).Name} was expected.");
        }
        catch (JsonException ex)
        {
            throw new WaldurResponseException(
                operation.Id,
                $"Waldur's answer to {operation.Id} does not match the expected {TypeName(typeof(T))}: {JsonErrorText.Describe(ex)}. Check that the Waldur version is supported.",
                ex);
        }
    }

    private static string TypeName(Type type) =>
        type.IsGenericType ? $"list of {type.GetGenericArguments()[0].Name}" : type.Name;
}
