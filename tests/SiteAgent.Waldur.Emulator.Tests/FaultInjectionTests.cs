using System.Diagnostics;
using System.Net.Http.Json;
using SiteAgent.Waldur.Emulator.Faults;

namespace SiteAgent.Waldur.Emulator.Tests;

/// <summary>Injected statuses, delays and dropped connections, in-process and through the admin API.</summary>
public sealed class FaultInjectionTests
{
    private const string Orders = $"/api/marketplace-orders/?offering_uuid={Ids.Offering}";

    [Test]
    public async Task Status_TwiceThenNormal_WithRetryAfter()
    {
        await using var emulator = await TestEmulator.StartAsync(extras: false);
        emulator.Host.Faults.Add(new FaultRule { Path = "/api/marketplace-orders/", Times = 2, Status = 503, RetryAfter = "7" });

        var first = await emulator.GetAsync(Orders);
        var second = await emulator.GetAsync(Orders);
        var third = await emulator.GetAsync(Orders);

        await Assert.That(new[] { first.Status, second.Status, third.Status }).IsEquivalentTo([503, 503, 200], CollectionOrdering.Matching);
        await Assert.That(first.Response.Headers.RetryAfter!.ToString()).IsEqualTo("7");
        await Assert.That(emulator.Host.Requests.Select(r => r.Fault)).IsEquivalentTo(["status", "status", null], CollectionOrdering.Matching);
    }

    [Test]
    public async Task MethodFilterAndGlob_OnlyMatchingRequestsFail()
    {
        await using var emulator = await TestEmulator.StartAsync(extras: false);
        emulator.Host.Faults.Add(new FaultRule { Path = "/api/marketplace-orders/*/approve_by_provider/", Method = "POST", Status = 500 });

        await Assert.That((await emulator.GetAsync($"/api/marketplace-orders/{Ids.PendingOrder}/")).Status).IsEqualTo(200);
        await Assert.That((await emulator.PostAsync($"/api/marketplace-orders/{Ids.PendingOrder}/approve_by_provider/")).Status).IsEqualTo(500);
        await Assert.That((await emulator.PostAsync($"/api/marketplace-orders/{Ids.PendingOrder2}/approve_by_provider/")).Status).IsEqualTo(500);
    }

    [Test]
    public async Task Delay_HoldsTheAnswer_ThenServesNormally()
    {
        await using var emulator = await TestEmulator.StartAsync(extras: false);
        emulator.Host.Faults.Add(new FaultRule { PathRegex = "^/api/version/$", Times = 1, DelayMs = 300 });

        var watch = Stopwatch.StartNew();
        var (status, _, _) = await emulator.GetAsync("/api/version/");

        await Assert.That(status).IsEqualTo(200);
        await Assert.That(watch.ElapsedMilliseconds >= 280).IsTrue().Because($"answered after {watch.ElapsedMilliseconds} ms");
    }

    [Test]
    public async Task Drop_AbortsTheConnection_ClientSeesHttpRequestException()
    {
        await using var emulator = await TestEmulator.StartAsync(extras: false);
        emulator.Host.Faults.Add(new FaultRule { Path = "/api/**", Times = 1, Drop = true });

        await Assert.ThrowsExactlyAsync<HttpRequestException>(() => emulator.GetAsync("/api/version/"));

        await Assert.That((await emulator.GetAsync("/api/version/")).Status).IsEqualTo(200);
        await Assert.That((emulator.Host.Requests[0].Status, emulator.Host.Requests[0].Fault)).IsEqualTo((0, "drop"));
    }

    [Test]
    public async Task AdminApi_AddsListsAndRemovesFaults()
    {
        await using var emulator = await TestEmulator.StartAsync(extras: false);
        var added = await emulator.Client.PostAsync("/__admin/faults", JsonContent.Create(new
        {
            path = "/api/marketplace-provider-offerings/**", status = 429, retryAfter = "1", body = new { detail = "Request was throttled." },
        }), TestContext.Current!.Execution.CancellationToken);
        var id = (await added.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>(TestContext.Current!.Execution.CancellationToken))!["id"]!.GetValue<int>();

        var (status, body, _) = await emulator.GetAsync($"/api/marketplace-provider-offerings/{Ids.Offering}/");
        await Assert.That((status, body!["detail"]!.GetValue<string>())).IsEqualTo((429, "Request was throttled."));
        var (_, faults, _) = await emulator.GetAsync("/__admin/faults");
        await Assert.That(faults!.AsArray()).HasSingleItem();
        await emulator.Client.DeleteAsync($"/__admin/faults/{id}", TestContext.Current!.Execution.CancellationToken);

        await Assert.That((await emulator.GetAsync($"/api/marketplace-provider-offerings/{Ids.Offering}/")).Status).IsEqualTo(200);
    }

    [Test]
    public async Task AdminApi_RejectsUselessOrUnknownFaultFields()
    {
        await using var emulator = await TestEmulator.StartAsync(extras: false);

        var useless = await emulator.Client.PostAsync("/__admin/faults", JsonContent.Create(new { path = "/api/**" }), TestContext.Current!.Execution.CancellationToken);
        var typo = await emulator.Client.PostAsync("/__admin/faults", JsonContent.Create(new { path = "/api/**", statsu = 500 }), TestContext.Current!.Execution.CancellationToken);

        await Assert.That(((int)useless.StatusCode, (int)typo.StatusCode)).IsEqualTo((400, 400));
    }
}
