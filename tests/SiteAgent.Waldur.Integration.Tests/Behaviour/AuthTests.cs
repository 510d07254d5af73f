using SiteAgent.Waldur.Emulator;
using SiteAgent.Waldur.Integration.Tests.Infrastructure;
using static SiteAgent.Waldur.Integration.Tests.Infrastructure.EmulatedWaldur;

namespace SiteAgent.Waldur.Integration.Tests.Behaviour;

/// <summary>Static tokens and OIDC client credentials against the emulator's DRF auth and <c>/oidc/token</c>.</summary>
public sealed class AuthTests
{
    private const string WrongToken = "wrong-token-3c2b1a09f8e7d6c5";
    private const string OidcSecret = "oidc-secret-5a4b3c2d1e0f";

    [Test]
    public async Task StaticToken_Unknown_401NotRetriedAndTokenNotInMessage()
    {
        await using var w = await StartAsync(client: o => o with { Credentials = new StaticTokenCredentials(WrongToken) });

        var error = await Assert.ThrowsExactlyAsync<WaldurApiException>(() => w.Client.GetVersionAsync(Ct));

        await Assert.That((error!.StatusCode, error.IsTransient)).IsEqualTo((401, false));
        await Assert.That(error.Message).Contains("Invalid token.");
        await Assert.That(error.ToString()).DoesNotContain(WrongToken);
        await Assert.That((await Assert.That(w.Requests).HasSingleItem()).Status).IsEqualTo(401);
    }

    [Test]
    public async Task Oidc_ClientCredentials_OneTokenServesManyCalls()
    {
        await using var w = await StartOidcAsync();

        var me = await w.Client.GetCurrentUserAsync(cancellationToken: Ct);
        await w.Client.GetVersionAsync(Ct);

        await Assert.That(me.Username).IsEqualTo("site-agent");
        await Assert.That(TokenRequests(w)).IsEqualTo(1);
        await Assert.That(w.Requests.Count(r => r.Path.StartsWith("/api/", StringComparison.Ordinal) && r.Status == 200)).IsEqualTo(2);
    }

    [Test]
    public async Task Oidc_ServerExpiresToken_Call401DropsItAndNextCallRefreshes()
    {
        await using var w = await StartOidcAsync();
        await w.Client.GetVersionAsync(Ct);
        await Assert.That(w.Host.ExpireOidcTokens() > 0).IsTrue();

        var error = await Assert.ThrowsExactlyAsync<WaldurApiException>(() => w.Client.GetVersionAsync(Ct));
        var version = await w.Client.GetVersionAsync(Ct);

        await Assert.That((error!.StatusCode, version.Version)).IsEqualTo((401, "8.0.9"));
        await Assert.That(error.Message).Contains("Token has expired.");
        await Assert.That(TokenRequests(w)).IsEqualTo(2);
        await Assert.That(w.Requests.Where(r => r.OperationId is not null).Select(r => r.Status)).IsEquivalentTo([200, 401, 200], CollectionOrdering.Matching);
    }

    [Test]
    public async Task Oidc_LifetimeAlmostOver_RefreshedBeforeWaldurRefusesIt()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var w = await StartOidcAsync(clock);
        await w.Client.GetVersionAsync(Ct);

        clock.Now += TimeSpan.FromSeconds(300 - 29);
        await w.Client.GetVersionAsync(Ct);

        await Assert.That(TokenRequests(w)).IsEqualTo(2);
        foreach (var r in w.Requests) { await Assert.That(r.Status).IsEqualTo(200); }
    }

    [Test]
    public async Task Oidc_WrongSecret_AuthenticationErrorWithoutSecret()
    {
        await using var w = await StartOidcAsync(secret: "not-the-secret-9f8e7d");

        var error = await Assert.ThrowsExactlyAsync<WaldurAuthenticationException>(() => w.Client.GetVersionAsync(Ct));

        await Assert.That((error!.StatusCode, error.IsTransient)).IsEqualTo((401, false));
        await Assert.That(error.ToString()).DoesNotContain("not-the-secret-9f8e7d");
        await Assert.That((await Assert.That(w.Requests).HasSingleItem()).Path).IsEqualTo("/oidc/token");
    }

    // Tokens are cached process-wide per (token URL, client id); a fresh client id per test keeps a
    // token of an earlier emulator that happened to listen on the same port out of this one.
    private static Task<EmulatedWaldur> StartOidcAsync(TimeProvider? clock = null, string secret = OidcSecret)
    {
        var clientId = $"site-agent-{Guid.NewGuid():N}";
        return StartAsync(
            emulator: o => o with { Oidc = new OidcOptions(clientId, OidcSecret, ExpiresIn: 300) },
            client: o => o with
            {
                Credentials = new OidcClientCredentials(new Uri(o.ApiUrl, "/oidc/token"), clientId, secret),
                TimeProvider = clock ?? TimeProvider.System,
            });
    }

    private static int TokenRequests(EmulatedWaldur w) => w.Requests.Count(r => r.Path == "/oidc/token");
}

/// <summary>A clock whose "now" the test moves; timers stay real so retry delays still run.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
