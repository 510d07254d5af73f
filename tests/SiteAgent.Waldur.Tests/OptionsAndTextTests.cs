using SiteAgent.Waldur.Http;
using SiteAgent.Waldur.Secrets;
using SiteAgent.Waldur.Tests.Infrastructure;

namespace SiteAgent.Waldur.Tests;

/// <summary>Options validation, the API root, query encoding and secret redaction.</summary>
public sealed class OptionsAndTextTests
{
    private static CancellationToken Ct => TestContext.Current!.Execution.CancellationToken;

    [Test]
    public async Task InvalidOptions_ListEveryProblem()
    {
        var options = TestClients.Options(new Uri("ftp://waldur.example.com/api/")) with
        {
            Credentials = new OidcClientCredentials(new Uri("https://idp.example.com/token"), "", ""),
            UserAgent = "",
            Timeout = TimeSpan.Zero,
        };

        var problems = options.Validate();

        await Assert.That(problems.Count).IsEqualTo(5);
        await Assert.That(problems).Contains(p => p.Contains("waldur_api_url", StringComparison.Ordinal));
        await Assert.That(problems).Contains(p => p.Contains("oidc_client_secret", StringComparison.Ordinal));
        Assert.ThrowsExactly<ArgumentException>(() => new WaldurClient(options));
    }

    [Test]
    public async Task EmptyStaticToken_IsInvalid()
    {
        var options = TestClients.Options(new Uri("https://waldur.example.com/api/")) with { Credentials = new StaticTokenCredentials(" ") };

        await Assert.That(options.Validate()).Contains(p => p.Contains("waldur_api_token", StringComparison.Ordinal));
    }

    [Test]
    public async Task ApiUrl_IsTheRoot_WithRelativePathsBelowIt()
    {
        await using var server = new LoopbackServer(_ => CannedResponse.Json("""{"version": "8.0.9"}"""));
        var url = new Uri(server.BaseUri, "waldur/api");
        using var client = new WaldurClient(TestClients.Options(url));

        await client.GetVersionAsync(Ct);

        await Assert.That((await Assert.That(server.Requests).HasSingleItem()).Path).IsEqualTo("/waldur/api/version/");
        await Assert.That(client.ApiUrl.AbsoluteUri).EndsWith("/waldur/api/");
    }

    [Test]
    public async Task QueryBuilder_EncodesAsTheSchemaDeclares()
    {
        var query = new QueryBuilder()
            .AddEach("state", ["Pending account linking", "OK"])
            .AddJoined("offering_uuid", [Guid.Parse("a0000000-0000-4000-8000-000000000001"), Guid.Parse("a0000000-0000-4000-8000-000000000002")])
            .Add("is_restricted", false)
            .Add("billing_period", new DateOnly(2025, 5, 1))
            .Add("name", (string?)null)
            .AddJoined("o", Array.Empty<string>())
            .ToString();

        await Assert.That(query).IsEqualTo("?state=Pending%20account%20linking&state=OK&offering_uuid=a0000000000040008000000000000001,a0000000000040008000000000000002&is_restricted=false&billing_period=2025-05-01");
    }

    [Test]
    public async Task Redactor_MasksKnownSecretsAndSecretNamedJsonValues()
    {
        var redactor = new SecretRedactor();
        redactor.Add("tok-123456");

        await Assert.That(redactor.Redact("Invalid token tok-123456.")).IsEqualTo("Invalid token ********.");
        await Assert.That(redactor.RedactJson("""{"api_key": "k", "client_secret": {"a": 1}, "token": null, "nested": {"password": "p", "note": "has tok-123456"}, "n": 1.50}"""u8)).IsEqualTo("""{"api_key":"********","client_secret":"********","token":null,"nested":{"password":"********","note":"has ********"},"n":1.50}""");
    }

    [Test]
    public async Task Redactor_UsesOneMask_ForValuesCredentialShapesAndRecords()
    {
        var redactor = new SecretRedactor();
        redactor.AddSecrets(["abc", "tok-123456", "tok-123456-longer"]);

        await Assert.That(redactor.Redact("abc tok-123456-longer tok-123456")).IsEqualTo("abc ******** ********");
        await Assert.That(redactor.Redact("Authorization: Token deadbeef01")).IsEqualTo("Authorization: Token ********");
        await Assert.That(redactor.Redact("""{"client_secret": "s3"}""")).IsEqualTo("""{"client_secret": "********"}""");
        await Assert.That(redactor.Redact("https://w/api/?token=t0k&x=1")).IsEqualTo("https://w/api/?token=[REDACTED]&x=1");
        await Assert.That(new StaticTokenCredentials("tok-123456").ToString()).IsEqualTo("StaticTokenCredentials { Token = ******** }");
        await Assert.That(new OidcClientCredentials(new Uri("https://idp/token"), "c", "tok-123456").ToString()).Contains("ClientSecret = ********");
    }

    [Test]
    public async Task ErrorBodies_AreRedacted_OfCredentialShapesTheClientWasNotTold()
    {
        await using var server = new LoopbackServer(_ => new CannedResponse(400, """{"detail": "bad", "access_token": "eyJraWQiOi"}"""));
        using var client = TestClients.Client(server);

        var ex = await Assert.ThrowsExactlyAsync<WaldurApiException>(() => client.GetVersionAsync(Ct));

        await Assert.That(ex!.Body).DoesNotContain("eyJraWQiOi");
        await Assert.That(ex.Body).Contains(SecretRedactor.Mask);
    }

    [Test]
    public async Task UserAgent_HasTheAgentPrefix()
    {
        await Assert.That(WaldurUserAgent.For("order_process", "1.2.3")).IsEqualTo("waldur-site-agent-order_process/1.2.3");
    }
}
