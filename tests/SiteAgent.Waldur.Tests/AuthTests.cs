using System.Text;
using SiteAgent.Waldur.Tests.Infrastructure;

namespace SiteAgent.Waldur.Tests;

/// <summary>Static token and OIDC client credentials: headers, token form, cache, refresh and failures.</summary>
public sealed class AuthTests
{
    private const string Secret = "cl1ent-s3cret-value";
    private const string Version = """{"version": "8.0.9"}""";

    private static CancellationToken Ct => TestContext.Current!.Execution.CancellationToken;

    [Test]
    public async Task StaticToken_IsSentAsTokenHeader_WithTheUserAgent()
    {
        await using var server = new LoopbackServer(_ => CannedResponse.Json(Version));
        using var client = TestClients.Client(server);

        await client.GetVersionAsync(Ct);

        var request = await Assert.That(server.Requests).HasSingleItem();
        await Assert.That(request.Header("Authorization")).IsEqualTo("Token " + TestClients.Token);
        await Assert.That(request.Header("User-Agent")).IsEqualTo("waldur-site-agent-testing/0.1.0");
        await Assert.That(request.Path).IsEqualTo("/api/version/");
    }

    [Test]
    public async Task Oidc_FetchesTokenWithFormPost_AndSendsBearer()
    {
        var oidc = new OidcServer("""{"access_token": "jwt-1", "expires_in": 300, "token_type": "Bearer"}""");
        await using var server = new LoopbackServer(oidc.Answer);
        using var client = new WaldurClient(oidc.Options(server));

        await client.GetVersionAsync(Ct);
        await client.GetVersionAsync(Ct);

        var requests = server.Requests.ToList();
        await Assert.That(requests.Count).IsEqualTo(3);
        var token = requests[0];
        await Assert.That(token.Path).IsEqualTo("/oidc/token");
        await Assert.That(token.Method).IsEqualTo("POST");
        await Assert.That(token.Header("Content-Type")).StartsWith("application/x-www-form-urlencoded");
        await Assert.That(token.BodyText).IsEqualTo($"grant_type=client_credentials&client_id={oidc.ClientId}&client_secret={Secret}");
        await Assert.That(token.Header("Authorization")).IsNull();
        foreach (var r in requests.Skip(1)) { await Assert.That(r.Header("Authorization")).IsEqualTo("Bearer jwt-1"); }
    }

    [Test]
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
        await Assert.That(oidc.TokensIssued).IsEqualTo(1);

        clock.Now += TimeSpan.FromSeconds(2);
        await first.GetVersionAsync(Ct);

        await Assert.That(oidc.TokensIssued).IsEqualTo(2);
        await Assert.That(server.Requests.Last().Header("Authorization")).IsEqualTo("Bearer jwt-2");
    }

    [Test]
    [Arguments("""{"access_token": "jwt-@"}""")]
    [Arguments("""{"access_token": "jwt-@", "expires_in": "soon"}""")]
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

        await Assert.That(oidc.TokensIssued).IsEqualTo(2);
    }

    [Test]
    public async Task Oidc_RefusedCredentials_AreNonTransient_AndNeverShowTheSecret()
    {
        var oidc = new OidcServer("""{"error": "invalid_client", "echo": "cl1ent-s3cret-value"}""", status: 401);
        await using var server = new LoopbackServer(oidc.Answer);
        using var client = new WaldurClient(oidc.Options(server));

        var ex = await Assert.ThrowsExactlyAsync<WaldurAuthenticationException>(() => client.GetVersionAsync(Ct));

        await Assert.That(ex!.IsTransient).IsFalse();
        await Assert.That(ex.StatusCode).IsEqualTo(401);
        await Assert.That(ex.Message).Contains("invalid_client");
        await Assert.That(ex.ToString()).DoesNotContain(Secret);
        await Assert.That(server.Requests).HasSingleItem();
    }

    [Test]
    public async Task Oidc_TokenEndpointDown_IsTransientAndRetried()
    {
        var oidc = new OidcServer("""{"access_token": "jwt-@"}""") { FailFirst = 1 };
        await using var server = new LoopbackServer(oidc.Answer);
        using var client = new WaldurClient(oidc.Options(server));

        await client.GetVersionAsync(Ct);

        await Assert.That(server.Requests.Select(r => r.Path)).IsEquivalentTo(["/oidc/token", "/oidc/token", "/api/version/"], CollectionOrdering.Matching);
    }

    [Test]
    public async Task Oidc_AnswerWithoutToken_IsAnError()
    {
        var oidc = new OidcServer("""{"token_type": "Bearer"}""");
        await using var server = new LoopbackServer(oidc.Answer);
        using var client = new WaldurClient(oidc.Options(server));

        var ex = await Assert.ThrowsExactlyAsync<WaldurAuthenticationException>(() => client.GetVersionAsync(Ct));

        await Assert.That(ex!.Message).Contains("access_token");
        await Assert.That(ex.IsTransient).IsFalse();
    }

    [Test]
    public async Task Oidc_Unauthorized_DropsTheCachedToken()
    {
        var oidc = new OidcServer("""{"access_token": "jwt-@", "expires_in": 3600}""") { RejectApiOnce = true };
        await using var server = new LoopbackServer(oidc.Answer);
        using var client = new WaldurClient(oidc.Options(server));

        await Assert.ThrowsExactlyAsync<WaldurApiException>(() => client.GetVersionAsync(Ct));
        await client.GetVersionAsync(Ct);

        await Assert.That(oidc.TokensIssued).IsEqualTo(2);
        await Assert.That(server.Requests.Last().Header("Authorization")).IsEqualTo("Bearer jwt-2");
    }

    [Test]
    public async Task Unauthorized_MessageNeverShowsTheToken()
    {
        await using var server = new LoopbackServer(_ => new CannedResponse(401, $$"""{"detail": "Invalid token {{TestClients.Token}}."}"""));
        using var client = TestClients.Client(server);

        var ex = await Assert.ThrowsExactlyAsync<WaldurApiException>(() => client.GetVersionAsync(Ct));

        await Assert.That(ex!.ToString()).DoesNotContain(TestClients.Token);
        await Assert.That(ex.Message).Contains("Invalid token ********");
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
