using Microsoft.Extensions.Logging;
using SiteAgent.Waldur.Tests.Infrastructure;

namespace SiteAgent.Waldur.Tests;

/// <summary>TLS verification (default, CA bundle, off) against an HTTPS loopback server, and explicit proxies.</summary>
public sealed class TlsAndProxyTests : IDisposable
{
    private const string Version = """{"version": "8.0.9"}""";
    private readonly TestCertificates _certificates = new();

    private static CancellationToken Ct => TestContext.Current!.Execution.CancellationToken;

    public void Dispose() => _certificates.Dispose();

    [Test]
    public async Task UntrustedCertificate_IsRefusedByDefault_AsATransientTransportError()
    {
        await using var server = new LoopbackServer(_ => CannedResponse.Json(Version), _certificates.Server);
        using var client = TestClients.Client(server, o => o with { ReadRetry = WaldurRetrySettings.None });

        var ex = await Assert.ThrowsExactlyAsync<WaldurTransportException>(() => client.GetVersionAsync(Ct));

        await Assert.That(ex!.IsTransient).IsTrue();
        await Assert.That(server.Requests).IsEmpty();
    }

    [Test]
    public async Task CaBundle_IsTrustedInAdditionToTheSystemStore()
    {
        await using var server = new LoopbackServer(_ => CannedResponse.Json(Version), _certificates.Server);
        using var client = TestClients.Client(server, o => o with { CaBundlePath = _certificates.BundlePath });

        var version = await client.GetVersionAsync(Ct);

        await Assert.That(version.Version).IsEqualTo("8.0.9");
    }

    [Test]
    public async Task CaBundle_DoesNotExcuseANameMismatch()
    {
        await using var server = new LoopbackServer(_ => CannedResponse.Json(Version), _certificates.Server);
        var url = new Uri($"https://127.0.0.2:{server.Port}/api/");
        using var client = new WaldurClient(TestClients.Options(url) with { CaBundlePath = _certificates.BundlePath, ReadRetry = WaldurRetrySettings.None });

        await Assert.ThrowsExactlyAsync<WaldurTransportException>(() => client.GetVersionAsync(Ct));
    }

    [Test]
    public async Task VerificationOff_AcceptsAnyCertificate_AndWarnsAtCreation()
    {
        await using var server = new LoopbackServer(_ => CannedResponse.Json(Version), _certificates.Server);
        var logger = new ListLogger();
        using var client = TestClients.Client(server, o => o with { VerifyTls = false }, logger);

        await Assert.That(logger.Entries).Contains(e => e.Level == LogLevel.Warning && e.Id.Id == 3000);
        await Assert.That((await client.GetVersionAsync(Ct)).Version).IsEqualTo("8.0.9");
    }

    [Test]
    public async Task MissingCaBundle_IsAConfigurationError()
    {
        var options = TestClients.Options(new Uri("https://waldur.example.com/api/")) with { CaBundlePath = "/nonexistent/ca.pem" };

        var ex = Assert.ThrowsExactly<ArgumentException>(() => new WaldurClient(options));

        await Assert.That(ex.Message).Contains("/nonexistent/ca.pem");
    }

    [Test]
    public async Task ExplicitProxy_ReceivesTheRequestInAbsoluteForm()
    {
        await using var proxy = new LoopbackServer(_ => CannedResponse.Json(Version));
        var options = TestClients.Options(new Uri("http://waldur.invalid/api/")) with { Proxy = proxy.BaseUri };
        using var client = new WaldurClient(options);

        await client.GetVersionAsync(Ct);

        var request = await Assert.That(proxy.Requests).HasSingleItem();
        await Assert.That(request.Target).IsEqualTo("http://waldur.invalid/api/version/");
        await Assert.That(request.Header("Authorization")).IsEqualTo("Token " + TestClients.Token);
    }
}
