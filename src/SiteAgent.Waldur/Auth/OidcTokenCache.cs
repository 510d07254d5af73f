namespace SiteAgent.Waldur.Auth;

/// <summary>
/// Process-wide cache of OIDC access tokens keyed by (token URL, client id), shared by every client
/// of the process, so one token serves every offering with the same credentials. Thread-safe; the
/// lock only guards the dictionary, never a network call.
/// </summary>
internal sealed class OidcTokenCache
{
    /// <summary>A token is reused only while more than this much of its lifetime remains.</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private readonly Dictionary<(string TokenUrl, string ClientId), CachedToken> _tokens = [];

    /// <summary>The cache every client uses unless a test passes its own.</summary>
    public static OidcTokenCache Shared { get; } = new();

    /// <summary>A cached token that is still good at <paramref name="now"/> plus the refresh margin.</summary>
    public string? TryGet(string tokenUrl, string clientId, DateTimeOffset now)
    {
        lock (_gate)
        {
            return _tokens.TryGetValue((tokenUrl, clientId), out var cached) && now + RefreshMargin < cached.ExpiresAt
                ? cached.AccessToken
                : null;
        }
    }

    /// <summary>Stores a token unless a concurrent fetch already stored one that lives longer.</summary>
    public void Store(string tokenUrl, string clientId, string accessToken, DateTimeOffset expiresAt)
    {
        lock (_gate)
        {
            var key = (tokenUrl, clientId);
            if (!_tokens.TryGetValue(key, out var cached) || cached.ExpiresAt < expiresAt)
            {
                _tokens[key] = new CachedToken(accessToken, expiresAt);
            }
        }
    }

    /// <summary>Drops the token if it is still the cached one (Waldur refused it).</summary>
    public bool Remove(string tokenUrl, string clientId, string accessToken)
    {
        lock (_gate)
        {
            var key = (tokenUrl, clientId);
            return _tokens.TryGetValue(key, out var cached) && cached.AccessToken == accessToken && _tokens.Remove(key);
        }
    }

    private sealed record CachedToken(string AccessToken, DateTimeOffset ExpiresAt);
}
