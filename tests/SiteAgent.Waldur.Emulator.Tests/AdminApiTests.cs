using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SiteAgent.Waldur.Emulator.Tests;

/// <summary>The /__admin/ API: state dump, request log, violations, reset and tokens.</summary>
public sealed class AdminApiTests
{
    [Fact]
    public async Task State_DumpsOrdersAndOfferings()
    {
        await using var emulator = await TestEmulator.StartAsync(extras: false);

        var (status, body, _) = await emulator.GetAsync("/__admin/state");

        Assert.Equal(200, status);
        Assert.Equal(3, body!["orders"]!.AsArray().Count);
        Assert.Equal(Ids.Offering, body["offerings"]![0]!["uuid"]!.GetValue<string>());
    }

    [Fact]
    public async Task Requests_LogMethodPathQueryStatusAndBody_FilteredByPath()
    {
        await using var emulator = await TestEmulator.StartAsync(extras: false);
        await emulator.GetAsync("/api/version/");
        await emulator.PostAsync($"/api/marketplace-orders/{Ids.PendingOrder}/approve_by_provider/", "{}");

        var (_, body, _) = await emulator.GetAsync("/__admin/requests?path=/api/marketplace-orders/");

        var entry = Assert.Single(body!.AsArray())!;
        Assert.Equal(("POST", 200, "{}", "marketplace_orders_approve_by_provider"),
            (entry["method"]!.GetValue<string>(), entry["status"]!.GetValue<int>(), entry["request_body"]!.GetValue<string>(), entry["operation_id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Violations_AreListedAndCleared()
    {
        await using var emulator = await TestEmulator.StartAsync(extras: false);
        await emulator.PostAsync($"/api/marketplace-orders/{Ids.PendingOrder}/set_state_done/", "{}");

        var (_, listed, _) = await emulator.GetAsync("/__admin/violations");
        await emulator.Client.DeleteAsync("/__admin/violations", TestContext.Current.CancellationToken);
        var (_, cleared, _) = await emulator.GetAsync("/__admin/violations");

        Assert.Equal("UnexpectedRequestBody", Assert.Single(listed!.AsArray())!["kind"]!.GetValue<string>());
        Assert.Empty(cleared!.AsArray());
    }

    [Fact]
    public async Task Reset_EmptiesStateButKeepsTheOptionToken()
    {
        await using var emulator = await TestEmulator.StartAsync(extras: false);

        await emulator.Client.PostAsync("/__admin/reset", null, TestContext.Current.CancellationToken);
        emulator.Client.DefaultRequestHeaders.Authorization = new("Token", "emulator-token");
        var (_, orders, _) = await emulator.GetAsync("/api/marketplace-orders/");

        Assert.Empty(orders!.AsArray());
        Assert.Empty(emulator.Host.Faults.Describe());
    }

    [Fact]
    public async Task Tokens_AddsATokenForAnExistingUser()
    {
        await using var emulator = await TestEmulator.StartAsync(extras: false);

        var response = await emulator.Client.PostAsync("/__admin/tokens", JsonContent.Create(new { token = "alice-token", user = "alice@example.org" }),
            TestContext.Current.CancellationToken);
        emulator.Client.DefaultRequestHeaders.Authorization = new("Token", "alice-token");
        var (_, me, _) = await emulator.GetAsync("/api/users/me/");

        Assert.Equal(201, (int)response.StatusCode);
        Assert.Equal("alice@example.org", me!["username"]!.GetValue<string>());
        Assert.Equal("PROJECT.ADMIN", me["permissions"]![0]!["role_name"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnknownAdminEndpoint_Answers404()
    {
        await using var emulator = await TestEmulator.StartAsync(extras: false);

        var (status, body, _) = await emulator.GetAsync("/__admin/nothing");

        Assert.Equal(404, status);
        Assert.IsType<JsonObject>(body);
    }

    [Fact]
    public async Task PatchResource_ChangesPausedAndState_RejectsOtherFields()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var (status, body, _) = await emulator.SendAsync("PATCH", $"/__admin/resources/{Ids.Resource}", """{"paused": true, "state": "Erred"}""");
        var (refused, _, _) = await emulator.SendAsync("PATCH", $"/__admin/resources/{Ids.Resource}", """{"name": "x"}""");

        Assert.Equal((200, true, "Erred"), (status, body!["paused"]!.GetValue<bool>(), body["state"]!.GetValue<string>()));
        Assert.True(emulator.Read(s => s.Resources.Find(Ids.Resource)!.Paused));
        Assert.Equal(400, refused);
        var (_, resource, _) = await emulator.GetAsync($"/api/marketplace-provider-resources/{Ids.Resource}/?field=paused&field=state");
        Assert.Equal((true, "Erred"), (resource!["paused"]!.GetValue<bool>(), resource["state"]!.GetValue<string>()));
    }
}
