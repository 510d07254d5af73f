using System.Diagnostics;
using System.Net.Http.Json;
using SiteAgent.Waldur.Emulator.Faults;

namespace SiteAgent.Waldur.Emulator.Tests;

/// <summary>Injected statuses, delays and dropped connections, in-process and through the admin API.</summary>
public sealed class FaultInjectionTests
{
    private const string Orders = $"/api/marketplace-orders/?offering_uuid={Ids.Offering}";

    [Fact]
    public async Task Status_TwiceThenNormal_WithRetryAfter()
    {
        await using var emulator = await TestEmulator.StartAsync(extras: false);
        emulator.Host.Faults.Add(new FaultRule { Path = "/api/marketplace-orders/", Times = 2, Status = 503, RetryAfter = "7" });

        var first = await emulator.GetAsync(Orders);
        var second = await emulator.GetAsync(Orders);
        var third = await emulator.GetAsync(Orders);

        Assert.Equal([503, 503, 200], new[] { first.Status, second.Status, third.Status });
        Assert.Equal("7", first.Response.Headers.RetryAfter!.ToString());
        Assert.Equal(["status", "status", null], emulator.Host.Requests.Select(r => r.Fault));
    }

    [Fact]
    public async Task MethodFilterAndGlob_OnlyMatchingRequestsFail()
    {
        await using var emulator = await TestEmulator.StartAsync(extras: false);
        emulator.Host.Faults.Add(new FaultRule { Path = "/api/marketplace-orders/*/approve_by_provider/", Method = "POST", Status = 500 });

        Assert.Equal(200, (await emulator.GetAsync($"/api/marketplace-orders/{Ids.PendingOrder}/")).Status);
        Assert.Equal(500, (await emulator.PostAsync($"/api/marketplace-orders/{Ids.PendingOrder}/approve_by_provider/")).Status);
        Assert.Equal(500, (await emulator.PostAsync($"/api/marketplace-orders/{Ids.PendingOrder2}/approve_by_provider/")).Status);
    }

    [Fact]
    public async Task Delay_HoldsTheAnswer_ThenServesNormally()
    {
        await using var emulator = await TestEmulator.StartAsync(extras: false);
        emulator.Host.Faults.Add(new FaultRule { PathRegex = "^/api/version/$", Times = 1, DelayMs = 300 });

        var watch = Stopwatch.StartNew();
        var (status, _, _) = await emulator.GetAsync("/api/version/");

        Assert.Equal(200, status);
        Assert.True(watch.ElapsedMilliseconds >= 280, $"answered after {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Drop_AbortsTheConnection_ClientSeesHttpRequestException()
    {
        await using var emulator = await TestEmulator.StartAsync(extras: false);
        emulator.Host.Faults.Add(new FaultRule { Path = "/api/**", Times = 1, Drop = true });

        await Assert.ThrowsAsync<HttpRequestException>(() => emulator.GetAsync("/api/version/"));

        Assert.Equal(200, (await emulator.GetAsync("/api/version/")).Status);
        Assert.Equal((0, "drop"), (emulator.Host.Requests[0].Status, emulator.Host.Requests[0].Fault));
    }

    [Fact]
    public async Task AdminApi_AddsListsAndRemovesFaults()
    {
        await using var emulator = await TestEmulator.StartAsync(extras: false);
        var added = await emulator.Client.PostAsync("/__admin/faults", JsonContent.Create(new
        {
            path = "/api/marketplace-provider-offerings/**", status = 429, retryAfter = "1", body = new { detail = "Request was throttled." },
        }), TestContext.Current.CancellationToken);
        var id = (await added.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>(TestContext.Current.CancellationToken))!["id"]!.GetValue<int>();

        var (status, body, _) = await emulator.GetAsync($"/api/marketplace-provider-offerings/{Ids.Offering}/");
        Assert.Equal((429, "Request was throttled."), (status, body!["detail"]!.GetValue<string>()));
        var (_, faults, _) = await emulator.GetAsync("/__admin/faults");
        Assert.Single(faults!.AsArray());
        await emulator.Client.DeleteAsync($"/__admin/faults/{id}", TestContext.Current.CancellationToken);

        Assert.Equal(200, (await emulator.GetAsync($"/api/marketplace-provider-offerings/{Ids.Offering}/")).Status);
    }

    [Fact]
    public async Task AdminApi_RejectsUselessOrUnknownFaultFields()
    {
        await using var emulator = await TestEmulator.StartAsync(extras: false);

        var useless = await emulator.Client.PostAsync("/__admin/faults", JsonContent.Create(new { path = "/api/**" }), TestContext.Current.CancellationToken);
        var typo = await emulator.Client.PostAsync("/__admin/faults", JsonContent.Create(new { path = "/api/**", statsu = 500 }), TestContext.Current.CancellationToken);

        Assert.Equal((400, 400), ((int)useless.StatusCode, (int)typo.StatusCode));
    }

    [Fact]
    public async Task AfterHandling_Drop_AppliesTheWriteButLosesTheAnswer()
    {
        await using var emulator = await TestEmulator.StartAsync();
        emulator.Host.Faults.Add(new FaultRule { Path = "/api/marketplace-provider-resources/*/refresh_last_sync/", Times = 1, Drop = true, AfterHandling = true });

        await Assert.ThrowsAsync<HttpRequestException>(() => emulator.PostAsync($"/api/marketplace-provider-resources/{Ids.Resource}/refresh_last_sync/", null));

        Assert.NotNull(emulator.Read(s => s.Resources.Find(Ids.Resource)!.LastSync));
        Assert.Equal((0, "drop-after"), (emulator.Host.Requests[0].Status, emulator.Host.Requests[0].Fault));
    }

    [Fact]
    public async Task AfterHandling_Status_AppliesTheWriteAndAnswersTheFault()
    {
        await using var emulator = await TestEmulator.StartAsync();
        emulator.Host.Faults.Add(new FaultRule { Path = "/api/marketplace-provider-resources/*/refresh_last_sync/", Times = 1, Status = 502, AfterHandling = true });

        var (status, _, _) = await emulator.PostAsync($"/api/marketplace-provider-resources/{Ids.Resource}/refresh_last_sync/", null);

        Assert.Equal(502, status);
        Assert.NotNull(emulator.Read(s => s.Resources.Find(Ids.Resource)!.LastSync));
        Assert.Equal("status-after", emulator.Host.Requests[0].Fault);
        Assert.Throws<ArgumentException>(() => emulator.Host.Faults.Add(new FaultRule { Path = "/api/**", DelayMs = 5, AfterHandling = true }));
    }
}
