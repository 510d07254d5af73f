using SiteAgent.Waldur.Emulator.Faults;
using SiteAgent.Waldur.Integration.Tests.Infrastructure;
using SiteAgent.Waldur.Models;
using static SiteAgent.Waldur.Integration.Tests.Infrastructure.EmulatedWaldur;

namespace SiteAgent.Waldur.Integration.Tests.Behaviour;

/// <summary>Which answers the client retries, how often and how long it waits, counted in the emulator's request log.</summary>
public sealed class RetryTests
{
    private static readonly string OrderPath = $"/api/marketplace-orders/{Ids.PendingOrder.Hex()}/";

    [Fact]
    public async Task Read_503Twice_RetriedAndThirdAttemptDecoded()
    {
        await using var w = await StartAsync();
        w.Host.Faults.Add(new FaultRule { Path = OrderPath, Method = "GET", Status = 503, Times = 2 });

        var order = await w.Client.GetOrderAsync(Ids.PendingOrder, cancellationToken: Ct);

        Assert.Equal((Ids.PendingOrder, OrderState.PendingProvider), (order.Uuid, order.State));
        Assert.Equal([503, 503, 200], w.Requests.Select(r => r.Status));
        w.AssertNoViolations();
    }

    [Fact]
    public async Task Write_503Once_RetriedAndAppliedOnce()
    {
        await using var w = await StartAsync();
        w.Host.Faults.Add(new FaultRule { Path = OrderPath + "approve_by_provider/", Status = 503, Times = 1 });

        await w.Client.ApproveOrderByProviderAsync(Ids.PendingOrder, Ct);

        Assert.Equal([503, 200], w.Requests.Select(r => r.Status));
        Assert.Equal(OrderState.Executing, w.Read(s => s.Orders.At(Ids.PendingOrder).State));
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("POST", "approve_by_provider/")]
    public async Task Call_400_NotRetried(string method, string action)
    {
        await using var w = await StartAsync();
        w.Host.Faults.Add(new FaultRule { Path = OrderPath + action, Method = method, Status = 400, Body = System.Text.Json.Nodes.JsonNode.Parse("""{"detail": "bad request"}""") });

        Task call = method == "GET" ? w.Client.GetOrderAsync(Ids.PendingOrder, cancellationToken: Ct) : w.Client.ApproveOrderByProviderAsync(Ids.PendingOrder, Ct);
        var error = await Assert.ThrowsAsync<WaldurApiException>(() => call);

        Assert.Equal((400, false), (error.StatusCode, error.IsTransient));
        Assert.Contains("bad request", error.Message, StringComparison.Ordinal);
        Assert.Single(w.Requests);
    }

    [Theory]
    [InlineData(503)]
    [InlineData(429)]
    public async Task RetryAfter_OneSecond_NextAttemptNoSooner(int status)
    {
        await using var w = await StartAsync();
        w.Host.Faults.Add(new FaultRule { Path = OrderPath, Method = "GET", Status = status, Times = 1, RetryAfter = "1" });

        await w.Client.GetOrderAsync(Ids.PendingOrder, cancellationToken: Ct);

        var requests = w.Requests;
        Assert.Equal([status, 200], requests.Select(r => r.Status));
        // Timers run on a millisecond tick and fire a few ms "early" measured by the wall clock, so the
        // bound allows 50 ms; without Retry-After the retry would come after the 10 ms base delay.
        var gap = requests[1].At - requests[0].At;
        Assert.True(gap >= TimeSpan.FromMilliseconds(950), $"retried after {gap.TotalMilliseconds} ms although Retry-After asked for 1 s");
    }

    [Fact]
    public async Task RetryAfter_LongerThanMaximum_FailsAtOnceAsTransient()
    {
        await using var w = await StartAsync();
        w.Host.Faults.Add(new FaultRule { Path = OrderPath, Method = "GET", Status = 503, RetryAfter = "3600" });

        var error = await Assert.ThrowsAsync<WaldurApiException>(() => w.Client.GetOrderAsync(Ids.PendingOrder, cancellationToken: Ct));

        Assert.Equal((503, true, TimeSpan.FromHours(1)), (error.StatusCode, error.IsTransient, error.RetryAfter));
        Assert.Single(w.Requests);
    }

    [Fact]
    public async Task Read_Persistent503_GivesUpAfterConfiguredRetries()
    {
        await using var w = await StartAsync();
        w.Host.Faults.Add(new FaultRule { Path = OrderPath, Method = "GET", Status = 503 });

        var error = await Assert.ThrowsAsync<WaldurApiException>(() => w.Client.GetOrderAsync(Ids.PendingOrder, cancellationToken: Ct));

        Assert.True(error.IsTransient);
        Assert.Equal(1 + FastRetry.MaxRetryAttempts, w.Requests.Count);
    }
}
