namespace SiteAgent.Waldur;

public sealed partial record WaldurClientOptions
{
    /// <summary>Every problem of these options, each naming the setting; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!IsHttpUrl(ApiUrl))
        {
            problems.Add($"ApiUrl '{ApiUrl}' must be an absolute http:// or https:// URL (waldur_api_url).");
        }

        switch (Credentials)
        {
            case StaticTokenCredentials { Token: var token } when string.IsNullOrWhiteSpace(token):
                problems.Add("The static API token is empty (waldur_api_token).");
                break;
            case StaticTokenCredentials { Token: var token } when token.Any(char.IsControl):
                problems.Add("The static API token contains control characters (waldur_api_token).");
                break;
            case OidcClientCredentials oidc:
                if (!IsHttpUrl(oidc.TokenUrl))
                {
                    problems.Add($"The OIDC token URL '{oidc.TokenUrl}' must be an absolute http:// or https:// URL (oidc_token_url).");
                }

                if (string.IsNullOrWhiteSpace(oidc.ClientId))
                {
                    problems.Add("The OIDC client id is empty (oidc_client_id).");
                }

                if (string.IsNullOrEmpty(oidc.ClientSecret))
                {
                    problems.Add("The OIDC client secret is empty (oidc_client_secret).");
                }

                break;
        }

        if (string.IsNullOrWhiteSpace(UserAgent) || UserAgent.Any(char.IsControl))
        {
            problems.Add("UserAgent must be a non-empty single line, e.g. waldur-site-agent-order_process/0.1.0.");
        }

        if (Timeout <= TimeSpan.Zero || OidcTokenTimeout <= TimeSpan.Zero || TotalTimeout <= TimeSpan.Zero)
        {
            problems.Add("Timeout, TotalTimeout and OidcTokenTimeout must be positive.");
        }

        if (CaBundlePath is not null && !File.Exists(CaBundlePath))
        {
            problems.Add($"The CA bundle '{CaBundlePath}' does not exist.");
        }

        if (Proxy is not null && !Proxy.IsAbsoluteUri)
        {
            problems.Add($"Proxy '{Proxy}' must be an absolute URL.");
        }

        foreach (var (name, retry) in new[] { ("ReadRetry", ReadRetry), ("WriteRetry", WriteRetry) })
        {
            if (retry.MaxRetryAttempts < 0 || retry.BaseDelay < TimeSpan.Zero || retry.MaxDelay < retry.BaseDelay || retry.MaxRetryAfter < TimeSpan.Zero)
            {
                problems.Add($"{name} needs MaxRetryAttempts >= 0 and 0 <= BaseDelay <= MaxDelay.");
            }
        }

        return problems;
    }

    private static bool IsHttpUrl(Uri url) =>
        url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp);

    /// <summary>The API root with exactly one trailing slash, so relative paths land below it.</summary>
    internal Uri ApiRoot => ApiUrl.AbsoluteUri.EndsWith('/') ? ApiUrl : new Uri(ApiUrl.AbsoluteUri + "/");
}
