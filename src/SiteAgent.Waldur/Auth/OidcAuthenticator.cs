using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using System.Text.Json.Serialization;
using SiteAgent.Waldur.Logging;
using SiteAgent.Waldur.Secrets;

namespace SiteAgent.Waldur.Auth;

/// <summary>
/// OIDC client-credentials grant: form POST of grant_type, client_id and
/// client_secret; <c>access_token</c> required; <c>expires_in</c> a number or numeric string,
/// 300 s when missing or unparsable.
/// </summary>
internal sealed class OidcAuthenticator(
    OidcClientCredentials credentials,
    HttpClient http,
    TimeSpan timeout,
    TimeProvider time,
    OidcTokenCache cache,
    SecretRedactor redactor,
    ILogger logger) : WaldurAuthenticator
{
    /// <summary>Lifetime assumed when the token endpoint does not say.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromSeconds(300);

    private const string OperationId = "oidc_token";
    private readonly string _tokenUrl = credentials.TokenUrl.AbsoluteUri;

    /// <inheritdoc />
    public override async ValueTask<AuthenticationHeaderValue> GetHeaderAsync(CancellationToken cancellationToken)
    {
        var token = cache.TryGet(_tokenUrl, credentials.ClientId, time.GetUtcNow()) ?? await FetchAsync(cancellationToken).ConfigureAwait(false);
        return new AuthenticationHeaderValue("Bearer", token);
    }

    /// <inheritdoc />
    public override bool Invalidate(AuthenticationHeaderValue header) =>
        header.Parameter is { } token && cache.Remove(_tokenUrl, credentials.ClientId, token);

    private async Task<string> FetchAsync(CancellationToken cancellationToken)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, credentials.TokenUrl)
        {
            Content = new FormUrlEncodedContent(
            [
                new("grant_type", "client_credentials"),
                new("client_id", credentials.ClientId),
                new("client_secret", credentials.ClientSecret),
            ]),
        };

        byte[] body;
        int status;
        try
        {
            using var response = await http.SendAsync(request, timeoutSource.Token).ConfigureAwait(false);
            status = (int)response.StatusCode;
            body = await response.Content.ReadAsByteArrayAsync(timeoutSource.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new WaldurTransportException(OperationId, "POST", credentials.TokenUrl.AbsolutePath, $"the OIDC token request timed out after {timeout.TotalSeconds:0} s", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new WaldurTransportException(OperationId, "POST", credentials.TokenUrl.AbsolutePath, redactor.Redact(ex.Message), ex);
        }

        if (status is < 200 or > 299)
        {
            var excerpt = ResponseText.Excerpt(redactor.Redact(ResponseText.Decode(body)));
            throw new WaldurAuthenticationException(
                $"The OIDC token endpoint {_tokenUrl} refused client '{credentials.ClientId}' with HTTP {status}: {excerpt}. Check oidc_client_id and oidc_client_secret.",
                status);
        }

        var answer = Parse(body);
        if (string.IsNullOrEmpty(answer.AccessToken))
        {
            throw new WaldurAuthenticationException($"The OIDC token endpoint {_tokenUrl} answered without an access_token.", null);
        }

        redactor.Add(answer.AccessToken);
        var lifetime = Lifetime(answer.ExpiresIn);
        cache.Store(_tokenUrl, credentials.ClientId, answer.AccessToken, time.GetUtcNow() + lifetime);
        WaldurLog.OidcTokenFetched(logger, _tokenUrl, credentials.ClientId, (long)lifetime.TotalSeconds);
        return answer.AccessToken;
    }

    private OidcTokenResponse Parse(byte[] body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, OidcJsonContext.Default.OidcTokenResponse) ?? new OidcTokenResponse();
        }
        catch (JsonException)
        {
            throw new WaldurAuthenticationException($"The OIDC token endpoint {_tokenUrl} answered with a body that is not a JSON token response.", null);
        }
    }

    /// <summary><c>expires_in</c> as a number or numeric string; the default lifetime otherwise.</summary>
    internal static TimeSpan Lifetime(JsonElement? expiresIn)
    {
        double seconds = 0;
        var parsed = expiresIn switch
        {
            { ValueKind: JsonValueKind.Number } e => e.TryGetDouble(out seconds),
            { ValueKind: JsonValueKind.String } e => double.TryParse(e.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out seconds),
            _ => false,
        };
        return parsed && seconds > 0 && double.IsFinite(seconds) ? TimeSpan.FromSeconds(seconds) : DefaultLifetime;
    }
}

/// <summary>The fields of a token response the client reads.</summary>
internal sealed record OidcTokenResponse
{
    /// <summary>The bearer token.</summary>
    public string? AccessToken { get; init; }

    /// <summary>Lifetime in seconds, as a number or a string.</summary>
    public JsonElement? ExpiresIn { get; init; }
}

/// <summary>Source-generated JSON metadata of the token response.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(OidcTokenResponse))]
internal sealed partial class OidcJsonContext : JsonSerializerContext;
