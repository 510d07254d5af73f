using System.Diagnostics;
using System.Net.Http.Headers;
using SiteAgent.Waldur.Http;
using SiteAgent.Waldur.Tests.Infrastructure;

namespace SiteAgent.Waldur.Tests;

/// <summary>Retries on 5xx, 429, dropped connections and timeouts; never on other 4xx.</summary>
public sealed class RetryTests
{
    private const string Version = """{"version": "8.0.9"}""";

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(429)]
    public async Task TransientStatus_IsRetried(int status)
    {
        var attempts = 0;
        await using var server = new LoopbackServer(_ => ++attempts < 3 ? new CannedResponse(status, """{"detail": "busy"}""") : CannedResponse.Json(Version));
        using var client = TestClients.Client(server);

        var version = await client.GetVersionAsync(TestContext.Current.CancellationToken);

        Assert.Equal("8.0.9", version.Version);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task BadRequest_IsNotRetried_AndCarriesWaldursErrorBody()
    {
        await using var server = new LoopbackServer(_ => new CannedResponse(400, """{"non_field_errors": ["Order is not in pending-provider state."]}"""));
        using var client = TestClients.Client(server);
        var order = Guid.NewGuid();

        var ex = await Assert.ThrowsAsync<WaldurApiException>(() => client.ApproveOrderByProviderAsync(order, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Single(server.Requests);
        Assert.Equal(400, ex.StatusCode);
        Assert.False(ex.IsTransient);
        Assert.Equal("marketplace_orders_approve_by_provider", ex.OperationId);
        Assert.Equal($"/api/marketplace-orders/{order:N}/approve_by_provider/", ex.Path);
        Assert.Contains("Order is not in pending-provider state.", ex.Message);
        Assert.Contains("POST", ex.Message);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(409)]
    public async Task OtherClientErrors_AreNotRetriedNorTransient(int status)
    {
        await using var server = new LoopbackServer(_ => new CannedResponse(status, """{"detail": "no"}"""));
        using var client = TestClients.Client(server);

        var ex = await Assert.ThrowsAsync<WaldurApiException>(() => client.GetVersionAsync(TestContext.Current.CancellationToken));

        Assert.Single(server.Requests);
        Assert.False(ex.IsTransient);
    }

    [Fact]
    public async Task ExhaustedRetries_SurfaceATransientError()
    {
        await using var server = new LoopbackServer(_ => new CannedResponse(503, "<html>maintenance</html>"));
        using var client = TestClients.Client(server);

        var ex = await Assert.ThrowsAsync<WaldurApiException>(() => client.GetVersionAsync(TestContext.Current.CancellationToken));

        Assert.Equal(4, server.Requests.Count);
        Assert.True(ex.IsTransient);
        Assert.Contains("maintenance", ex.Body);
    }

    [Fact]
    public async Task LongErrorBody_IsTruncatedInTheMessage()
    {
        var body = "{\"detail\": \"" + new string('x', 10_000) + "\"}";
        await using var server = new LoopbackServer(_ => new CannedResponse(400, body));
        using var client = TestClients.Client(server);

        var ex = await Assert.ThrowsAsync<WaldurApiException>(() => client.GetVersionAsync(TestContext.Current.CancellationToken));

        Assert.True(ex.Message.Length < 700, ex.Message.Length.ToString());
        Assert.EndsWith("…", ex.Message);
        Assert.True(ex.Body.Length <= 4096);
    }

    [Fact]
    public async Task DroppedConnection_IsRetried()
    {
        var attempts = 0;
        await using var server = new LoopbackServer(_ => ++attempts == 1 ? new CannedResponse(200) { Drop = true } : CannedResponse.Json(Version));
        using var client = TestClients.Client(server);

        await client.GetVersionAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task SlowAnswer_TimesOutPerAttempt_AndIsRetried()
    {
        var attempts = 0;
        await using var server = new LoopbackServer(_ => ++attempts == 1 ? CannedResponse.Json(Version) with { Delay = TimeSpan.FromSeconds(5) } : CannedResponse.Json(Version));
        using var client = TestClients.Client(server, o => o with { Timeout = TimeSpan.FromMilliseconds(300) });

        await client.GetVersionAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task PersistentTimeout_IsATransientTransportError()
    {
        await using var server = new LoopbackServer(_ => CannedResponse.Json(Version) with { Delay = TimeSpan.FromSeconds(5) });
        using var client = TestClients.Client(server, o => o with { Timeout = TimeSpan.FromMilliseconds(200), ReadRetry = WaldurRetrySettings.None });

        var ex = await Assert.ThrowsAsync<WaldurTransportException>(() => client.GetVersionAsync(TestContext.Current.CancellationToken));

        Assert.True(ex.IsTransient);
        Assert.Contains("no answer within 0.2 s", ex.Message);
    }

    [Fact]
    public async Task RefusedConnection_IsATransientTransportError()
    {
        var server = new LoopbackServer(_ => CannedResponse.Json(Version));
        var url = server.ApiUrl;
        await server.DisposeAsync();
        using var client = new WaldurClient(TestClients.Options(url));

        var ex = await Assert.ThrowsAsync<WaldurTransportException>(() => client.GetVersionAsync(TestContext.Current.CancellationToken));

        Assert.True(ex.IsTransient);
        Assert.Equal("version_retrieve", ex.OperationId);
    }

    [Fact]
    public async Task RetryAfterSeconds_IsHonoured()
    {
        var attempts = 0;
        await using var server = new LoopbackServer(_ => ++attempts == 1
            ? new CannedResponse(429) { Headers = [new("Retry-After", "1")] }
            : CannedResponse.Json(Version));
        using var client = TestClients.Client(server);

        var watch = Stopwatch.StartNew();
        await client.GetVersionAsync(TestContext.Current.CancellationToken);

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(950), watch.Elapsed.ToString());
    }

    [Fact]
    public async Task RetryAfterLongerThanAllowed_StopsRetryingAtOnce()
    {
        await using var server = new LoopbackServer(_ => new CannedResponse(503) { Headers = [new("Retry-After", "3600")] });
        using var client = TestClients.Client(server);

        var ex = await Assert.ThrowsAsync<WaldurApiException>(() => client.GetVersionAsync(TestContext.Current.CancellationToken));

        Assert.Single(server.Requests);
        Assert.True(ex.IsTransient);
        Assert.Equal(TimeSpan.FromHours(1), ex.RetryAfter);
    }

    [Fact]
    public void RetryAfter_ReadsSecondsAndHttpDates()
    {
        var now = new DateTimeOffset(2025, 5, 1, 12, 0, 0, TimeSpan.Zero);
        using var seconds = new HttpResponseMessage();
        seconds.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7));
        using var date = new HttpResponseMessage();
        date.Headers.TryAddWithoutValidation("Retry-After", "Thu, 01 May 2025 12:00:30 GMT");
        using var past = new HttpResponseMessage();
        past.Headers.TryAddWithoutValidation("Retry-After", "Thu, 01 May 2025 11:00:00 GMT");
        using var none = new HttpResponseMessage();

        Assert.Equal(TimeSpan.FromSeconds(7), RetryAfterHeader.Read(seconds.Headers, now));
        Assert.Equal(TimeSpan.FromSeconds(30), RetryAfterHeader.Read(date.Headers, now));
        Assert.Equal(TimeSpan.Zero, RetryAfterHeader.Read(past.Headers, now));
        Assert.Null(RetryAfterHeader.Read(none.Headers, now));
    }

    [Fact]
    public async Task WritesWithRetriesDisabled_AreSentOnce()
    {
        await using var server = new LoopbackServer(_ => new CannedResponse(503));
        using var client = TestClients.Client(server, o => o with { WriteRetry = WaldurRetrySettings.None });

        await Assert.ThrowsAsync<WaldurApiException>(() => client.SetOrderStateDoneAsync(Guid.NewGuid(), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task SiblingClient_WithoutWriteRetries_StillRetriesReads()
    {
        var attempts = 0;
        await using var server = new LoopbackServer(r => r.Method == "GET" && ++attempts > 1 ? CannedResponse.Json(Version) : new CannedResponse(503));
        using var client = TestClients.Client(server);
        var guarded = client.WithRetry(write: WaldurRetrySettings.None);

        await guarded.GetVersionAsync(TestContext.Current.CancellationToken);
        await Assert.ThrowsAsync<WaldurApiException>(() => guarded.SetOrderStateDoneAsync(Guid.NewGuid(), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task Redirect_IsNotFollowed_AndNamesTheTarget()
    {
        await using var server = new LoopbackServer(_ => new CannedResponse(301) { Headers = [new("Location", "https://waldur.example.com/api/version/")] });
        using var client = TestClients.Client(server);

        var ex = await Assert.ThrowsAsync<WaldurApiException>(() => client.GetVersionAsync(TestContext.Current.CancellationToken));

        Assert.Single(server.Requests);
        Assert.Contains("https://waldur.example.com/api/version/", ex.Message);
        Assert.Contains("waldur_api_url", ex.Message);
    }

    [Fact]
    public async Task ResponseOfTheWrongShape_IsANonTransientProtocolError()
    {
        await using var server = new LoopbackServer(_ => CannedResponse.Json("""[{"state": "executing"}]"""));
        using var client = TestClients.Client(server);

        var ex = await Assert.ThrowsAsync<WaldurResponseException>(() => client.ListOrders().ToListAsync(TestContext.Current.CancellationToken));

        Assert.False(ex.IsTransient);
        Assert.Contains("marketplace_orders_list", ex.Message);
        Assert.Contains("uuid", ex.Message);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task CallerCancellation_IsNotRetriedNorWrapped()
    {
        await using var server = new LoopbackServer(_ => CannedResponse.Json(Version) with { Delay = TimeSpan.FromSeconds(5) });
        using var client = TestClients.Client(server);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetVersionAsync(cancel.Token));

        Assert.Single(server.Requests);
    }
}
