using SiteAgent.Waldur.Http;
using SiteAgent.Waldur.Secrets;
using SiteAgent.Waldur.Tests.Infrastructure;

namespace SiteAgent.Waldur.Tests;

/// <summary>Options validation, the API root, query encoding and secret redaction.</summary>
public sealed class OptionsAndTextTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void InvalidOptions_ListEveryProblem()
    {
        var options = TestClients.Options(new Uri("ftp://waldur.example.com/api/")) with
        {
            Credentials = new OidcClientCredentials(new Uri("https://idp.example.com/token"), "", ""),
            UserAgent = "",
            Timeout = TimeSpan.Zero,
        };

        var problems = options.Validate();

        Assert.Equal(5, problems.Count);
        Assert.Contains(problems, p => p.Contains("waldur_api_url", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("oidc_client_secret", StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => new WaldurClient(options));
    }

    [Fact]
    public void EmptyStaticToken_IsInvalid()
    {
        var options = TestClients.Options(new Uri("https://waldur.example.com/api/")) with { Credentials = new StaticTokenCredentials(" ") };

        Assert.Contains(options.Validate(), p => p.Contains("waldur_api_token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ApiUrl_IsTheRoot_WithRelativePathsBelowIt()
    {
        await using var server = new LoopbackServer(_ => CannedResponse.Json("""{"version": "8.0.9"}"""));
        var url = new Uri(server.BaseUri, "waldur/api");
        using var client = new WaldurClient(TestClients.Options(url));

        await client.GetVersionAsync(Ct);

        Assert.Equal("/waldur/api/version/", Assert.Single(server.Requests).Path);
        Assert.EndsWith("/waldur/api/", client.ApiUrl.AbsoluteUri);
    }

    [Fact]
    public void QueryBuilder_EncodesAsTheSchemaDeclares()
    {
        var query = new QueryBuilder()
            .AddEach("state", ["Pending account linking", "OK"])
            .AddJoined("offering_uuid", [Guid.Parse("a0000000-0000-4000-8000-000000000001"), Guid.Parse("a0000000-0000-4000-8000-000000000002")])
            .Add("is_restricted", false)
            .Add("billing_period", new DateOnly(2025, 5, 1))
            .Add("name", (string?)null)
            .AddJoined("o", Array.Empty<string>())
            .ToString();

        Assert.Equal(
            "?state=Pending%20account%20linking&state=OK&offering_uuid=a0000000000040008000000000000001,a0000000000040008000000000000002&is_restricted=false&billing_period=2025-05-01",
            query);
    }

    [Fact]
    public void Redactor_MasksKnownSecretsAndSecretNamedJsonValues()
    {
        var redactor = new SecretRedactor();
        redactor.Add("tok-123456");

        Assert.Equal("Invalid token ***.", redactor.Redact("Invalid token tok-123456."));
        Assert.Equal(
            """{"api_key":"***","client_secret":"***","token":null,"nested":{"password":"***","note":"has ***"},"n":1.50}""",
            redactor.RedactJson("""{"api_key": "k", "client_secret": {"a": 1}, "token": null, "nested": {"password": "p", "note": "has tok-123456"}, "n": 1.50}"""u8));
    }

    [Fact]
    public void UserAgent_HasTheAgentPrefix()
    {
        Assert.Equal("waldur-site-agent-order_process/1.2.3", WaldurUserAgent.For("order_process", "1.2.3"));
    }
}
