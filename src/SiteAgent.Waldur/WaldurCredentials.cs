using SiteAgent.Waldur.Secrets;

namespace SiteAgent.Waldur;

/// <summary>How the client authenticates to Waldur.</summary>
/// <remarks>The records print their secrets as <see cref="SecretRedactor.Mask"/>, so options can be logged safely.</remarks>
public abstract record WaldurCredentials
{
    private protected WaldurCredentials()
    {
    }
}

/// <summary>A static API token, sent as <c>Authorization: Token &lt;token&gt;</c>.</summary>
/// <param name="Token">The Waldur API token.</param>
public sealed record StaticTokenCredentials(string Token) : WaldurCredentials
{
    /// <inheritdoc />
    public override string ToString() => $"StaticTokenCredentials {{ Token = {SecretRedactor.Mask} }}";
}

/// <summary>
/// OIDC client credentials: a token is fetched from <paramref name="TokenUrl"/> with a form POST and
/// sent as <c>Authorization: Bearer &lt;token&gt;</c>; it is cached per (token URL, client id) and
/// refreshed 30 s before it expires.
/// </summary>
/// <param name="TokenUrl">The OIDC token endpoint.</param>
/// <param name="ClientId">Client id.</param>
/// <param name="ClientSecret">Client secret (sent in the form body, never logged).</param>
public sealed record OidcClientCredentials(Uri TokenUrl, string ClientId, string ClientSecret) : WaldurCredentials
{
    /// <inheritdoc />
    public override string ToString() => $"OidcClientCredentials {{ TokenUrl = {TokenUrl}, ClientId = {ClientId}, ClientSecret = {SecretRedactor.Mask} }}";
}
