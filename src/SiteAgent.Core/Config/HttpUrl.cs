namespace SiteAgent.Core.Config;

/// <summary>Accepts only absolute http(s) URLs with a host.</summary>
internal static class HttpUrl
{
    public static bool TryParse(string text, out Uri url)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var parsed)
            && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps)
            && parsed.Host.Length > 0)
        {
            url = parsed;
            return true;
        }

        url = null!;
        return false;
    }
}
