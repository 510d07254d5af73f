using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SiteAgent.Waldur.Emulator.Http;

/// <summary>Waldur's LinkHeaderPagination: a bare JSON array, <c>X-Result-Count</c> and a <c>Link</c> header.</summary>
/// <remarks>
/// Mirrors waldur_core.core.pagination: default page size from settings (10), <c>page_size</c> capped at 300,
/// links <c>first</c>, <c>prev</c>, <c>next</c>, <c>last</c> built like DRF's replace_query_param (other
/// parameters kept, keys sorted), an out-of-range page answers 404 "Invalid page.".
/// </remarks>
public static class Paging
{
    /// <summary>Answers one page of <paramref name="items"/>, presenting only that page.</summary>
    public static ApiResult List<T>(ApiContext context, IEnumerable<T> items, Func<T, JsonNode> present)
    {
        var all = items as IReadOnlyList<T> ?? items.ToList();
        var size = PageSize(context);
        var pages = Math.Max(1, (all.Count + size - 1) / size);
        var raw = context.Query("page");
        var page = raw is null ? 1 : raw == "last" ? pages : int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : -1;
        if (page < 1 || page > pages) throw ApiError.Detail(404, "Invalid page.");
        var body = new JsonArray(all.Skip((page - 1) * size).Take(size).Select(present).ToArray());
        var request = context.Http.Request;
        var url = $"{request.Scheme}://{request.Host}{request.Path}";
        var query = request.Query.SelectMany(q => q.Value.Select(v => (q.Key, Value: v ?? ""))).ToList();
        var links = new List<string> { Link(url, query, null, "first") };
        if (page > 1) links.Add(Link(url, query, page - 1 == 1 ? null : page - 1, "prev"));
        if (page < pages) links.Add(Link(url, query, page + 1, "next"));
        links.Add(Link(url, query, pages == 1 ? null : pages, "last"));
        var headers = new Dictionary<string, string>
        {
            ["X-Result-Count"] = all.Count.ToString(CultureInfo.InvariantCulture),
            ["Link"] = string.Join(", ", links),
        };
        return new ApiResult(200, body, headers);
    }

    private static int PageSize(ApiContext context)
    {
        var options = context.Options;
        return int.TryParse(context.Query("page_size"), NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size > 0
            ? Math.Min(size, options.MaxPageSize)
            : options.DefaultPageSize;
    }

    private static string Link(string url, List<(string Key, string Value)> query, int? page, string rel)
    {
        var kept = query.Where(q => q.Key != "page").ToList();
        if (page is { } p) kept.Add(("page", p.ToString(CultureInfo.InvariantCulture)));
        var text = string.Join("&", kept.OrderBy(q => q.Key, StringComparer.Ordinal)
            .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value)}"));
        return $"<{url}{(text.Length > 0 ? "?" + text : "")}>; rel=\"{rel}\"";
    }
}
