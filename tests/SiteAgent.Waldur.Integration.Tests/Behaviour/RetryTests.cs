using SiteAgent.Waldur.Emulator.Faults;
using SiteAgent.Waldur.Integration.Tests.Infrastructure;
using SiteAgent.Waldur.Models;
using static SiteAgent.Waldur.Integration.Tests.Infrastructure.EmulatedWaldur;

namespace SiteAgent.Waldur.Integration.Tests.Behaviour;

/// <summary>Which answers the client retries, how often and how long it waits, counted in the emulator's request log.</summary>
public sealed class RetryTests
{
    private static readonly string OrderPath = $"/api/marketplace-orders/{Ids.PendingOrder.Hex()}/";

    [Test]
    public async Task Read_503Twice_RetriedAndThirdAttemptDecoded()
    {
        await using var w = await StartAsync();
        w.Host.Faults.Add(new FaultRule { Path = OrderPath, Method = "GET", Status = 503, Times = 2 });

        var order = await w.Client.GetOrderAsync(Ids.PendingOrder, cancellationToken: Ct);

        await Assert.That((order.Uuid, order.State)).IsEqualTo((Ids.PendingOrder, OrderState.PendingProvider));
        await Assert.That(w.Requests.Select(r => r.Status)).IsEquivalentTo([503, 503, 200], CollectionOrdering.Matching);
        w.AssertNoViolations();
    }

    [Test]
    public async Task Write_503Once_RetriedAndAppliedOnce()
    {
        await using var w = await StartAsync();
        w.Host.Faults.Add(new FaultRule { Path = OrderPath + "approve_by_provider/", Status = 503, Times = 1 });

        await w.Client.ApproveOrderByProviderAsync(Ids.PendingOrder, Ct);

        await Assert.That(w.Requests.Select(r => r.Status)).IsEquivalentTo([503, 200], CollectionOrdering.Matching);
        await Assert.That(w.Read(s => s.Orders.At(Ids.PendingOrder).State)).IsEqualTo(OrderState.Executing);
    }

    [Test]
    [Arguments("GET", "")]
    [Arguments("POST", "approve_by_provider/")]
    public async Task Call_400_NotRetried(string method, string action)
    {
        await using var w = await StartAsync();
        w.Host.Faults.Add(new FaultRule { Path = OrderPath + action, Method = method, Status = 400, Body = System.Text.Json.Nodes.JsonNode.Parse("""{"detail": "bad request"}""") });

        Task call = method == "GET" ? w.Client.GetOrderAsync(Ids.PendingOrder, cancellationToken: Ct) : w.Client.ApproveOrderByProviderAsync(Ids.PendingOrder, Ct);
        var error = await Assert.ThrowsExactlyAsync<WaldurApiException>(() => call);

        await Assert.That((error!.StatusCode, error.IsTransient)).IsEqualTo((400, false));
        await Assert.That(error.Message).Contains("bad request");
        await Assert.That(w.Requests).HasSingleItem();
    }

    [Test]
    [Arguments(503)]
    [Arguments(429)]
    public async Task RetryAfter_OneSecond_NextAttemptNoSooner(int status)
    {
        await using var w = await StartAsync();
        w.Host.Faults.Add(new FaultRule { Path = OrderPath, Method = "GET", Status = status, Times = 1, RetryAfter = "1" });

        await w.Client.GetOrderAsync(Ids.PendingOrder, cancellationToken: Ct);

        var requests = w.Requests;
        await Assert.That(requests.Select(r => r.Status)).IsEquivalentTo([status, 200], CollectionOrdering.Matching);
        // Timers run on a millisecond tick and fire a few ms "early" measured by the wall clock, so the
        // bound allows 50 ms; without Retry-After the retry would come after the 10 ms base delay.
        var gap = requests[1].At - requests[0].At;
        await Assert.That(gap >= TimeSpan.FromMilliseconds(950)).IsTrue().Because($"retried after {gap.TotalMilliseconds} ms although Retry-After asked for 1 s");
    }

    [Test]
    public async Task RetryAfter_LongerThanMaximum_FailsAtOnceAsTransient()
    {
        await using var w = await StartAsync();
        w.Host.Faults.Add(new FaultRule { Path = OrderPath, Method = "GET", Status = 503, RetryAfter = "3600" });

        var error = await Assert.ThrowsExactlyAsync<WaldurApiException>(() => w.Client.GetOrderAsync(Ids.PendingOrder, cancellationToken: Ct));

        await Assert.That((error!.StatusCode, error.IsTransient, error.RetryAfter)).IsEqualTo((503, true, TimeSpan.FromHours(1)));
        await Assert.That(w.Requests).HasSingleItem();
    }

    [Test]
    public async Task Read_Persistent503_GivesUpAfterConfiguredRetries()
    {
        await using var w = await StartAsync();
        w.Host.Faults.Add(new FaultRule { Path = OrderPath, Method = "GET", Status = 503 });

        var error = await Assert.ThrowsExactlyAsync<WaldurApiException>(() => w.Client.GetOrderAsync(Ids.PendingOrder, cancellationToken: Ct));

        await Assert.That(error!.IsTransient).IsTrue();
        await Assert.That(w.Requests.Count).IsEqualTo(1 + FastRetry.MaxRetryAttempts);
    }
}
