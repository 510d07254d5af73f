using SiteAgent.Waldur.Contract;

namespace SiteAgent.Waldur.Emulator.Tests;

/// <summary>DRF/Django behaviour around the operations: 404s, 405, slashes, 400 bodies, sparse fields, the 8.1.x switch.</summary>
public sealed class HttpBehaviourTests
{
    [Fact]
    public async Task UnknownUuid_Answers404NotFound()
    {
        await using var emulator = await TestEmulator.StartAsync(extras: false);

        var (status, body, _) = await emulator.GetAsync("/api/marketplace-orders/00000000000000000000000000000abc/");

        Assert.Equal((404, "Not found."), (status, body!["detail"]!.GetValue<string>()));
        emulator.AssertNoViolations();
    }

    [Fact]
    public async Task DashedUuid_IsAcceptedLikeHex()
    {
        await using var emulator = await TestEmulator.StartAsync(extras: false);

        var (status, _, _) = await emulator.GetAsync($"/api/marketplace-provider-offerings/{Guid.ParseExact(Ids.Offering, "N"):D}/");

        Assert.Equal(200, status);
    }

    [Fact]
    public async Task MissingTrailingSlash_RedirectsLikeAppendSlash()
    {
        await using var emulator = await TestEmulator.StartAsync(extras: false);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(emulator.Host.BaseUrl) };

        var response = await client.GetAsync("/api/version?x=1", TestContext.Current.CancellationToken);

        Assert.Equal(301, (int)response.StatusCode);
        Assert.Equal("/api/version/?x=1", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task WrongMethod_Answers405WithAllow()
    {
        await using var emulator = await TestEmulator.StartAsync(extras: false);

        var (status, body, response) = await emulator.SendAsync("DELETE", $"/api/marketplace-orders/{Ids.PendingOrder}/");

        Assert.Equal((405, "Method \"DELETE\" not allowed."), (status, body!["detail"]!.GetValue<string>()));
        Assert.Contains("GET", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task SchemaInvalidBody_Answers400WithDrfFieldErrors_AndObserverRecordsIt()
    {
        await using var emulator = await TestEmulator.StartAsync(extras: false);

        var (status, body, _) = await emulator.PostAsync("/api/marketplace-component-usages/set_usage/",
            """{"resource": "not-a-uuid", "usages": [{"type": "cpu"}, {"type": "mem", "amount": 5}]}""");

        Assert.Equal(400, status);
        Assert.Equal("Must be a valid UUID.", body!["resource"]![0]!.GetValue<string>());
        Assert.Equal("This field is required.", body["usages"]![0]!["amount"]![0]!.GetValue<string>());
        Assert.Equal("Not a valid string.", body["usages"]![1]!["amount"]![0]!.GetValue<string>());
        var violations = emulator.Host.Violations.Select(v => v.Violation).ToList();
        Assert.Contains(violations, v => v.Kind == ViolationKind.RequestBody && v.JsonPath == "$.usages[1].amount" && v.Message == "expected string, got integer");
    }

    [Fact]
    public async Task SparseFields_ReturnOnlyRequestedProperties()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var (_, body, _) = await emulator.GetAsync($"/api/marketplace-provider-resources/{Ids.Resource}/?field=uuid&field=backend_id");

        Assert.Equal(["uuid", "backend_id"], body!.AsObject().Select(p => p.Key));
        emulator.AssertNoViolations();
    }

    [Fact]
    public async Task FullObject_HasEveryDeclaredProperty()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var declared = SchemaTraits.AllProperties(WaldurContract.Default.Schema("Resource")).Select(p => p.Key);

        var (_, body, _) = await emulator.GetAsync($"/api/marketplace-provider-resources/{Ids.Resource}/");

        Assert.Equal(declared, body!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task Waldur80Mode_81xOperationsAnswer404()
    {
        await using var emulator = await TestEmulator.StartAsync(options: new EmulatorOptions { EnableWaldur81Operations = false });

        Assert.Equal(404, (await emulator.GetAsync($"/api/marketplace-resource-api-keys/?resource_uuid={Ids.Resource}")).Status);
        Assert.Equal(404, (await emulator.PostAsync($"/api/marketplace-provider-resources/{Ids.Resource}/set_membership_sync_statuses/", """{"statuses": []}""")).Status);
    }

    [Fact]
    public async Task MembershipSyncStatuses_WithoutOptIn_Answers409()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var (status, body, _) = await emulator.PostAsync($"/api/marketplace-provider-resources/{Ids.Resource}/set_membership_sync_statuses/", """{"statuses": []}""");

        Assert.Equal(409, status);
        Assert.NotNull(body!["detail"]);
    }

    [Fact]
    public async Task UnknownQueryParameter_IsIgnoredByServer_ButReportedByObserver()
    {
        await using var emulator = await TestEmulator.StartAsync(extras: false);

        var (status, _, _) = await emulator.GetAsync($"/api/marketplace-orders/?offering_uuid={Ids.Offering}&ofering_uuid=x");

        Assert.Equal(200, status);
        var violation = Assert.Single(emulator.Host.Violations).Violation;
        Assert.Equal((ViolationKind.UndeclaredQueryParameter, "ofering_uuid"), (violation.Kind, violation.JsonPath));
    }
}
