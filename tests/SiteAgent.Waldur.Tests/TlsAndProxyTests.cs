using Microsoft.Extensions.Logging;
using SiteAgent.Waldur.Tests.Infrastructure;

namespace SiteAgent.Waldur.Tests;

/// <summary>TLS verification (default, CA bundle, off) against an HTTPS loopback server, and explicit proxies.</summary>
public sealed class TlsAndProxyTests : IDisposable
{
    private const string Version = """{"version": "8.0.9"}""";
    private readonly TestCertificates _certificates = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _certificates.Dispose();

    [Fact]
    public async Task UntrustedCertificate_IsRefusedByDefault_AsATransientTransportError()
    {
        await using var server = new LoopbackServer(_ => CannedResponse.Json(Version), _certificates.Server);
        using var client = TestClients.Client(server, o => o with { ReadRetry = WaldurRetrySettings.None });

        var ex = await Assert.ThrowsAsync<WaldurTransportException>(() => client.GetVersionAsync(Ct));

        Assert.True(ex.IsTransient);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task CaBundle_IsTrustedInAdditionToTheSystemStore()
    {
        await using var server = new LoopbackServer(_ => CannedResponse.Json(Version), _certificates.Server);
        using var client = TestClients.Client(server, o => o with { CaBundlePath = _certificates.BundlePath });

        var version = await client.GetVersionAsync(Ct);

        Assert.Equal("8.0.9", version.Version);
    }

    [Fact]
    public async Task CaBundle_DoesNotExcuseANameMismatch()
    {
        await using var server = new LoopbackServer(_ => CannedResponse.Json(Version), _certificates.Server);
        var url = new Uri($"https://127.0.0.2:{server.Port}/api/");
        using var client = new WaldurClient(TestClients.Options(url) with { CaBundlePath = _certificates.BundlePath, ReadRetry = WaldurRetrySettings.None });

        await Assert.ThrowsAsync<WaldurTransportException>(() => client.GetVersionAsync(Ct));
    }

    [Fact]
    public async Task VerificationOff_AcceptsAnyCertificate_AndWarnsAtCreation()
    {
        await using var server = new LoopbackServer(_ => CannedResponse.Json(Version), _certificates.Server);
        var logger = new ListLogger();
        using var client = TestClients.Client(server, o => o with { VerifyTls = false }, logger);

        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Warning && e.Id.Id == 3000);
        Assert.Equal("8.0.9", (await client.GetVersionAsync(Ct)).Version);
    }

    [Fact]
    public void MissingCaBundle_IsAConfigurationError()
    {
        var options = TestClients.Options(new Uri("https://waldur.example.com/api/")) with { CaBundlePath = "/nonexistent/ca.pem" };

        var ex = Assert.Throws<ArgumentException>(() => new WaldurClient(options));

        Assert.Contains("/nonexistent/ca.pem", ex.Message);
    }

    [Fact]
    public async Task ExplicitProxy_ReceivesTheRequestInAbsoluteForm()
    {
        await using var proxy = new LoopbackServer(_ => CannedResponse.Json(Version));
        var options = TestClients.Options(new Uri("http://waldur.invalid/api/")) with { Proxy = proxy.BaseUri };
        using var client = new WaldurClient(options);

        await client.GetVersionAsync(Ct);

        var request = Assert.Single(proxy.Requests);
        Assert.Equal("http://waldur.invalid/api/version/", request.Target);
        Assert.Equal("Token " + TestClients.Token, request.Header("Authorization"));
    }
}
