using System.Text;
using SiteAgent.Waldur.Tests.Infrastructure;

namespace SiteAgent.Waldur.Tests;

/// <summary>Static token and OIDC client credentials: headers, token form, cache, refresh and failures.</summary>
public sealed class AuthTests
{
    private const string Secret = "cl1ent-s3cret-value";
    private const string Version = """{"version": "8.0.9"}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StaticToken_IsSentAsTokenHeader_WithTheUserAgent()
    {
        await using var server = new LoopbackServer(_ => CannedResponse.Json(Version));
        using var client = TestClients.Client(server);

        await client.GetVersionAsync(Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal("Token " + TestClients.Token, request.Header("Authorization"));
        Assert.Equal("waldur-site-agent-testing/0.1.0", request.Header("User-Agent"));
        Assert.Equal("/api/version/", request.Path);
    }

    [Fact]
    public async Task Oidc_FetchesTokenWithFormPost_AndSendsBearer()
    {
        var oidc = new OidcServer("""{"access_token": "jwt-1", "expires_in": 300, "token_type": "Bearer"}""");
        await using var server = new LoopbackServer(oidc.Answer);
        using var client = new WaldurClient(oidc.Options(server));

        await client.GetVersionAsync(Ct);
        await client.GetVersionAsync(Ct);

        var requests = server.Requests.ToList();
        Assert.Equal(3, requests.Count);
        var token = requests[0];
        Assert.Equal("/oidc/token", token.Path);
        Assert.Equal("POST", token.Method);
        Assert.StartsWith("application/x-www-form-urlencoded", token.Header("Content-Type"));
        Assert.Equal($"grant_type=client_credentials&client_id={oidc.ClientId}&client_secret={Secret}", token.BodyText);
        Assert.Null(token.Header("Authorization"));
        Assert.All(requests.Skip(1), r => Assert.Equal("Bearer jwt-1", r.Header("Authorization")));
    }

    [Fact]
    public async Task Oidc_TokenIsSharedAcrossClients_AndRefreshedThirtySecondsBeforeExpiry()
    {
        var clock = new ManualClock(new DateTimeOffset(2025, 5, 1, 12, 0, 0, TimeSpan.Zero));
        var oidc = new OidcServer("""{"access_token": "jwt-@", "expires_in": "300"}""");
        await using var server = new LoopbackServer(oidc.Answer);
        using var first = new WaldurClient(oidc.Options(server) with { TimeProvider = clock });
        using var second = new WaldurClient(oidc.Options(server) with { TimeProvider = clock });

        await first.GetVersionAsync(Ct);
        clock.Now += TimeSpan.FromSeconds(269);
        await second.GetVersionAsync(Ct);
        Assert.Equal(1, oidc.TokensIssued);

        clock.Now += TimeSpan.FromSeconds(2);
        await first.GetVersionAsync(Ct);

        Assert.Equal(2, oidc.TokensIssued);
        Assert.Equal("Bearer jwt-2", server.Requests.Last().Header("Authorization"));
    }

    [Theory]
    [InlineData("""{"access_token": "jwt-@"}""")]
    [InlineData("""{"access_token": "jwt-@", "expires_in": "soon"}""")]
    public async Task Oidc_MissingOrUnparsableLifetime_Means300Seconds(string answer)
    {
        var clock = new ManualClock(new DateTimeOffset(2025, 5, 1, 12, 0, 0, TimeSpan.Zero));
        var oidc = new OidcServer(answer);
        await using var server = new LoopbackServer(oidc.Answer);
        using var client = new WaldurClient(oidc.Options(server) with { TimeProvider = clock });

        await client.GetVersionAsync(Ct);
        clock.Now += TimeSpan.FromSeconds(269);
        await client.GetVersionAsync(Ct);
        clock.Now += TimeSpan.FromSeconds(2);
        await client.GetVersionAsync(Ct);

        Assert.Equal(2, oidc.TokensIssued);
    }

    [Fact]
    public async Task Oidc_RefusedCredentials_AreNonTransient_AndNeverShowTheSecret()
    {
        var oidc = new OidcServer("""{"error": "invalid_client", "echo": "cl1ent-s3cret-value"}""", status: 401);
        await using var server = new LoopbackServer(oidc.Answer);
        using var client = new WaldurClient(oidc.Options(server));

        var ex = await Assert.ThrowsAsync<WaldurAuthenticationException>(() => client.GetVersionAsync(Ct));

        Assert.False(ex.IsTransient);
        Assert.Equal(401, ex.StatusCode);
        Assert.Contains("invalid_client", ex.Message);
        Assert.DoesNotContain(Secret, ex.ToString());
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Oidc_TokenEndpointDown_IsTransientAndRetried()
    {
        var oidc = new OidcServer("""{"access_token": "jwt-@"}""") { FailFirst = 1 };
        await using var server = new LoopbackServer(oidc.Answer);
        using var client = new WaldurClient(oidc.Options(server));

        await client.GetVersionAsync(Ct);

        Assert.Equal(["/oidc/token", "/oidc/token", "/api/version/"], server.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task Oidc_AnswerWithoutToken_IsAnError()
    {
        var oidc = new OidcServer("""{"token_type": "Bearer"}""");
        await using var server = new LoopbackServer(oidc.Answer);
        using var client = new WaldurClient(oidc.Options(server));

        var ex = await Assert.ThrowsAsync<WaldurAuthenticationException>(() => client.GetVersionAsync(Ct));

        Assert.Contains("access_token", ex.Message);
        Assert.False(ex.IsTransient);
    }

    [Fact]
    public async Task Oidc_Unauthorized_DropsTheCachedToken()
    {
        var oidc = new OidcServer("""{"access_token": "jwt-@", "expires_in": 3600}""") { RejectApiOnce = true };
        await using var server = new LoopbackServer(oidc.Answer);
        using var client = new WaldurClient(oidc.Options(server));

        await Assert.ThrowsAsync<WaldurApiException>(() => client.GetVersionAsync(Ct));
        await client.GetVersionAsync(Ct);

        Assert.Equal(2, oidc.TokensIssued);
        Assert.Equal("Bearer jwt-2", server.Requests.Last().Header("Authorization"));
    }

    [Fact]
    public async Task Unauthorized_MessageNeverShowsTheToken()
    {
        await using var server = new LoopbackServer(_ => new CannedResponse(401, $$"""{"detail": "Invalid token {{TestClients.Token}}."}"""));
        using var client = TestClients.Client(server);

        var ex = await Assert.ThrowsAsync<WaldurApiException>(() => client.GetVersionAsync(Ct));

        Assert.DoesNotContain(TestClients.Token, ex.ToString());
        Assert.Contains("Invalid token ***", ex.Message);
    }

    /// <summary>A token endpoint at /oidc/token and an API that expects the latest token.</summary>
    private sealed class OidcServer(string answer, int status = 200)
    {
        private int _issued;
        private int _rejected;

        public string ClientId { get; } = "agent-" + Guid.NewGuid().ToString("N");

        public int TokensIssued => _issued;

        public int FailFirst { get; init; }

        public bool RejectApiOnce { get; init; }

        public WaldurClientOptions Options(LoopbackServer server) => TestClients.Options(server.ApiUrl) with
        {
            Credentials = new OidcClientCredentials(new Uri(server.BaseUri, "oidc/token"), ClientId, Secret),
        };

        public CannedResponse Answer(RecordedRequest request)
        {
            if (request.Path == "/oidc/token")
            {
                if (FailFirst > 0 && Interlocked.Increment(ref _rejected) <= FailFirst)
                {
                    return new CannedResponse(503, "{}");
                }

                if (status != 200)
                {
                    return new CannedResponse(status, answer);
                }

                var number = Interlocked.Increment(ref _issued);
                return CannedResponse.Json(answer.Replace("@", number.ToString(), StringComparison.Ordinal));
            }

            if (RejectApiOnce && Interlocked.Exchange(ref _rejected, 1) == 0)
            {
                return new CannedResponse(401, """{"detail": "Token expired."}""");
            }

            return CannedResponse.Json(Version);
        }
    }
}
