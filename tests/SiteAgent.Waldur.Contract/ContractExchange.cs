namespace SiteAgent.Waldur.Contract;

/// <summary>One HTTP request/response pair to check against the contract.</summary>
/// <param name="Method">HTTP method, e.g. GET.</param>
/// <param name="Path">URL path without the query string, e.g. <c>/api/marketplace-orders/</c>.</param>
/// <param name="Query">Query parameters in order, repeated keys kept.</param>
/// <param name="RequestContentType">Content-Type of the request, if it had a body.</param>
/// <param name="RequestBody">The request body text, or null/empty when none was sent.</param>
/// <param name="Status">Response status code.</param>
/// <param name="ResponseHeaders">Response headers (names compared case-insensitively).</param>
/// <param name="ResponseBody">The response body text, or null/empty when none was sent.</param>
public sealed record ContractExchange(
    string Method,
    string Path,
    IReadOnlyList<KeyValuePair<string, string>> Query,
    string? RequestContentType,
    string? RequestBody,
    int Status,
    IReadOnlyDictionary<string, string> ResponseHeaders,
    string? ResponseBody)
{
    /// <summary>Builds an exchange from a full URL (path and query are split off).</summary>
    public static ContractExchange FromUrl(string method, Uri url, string? requestBody, int status, string? responseBody,
        IReadOnlyDictionary<string, string>? responseHeaders = null, string? requestContentType = "application/json") =>
        new(method, url.AbsolutePath, ParseQuery(url.Query), requestBody is null ? null : requestContentType, requestBody, status,
            responseHeaders ?? new Dictionary<string, string>(), responseBody);

    /// <summary>Splits <c>?a=1&amp;b=2</c> into decoded pairs, keeping order and repeats.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ParseQuery(string query)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var part in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=');
            var key = eq < 0 ? part : part[..eq];
            var value = eq < 0 ? "" : part[(eq + 1)..];
            pairs.Add(new(Uri.UnescapeDataString(key.Replace('+', ' ')), Uri.UnescapeDataString(value.Replace('+', ' '))));
        }
        return pairs;
    }
}
