using System.Net.Http.Headers;

namespace SiteAgent.Waldur.Http;

/// <summary>Reads <c>Retry-After</c> in both forms HTTP allows: delta-seconds and an HTTP-date.</summary>
internal static class RetryAfterHeader
{
    /// <summary>How long the server asked to wait, measured from <paramref name="now"/>; null when it did not ask.</summary>
    public static TimeSpan? Read(HttpResponseHeaders headers, DateTimeOffset now)
    {
        var value = headers.RetryAfter;
        if (value?.Delta is TimeSpan delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (value?.Date is DateTimeOffset date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
