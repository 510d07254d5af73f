using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SiteAgent.Waldur.Emulator.Http;
using SiteAgent.Waldur.Emulator.State;

namespace SiteAgent.Waldur.Emulator.Auth;

/// <summary>DRF TokenAuthentication for static tokens plus Bearer tokens issued by the emulator's OIDC endpoint.</summary>
public sealed class TokenAuthenticator(EmulatorState state, EmulatorOptions options)
{
    private readonly ConcurrentDictionary<string, IssuedToken> _issued = new(StringComparer.Ordinal);

    /// <summary>The user behind the request's Authorization header, or the DRF 401 to answer.</summary>
    public User Authenticate(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (string.IsNullOrWhiteSpace(header)) throw Unauthorized("Authentication credentials were not provided.");
        var space = header.IndexOf(' ');
        var scheme = space < 0 ? header : header[..space];
        var credential = space < 0 ? "" : header[(space + 1)..].Trim();
        if (credential.Length == 0) throw Unauthorized("Invalid token header. No credentials provided.");
        if (string.Equals(scheme, "Token", StringComparison.OrdinalIgnoreCase))
        {
            lock (state.Sync)
            {
                if (state.Tokens.TryGetValue(credential, out var user)) return user;
                if (credential == options.Token) return TokenUser();
            }
            throw Unauthorized("Invalid token.");
        }
        if (string.Equals(scheme, "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            if (!_issued.TryGetValue(credential, out var issued)) throw Unauthorized("Invalid token.");
            if (issued.ExpiresAt <= options.Clock.GetUtcNow()) throw Unauthorized("Token has expired.");
            lock (state.Sync) return TokenUser();
        }
        throw Unauthorized("Authentication credentials were not provided.");
    }

    /// <summary>The staff user behind the configured token and OIDC tokens: a scenario user with that name, else created now.</summary>
    /// <remarks>Created lazily so that a scenario can define the user itself (with its own uuid) without a clash.</remarks>
    private User TokenUser() =>
        state.FindUser(options.TokenUser)
        ?? state.Add(state.Users, new User { Username = options.TokenUser, FirstName = "Site", LastName = "Agent", IsStaff = true, Email = $"{options.TokenUser}@example.org" });

    /// <summary>Handles <c>POST /oidc/token</c> (form-encoded client_credentials grant, credentials in the body).</summary>
    public ApiResult Issue(string? body)
    {
        var form = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(body ?? "");
        if (form.GetValueOrDefault("grant_type") != "client_credentials")
            return new ApiResult(400, new JsonObject { ["error"] = "unsupported_grant_type" });
        if (form.GetValueOrDefault("client_id") != options.Oidc.ClientId || form.GetValueOrDefault("client_secret") != options.Oidc.ClientSecret)
            return new ApiResult(401, new JsonObject { ["error"] = "invalid_client" });
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        _issued[token] = new IssuedToken(options.Clock.GetUtcNow().AddSeconds(options.Oidc.ExpiresIn));
        return ApiResult.Ok(new JsonObject
        {
            ["access_token"] = token,
            ["token_type"] = "Bearer",
            ["expires_in"] = options.Oidc.ExpiresIn,
            ["scope"] = "openid",
        });
    }

    /// <summary>Makes every issued Bearer token expire now, so clients must refresh.</summary>
    public int ExpireIssued()
    {
        var now = options.Clock.GetUtcNow();
        foreach (var key in _issued.Keys) _issued[key] = _issued[key] with { ExpiresAt = now };
        return _issued.Count;
    }

    /// <summary>Number of Bearer tokens issued so far.</summary>
    public int IssuedCount => _issued.Count;

    private static ApiError Unauthorized(string detail) => ApiError.Detail(401, detail);

    private sealed record IssuedToken(DateTimeOffset ExpiresAt);
}
