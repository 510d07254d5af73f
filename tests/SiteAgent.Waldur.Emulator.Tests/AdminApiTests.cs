using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SiteAgent.Waldur.Emulator.Tests;

/// <summary>The /__admin/ API: state dump, request log, violations, reset and tokens.</summary>
public sealed class AdminApiTests
{
    [Test]
    public async Task State_DumpsOrdersAndOfferings()
    {
        await using var emulator = await TestEmulator.StartAsync(extras: false);

        var (status, body, _) = await emulator.GetAsync("/__admin/state");

        await Assert.That(status).IsEqualTo(200);
        await Assert.That(body!["orders"]!.AsArray().Count).IsEqualTo(3);
        await Assert.That(body["offerings"]![0]!["uuid"]!.GetValue<string>()).IsEqualTo(Ids.Offering);
    }

    [Test]
    public async Task Requests_LogMethodPathQueryStatusAndBody_FilteredByPath()
    {
        await using var emulator = await TestEmulator.StartAsync(extras: false);
        await emulator.GetAsync("/api/version/");
        await emulator.PostAsync($"/api/marketplace-orders/{Ids.PendingOrder}/approve_by_provider/", "{}");

        var (_, body, _) = await emulator.GetAsync("/__admin/requests?path=/api/marketplace-orders/");

        var entry = await Assert.That(body!.AsArray()).HasSingleItem()!;
        await Assert.That((entry!["method"]!.GetValue<string>(), entry["status"]!.GetValue<int>(), entry["request_body"]!.GetValue<string>(), entry["operation_id"]!.GetValue<string>())).IsEqualTo(("POST", 200, "{}", "marketplace_orders_approve_by_provider"));
    }

    [Test]
    public async Task Violations_AreListedAndCleared()
    {
        await using var emulator = await TestEmulator.StartAsync(extras: false);
        await emulator.PostAsync($"/api/marketplace-orders/{Ids.PendingOrder}/set_state_done/", "{}");

        var (_, listed, _) = await emulator.GetAsync("/__admin/violations");
        await emulator.Client.DeleteAsync("/__admin/violations", TestContext.Current!.Execution.CancellationToken);
        var (_, cleared, _) = await emulator.GetAsync("/__admin/violations");

        await Assert.That((await Assert.That(listed!.AsArray()).HasSingleItem())!["kind"]!.GetValue<string>()).IsEqualTo("UnexpectedRequestBody");
        await Assert.That(cleared!.AsArray()).IsEmpty();
    }

    [Test]
    public async Task Reset_EmptiesStateButKeepsTheOptionToken()
    {
        await using var emulator = await TestEmulator.StartAsync(extras: false);

        await emulator.Client.PostAsync("/__admin/reset", null, TestContext.Current!.Execution.CancellationToken);
        emulator.Client.DefaultRequestHeaders.Authorization = new("Token", "emulator-token");
        var (_, orders, _) = await emulator.GetAsync("/api/marketplace-orders/");

        await Assert.That(orders!.AsArray()).IsEmpty();
        await Assert.That(emulator.Host.Faults.Describe()).IsEmpty();
    }

    [Test]
    public async Task Tokens_AddsATokenForAnExistingUser()
    {
        await using var emulator = await TestEmulator.StartAsync(extras: false);

        var response = await emulator.Client.PostAsync("/__admin/tokens", JsonContent.Create(new { token = "alice-token", user = "alice@example.org" }),
            TestContext.Current!.Execution.CancellationToken);
        emulator.Client.DefaultRequestHeaders.Authorization = new("Token", "alice-token");
        var (_, me, _) = await emulator.GetAsync("/api/users/me/");

        await Assert.That((int)response.StatusCode).IsEqualTo(201);
        await Assert.That(me!["username"]!.GetValue<string>()).IsEqualTo("alice@example.org");
        await Assert.That(me["permissions"]![0]!["role_name"]!.GetValue<string>()).IsEqualTo("PROJECT.ADMIN");
    }

    [Test]
    public async Task UnknownAdminEndpoint_Answers404()
    {
        await using var emulator = await TestEmulator.StartAsync(extras: false);

        var (status, body, _) = await emulator.GetAsync("/__admin/nothing");

        await Assert.That(status).IsEqualTo(404);
        await Assert.That(body).IsTypeOf<JsonObject>();
    }
}
