using System.Diagnostics;
using System.Net.Http.Headers;
using SiteAgent.Waldur.Http;
using SiteAgent.Waldur.Tests.Infrastructure;

namespace SiteAgent.Waldur.Tests;

/// <summary>Retries on 5xx, 429, dropped connections and timeouts; never on other 4xx.</summary>
public sealed class RetryTests
{
    private const string Version = """{"version": "8.0.9"}""";

    [Test]
    [Arguments(500)]
    [Arguments(502)]
    [Arguments(503)]
    [Arguments(429)]
    public async Task TransientStatus_IsRetried(int status)
    {
        var attempts = 0;
        await using var server = new LoopbackServer(_ => ++attempts < 3 ? new CannedResponse(status, """{"detail": "busy"}""") : CannedResponse.Json(Version));
        using var client = TestClients.Client(server);

        var version = await client.GetVersionAsync(TestContext.Current!.Execution.CancellationToken);

        await Assert.That(version.Version).IsEqualTo("8.0.9");
        await Assert.That(server.Requests.Count).IsEqualTo(3);
    }

    [Test]
    public async Task BadRequest_IsNotRetried_AndCarriesWaldursErrorBody()
    {
        await using var server = new LoopbackServer(_ => new CannedResponse(400, """{"non_field_errors": ["Order is not in pending-provider state."]}"""));
        using var client = TestClients.Client(server);
        var order = Guid.NewGuid();

        var ex = await Assert.ThrowsExactlyAsync<WaldurApiException>(() => client.ApproveOrderByProviderAsync(order, cancellationToken: TestContext.Current!.Execution.CancellationToken));

        await Assert.That(server.Requests).HasSingleItem();
        await Assert.That(ex!.StatusCode).IsEqualTo(400);
        await Assert.That(ex.IsTransient).IsFalse();
        await Assert.That(ex.OperationId).IsEqualTo("marketplace_orders_approve_by_provider");
        await Assert.That(ex.Path).IsEqualTo($"/api/marketplace-orders/{order:N}/approve_by_provider/");
        await Assert.That(ex.Message).Contains("Order is not in pending-provider state.");
        await Assert.That(ex.Message).Contains("POST");
    }

    [Test]
    [Arguments(401)]
    [Arguments(403)]
    [Arguments(404)]
    [Arguments(409)]
    public async Task OtherClientErrors_AreNotRetriedNorTransient(int status)
    {
        await using var server = new LoopbackServer(_ => new CannedResponse(status, """{"detail": "no"}"""));
        using var client = TestClients.Client(server);

        var ex = await Assert.ThrowsExactlyAsync<WaldurApiException>(() => client.GetVersionAsync(TestContext.Current!.Execution.CancellationToken));

        await Assert.That(server.Requests).HasSingleItem();
        await Assert.That(ex!.IsTransient).IsFalse();
    }

    [Test]
    public async Task ExhaustedRetries_SurfaceATransientError()
    {
        await using var server = new LoopbackServer(_ => new CannedResponse(503, "<html>maintenance</html>"));
        using var client = TestClients.Client(server);

        var ex = await Assert.ThrowsExactlyAsync<WaldurApiException>(() => client.GetVersionAsync(TestContext.Current!.Execution.CancellationToken));

        await Assert.That(server.Requests.Count).IsEqualTo(4);
        await Assert.That(ex!.IsTransient).IsTrue();
        await Assert.That(ex.Body).Contains("maintenance");
    }

    [Test]
    public async Task LongErrorBody_IsTruncatedInTheMessage()
    {
        var body = "{\"detail\": \"" + new string('x', 10_000) + "\"}";
        await using var server = new LoopbackServer(_ => new CannedResponse(400, body));
        using var client = TestClients.Client(server);

        var ex = await Assert.ThrowsExactlyAsync<WaldurApiException>(() => client.GetVersionAsync(TestContext.Current!.Execution.CancellationToken));

        await Assert.That(ex!.Message.Length < 700).IsTrue().Because(ex.Message.Length.ToString());
        await Assert.That(ex.Message).EndsWith("…");
        await Assert.That(ex.Body.Length <= 4096).IsTrue();
    }

    [Test]
    public async Task DroppedConnection_IsRetried()
    {
        var attempts = 0;
        await using var server = new LoopbackServer(_ => ++attempts == 1 ? new CannedResponse(200) { Drop = true } : CannedResponse.Json(Version));
        using var client = TestClients.Client(server);

        await client.GetVersionAsync(TestContext.Current!.Execution.CancellationToken);

        await Assert.That(server.Requests.Count).IsEqualTo(2);
    }

    [Test]
    public async Task SlowAnswer_TimesOutPerAttempt_AndIsRetried()
    {
        var attempts = 0;
        await using var server = new LoopbackServer(_ => ++attempts == 1 ? CannedResponse.Json(Version) with { Delay = TimeSpan.FromSeconds(5) } : CannedResponse.Json(Version));
        using var client = TestClients.Client(server, o => o with { Timeout = TimeSpan.FromMilliseconds(300) });

        await client.GetVersionAsync(TestContext.Current!.Execution.CancellationToken);

        await Assert.That(server.Requests.Count).IsEqualTo(2);
    }

    [Test]
    public async Task PersistentTimeout_IsATransientTransportError()
    {
        await using var server = new LoopbackServer(_ => CannedResponse.Json(Version) with { Delay = TimeSpan.FromSeconds(5) });
        using var client = TestClients.Client(server, o => o with { Timeout = TimeSpan.FromMilliseconds(200), ReadRetry = WaldurRetrySettings.None });

        var ex = await Assert.ThrowsExactlyAsync<WaldurTransportException>(() => client.GetVersionAsync(TestContext.Current!.Execution.CancellationToken));

        await Assert.That(ex!.IsTransient).IsTrue();
        await Assert.That(ex.Message).Contains("no answer within 0.2 s");
    }

    [Test]
    public async Task RefusedConnection_IsATransientTransportError()
    {
        var server = new LoopbackServer(_ => CannedResponse.Json(Version));
        var url = server.ApiUrl;
        await server.DisposeAsync();
        using var client = new WaldurClient(TestClients.Options(url));

        var ex = await Assert.ThrowsExactlyAsync<WaldurTransportException>(() => client.GetVersionAsync(TestContext.Current!.Execution.CancellationToken));

        await Assert.That(ex!.IsTransient).IsTrue();
        await Assert.That(ex.OperationId).IsEqualTo("version_retrieve");
    }

    [Test]
    public async Task RetryAfterSeconds_IsHonoured()
    {
        var attempts = 0;
        await using var server = new LoopbackServer(_ => ++attempts == 1
            ? new CannedResponse(429) { Headers = [new("Retry-After", "1")] }
            : CannedResponse.Json(Version));
        using var client = TestClients.Client(server);

        var watch = Stopwatch.StartNew();
        await client.GetVersionAsync(TestContext.Current!.Execution.CancellationToken);

        await Assert.That(watch.Elapsed >= TimeSpan.FromMilliseconds(950)).IsTrue().Because(watch.Elapsed.ToString());
    }

    [Test]
    public async Task RetryAfterLongerThanAllowed_StopsRetryingAtOnce()
    {
        await using var server = new LoopbackServer(_ => new CannedResponse(503) { Headers = [new("Retry-After", "3600")] });
        using var client = TestClients.Client(server);

        var ex = await Assert.ThrowsExactlyAsync<WaldurApiException>(() => client.GetVersionAsync(TestContext.Current!.Execution.CancellationToken));

        await Assert.That(server.Requests).HasSingleItem();
        await Assert.That(ex!.IsTransient).IsTrue();
        await Assert.That(ex.RetryAfter).IsEqualTo(TimeSpan.FromHours(1));
    }

    [Test]
    public async Task RetryAfter_ReadsSecondsAndHttpDates()
    {
        var now = new DateTimeOffset(2025, 5, 1, 12, 0, 0, TimeSpan.Zero);
        using var seconds = new HttpResponseMessage();
        seconds.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7));
        using var date = new HttpResponseMessage();
        date.Headers.TryAddWithoutValidation("Retry-After", "Thu, 01 May 2025 12:00:30 GMT");
        using var past = new HttpResponseMessage();
        past.Headers.TryAddWithoutValidation("Retry-After", "Thu, 01 May 2025 11:00:00 GMT");
        using var none = new HttpResponseMessage();

        await Assert.That(RetryAfterHeader.Read(seconds.Headers, now)).IsEqualTo(TimeSpan.FromSeconds(7));
        await Assert.That(RetryAfterHeader.Read(date.Headers, now)).IsEqualTo(TimeSpan.FromSeconds(30));
        await Assert.That(RetryAfterHeader.Read(past.Headers, now)).IsEqualTo(TimeSpan.Zero);
        await Assert.That(RetryAfterHeader.Read(none.Headers, now)).IsNull();
    }

    [Test]
    public async Task WritesWithRetriesDisabled_AreSentOnce()
    {
        await using var server = new LoopbackServer(_ => new CannedResponse(503));
        using var client = TestClients.Client(server, o => o with { WriteRetry = WaldurRetrySettings.None });

        await Assert.ThrowsExactlyAsync<WaldurApiException>(() => client.SetOrderStateDoneAsync(Guid.NewGuid(), cancellationToken: TestContext.Current!.Execution.CancellationToken));

        await Assert.That(server.Requests).HasSingleItem();
    }

    [Test]
    public async Task SiblingClient_WithoutWriteRetries_StillRetriesReads()
    {
        var attempts = 0;
        await using var server = new LoopbackServer(r => r.Method == "GET" && ++attempts > 1 ? CannedResponse.Json(Version) : new CannedResponse(503));
        using var client = TestClients.Client(server);
        var guarded = client.WithRetry(write: WaldurRetrySettings.None);

        await guarded.GetVersionAsync(TestContext.Current!.Execution.CancellationToken);
        await Assert.ThrowsExactlyAsync<WaldurApiException>(() => guarded.SetOrderStateDoneAsync(Guid.NewGuid(), cancellationToken: TestContext.Current!.Execution.CancellationToken));

        await Assert.That(server.Requests.Count).IsEqualTo(3);
    }

    [Test]
    public async Task Redirect_IsNotFollowed_AndNamesTheTarget()
    {
        await using var server = new LoopbackServer(_ => new CannedResponse(301) { Headers = [new("Location", "https://waldur.example.com/api/version/")] });
        using var client = TestClients.Client(server);

        var ex = await Assert.ThrowsExactlyAsync<WaldurApiException>(() => client.GetVersionAsync(TestContext.Current!.Execution.CancellationToken));

        await Assert.That(server.Requests).HasSingleItem();
        await Assert.That(ex!.Message).Contains("https://waldur.example.com/api/version/");
        await Assert.That(ex.Message).Contains("waldur_api_url");
    }

    [Test]
    public async Task ResponseOfTheWrongShape_IsANonTransientProtocolError()
    {
        await using var server = new LoopbackServer(_ => CannedResponse.Json("""[{"state": "executing"}]"""));
        using var client = TestClients.Client(server);

        var ex = await Assert.ThrowsExactlyAsync<WaldurResponseException>(() => client.ListOrders().ToListAsync(TestContext.Current!.Execution.CancellationToken));

        await Assert.That(ex!.IsTransient).IsFalse();
        await Assert.That(ex.Message).Contains("marketplace_orders_list");
        await Assert.That(ex.Message).Contains("uuid");
        await Assert.That(server.Requests).HasSingleItem();
    }

    [Test]
    public async Task CallerCancellation_IsNotRetriedNorWrapped()
    {
        await using var server = new LoopbackServer(_ => CannedResponse.Json(Version) with { Delay = TimeSpan.FromSeconds(5) });
        using var client = TestClients.Client(server);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAsync<OperationCanceledException>(() => client.GetVersionAsync(cancel.Token));

        await Assert.That(server.Requests).HasSingleItem();
    }
}
