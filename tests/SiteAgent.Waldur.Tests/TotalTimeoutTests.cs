using SiteAgent.Waldur.Tests.Infrastructure;

namespace SiteAgent.Waldur.Tests;

/// <summary>The total timeout of a call bounds its attempts, retries and waits together.</summary>
public sealed class TotalTimeoutTests
{
    private const string Version = """{"version": "8.0.9"}""";

    private static CancellationToken Ct => TestContext.Current!.Execution.CancellationToken;

    [Test]
    public async Task HangingServer_EndsAtTheTotalTimeout_WithAnErrorNamingTheUrlNotTheToken()
    {
        await using var server = new LoopbackServer(_ => CannedResponse.Json(Version) with { Delay = TimeSpan.FromSeconds(60) });
        using var client = TestClients.Client(server, o => o with { Timeout = TimeSpan.FromSeconds(30), TotalTimeout = TimeSpan.FromMilliseconds(400) });

        var ex = await Assert.ThrowsExactlyAsync<WaldurTransportException>(() => client.GetVersionAsync(Ct));

        await Assert.That(server.Requests).HasSingleItem();
        await Assert.That(ex!.IsTransient).IsTrue();
        await Assert.That(ex.OperationId).IsEqualTo("version_retrieve");
        await Assert.That(ex.Message).Contains($"no answer from {server.ApiUrl.AbsoluteUri}version/ within the total timeout of 0.4 s");
        await Assert.That(ex.Message).DoesNotContain(TestClients.Token);
    }

    [Test]
    public async Task AttemptsThatKeepTimingOut_StopRetryingAtTheTotalTimeout()
    {
        var manyRetries = TestClients.FastRetry with { MaxRetryAttempts = 1000 };
        await using var server = new LoopbackServer(_ => CannedResponse.Json(Version) with { Delay = TimeSpan.FromSeconds(60) });
        using var client = TestClients.Client(server, o => o with
        {
            Timeout = TimeSpan.FromMilliseconds(100),
            TotalTimeout = TimeSpan.FromMilliseconds(800),
            ReadRetry = manyRetries,
        });

        var ex = await Assert.ThrowsExactlyAsync<WaldurTransportException>(() => client.GetVersionAsync(Ct));

        await Assert.That(server.Requests.Count).IsGreaterThan(1).And.IsLessThan(1001);
        await Assert.That(ex!.Message).Contains("within the total timeout of 0.8 s");
    }

    [Test]
    public async Task NonPositiveTotalTimeout_IsInvalid()
    {
        var options = TestClients.Options(new Uri("https://waldur.example.com/api/")) with { TotalTimeout = TimeSpan.Zero };

        await Assert.That(options.Validate()).Contains(p => p.Contains("TotalTimeout", StringComparison.Ordinal));
    }
}
