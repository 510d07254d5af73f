namespace SiteAgent.Waldur.Paging;

/// <summary>
/// Reads the RFC 8288 <c>Link</c> header Waldur sends with lists:
/// <c>&lt;https://…?page=2&amp;page_size=100&gt;; rel="next", &lt;…&gt;; rel="prev"</c>.
/// </summary>
/// <remarks>
/// URLs are cut at their angle brackets, not at commas, because a list filter declared with
/// <c>explode: false</c> puts commas inside the URL. Quotes around the relation are optional.
/// </remarks>
internal static class LinkHeader
{
    /// <summary>The URL with relation <paramref name="relation"/>, or null.</summary>
    public static string? Find(string? header, string relation)
    {
        if (string.IsNullOrEmpty(header))
        {
            return null;
        }

        var position = 0;
        while (position < header.Length)
        {
            var open = header.IndexOf('<', position);
            if (open < 0)
            {
                return null;
            }

            var close = header.IndexOf('>', open + 1);
            if (close < 0)
            {
                return null;
            }

            var url = header[(open + 1)..close];
            var next = header.IndexOf('<', close + 1);
            var parameters = next < 0 ? header[(close + 1)..] : header[(close + 1)..next];
            if (HasRelation(parameters, relation))
            {
                return url;
            }

            position = next < 0 ? header.Length : next;
        }

        return null;
    }

    /// <summary>The <c>page</c> query value of a next link, or null when it has none.</summary>
    public static int? PageNumber(string url)
    {
        var query = url.IndexOf('?', StringComparison.Ordinal);
        if (query < 0)
        {
            return null;
        }

        var end = url.IndexOf('#', query);
        foreach (var pair in url[(query + 1)..(end < 0 ? url.Length : end)].Split('&'))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && Uri.UnescapeDataString(pair[..equals]) == "page"
                && int.TryParse(Uri.UnescapeDataString(pair[(equals + 1)..]), out var page))
            {
                return page;
            }
        }

        return null;
    }

    private static bool HasRelation(string parameters, string relation)
    {
        foreach (var part in parameters.Split([';', ','], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && part[..equals].Trim().Equals("rel", StringComparison.OrdinalIgnoreCase))
            {
                var values = part[(equals + 1)..].Trim().Trim('"').Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (values.Contains(relation, StringComparer.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
