using SiteAgent.Waldur.Contract;

namespace SiteAgent.Waldur.Emulator.Tests;

/// <summary>DRF/Django behaviour around the operations: 404s, 405, slashes, 400 bodies, sparse fields, the 8.1.x switch.</summary>
public sealed class HttpBehaviourTests
{
    [Test]
    public async Task UnknownUuid_Answers404NotFound()
    {
        await using var emulator = await TestEmulator.StartAsync(extras: false);

        var (status, body, _) = await emulator.GetAsync("/api/marketplace-orders/00000000000000000000000000000abc/");

        await Assert.That((status, body!["detail"]!.GetValue<string>())).IsEqualTo((404, "Not found."));
        emulator.AssertNoViolations();
    }

    [Test]
    public async Task DashedUuid_IsAcceptedLikeHex()
    {
        await using var emulator = await TestEmulator.StartAsync(extras: false);

        var (status, _, _) = await emulator.GetAsync($"/api/marketplace-provider-offerings/{Guid.ParseExact(Ids.Offering, "N"):D}/");

        await Assert.That(status).IsEqualTo(200);
    }

    [Test]
    public async Task MissingTrailingSlash_RedirectsLikeAppendSlash()
    {
        await using var emulator = await TestEmulator.StartAsync(extras: false);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(emulator.Host.BaseUrl) };

        var response = await client.GetAsync("/api/version?x=1", TestContext.Current!.Execution.CancellationToken);

        await Assert.That((int)response.StatusCode).IsEqualTo(301);
        await Assert.That(response.Headers.Location!.OriginalString).IsEqualTo("/api/version/?x=1");
    }

    [Test]
    public async Task WrongMethod_Answers405WithAllow()
    {
        await using var emulator = await TestEmulator.StartAsync(extras: false);

        var (status, body, response) = await emulator.SendAsync("DELETE", $"/api/marketplace-orders/{Ids.PendingOrder}/");

        await Assert.That((status, body!["detail"]!.GetValue<string>())).IsEqualTo((405, "Method \"DELETE\" not allowed."));
        await Assert.That(response.Content.Headers.Allow).Contains("GET");
    }

    [Test]
    public async Task SchemaInvalidBody_Answers400WithDrfFieldErrors_AndObserverRecordsIt()
    {
        await using var emulator = await TestEmulator.StartAsync(extras: false);

        var (status, body, _) = await emulator.PostAsync("/api/marketplace-component-usages/set_usage/",
            """{"resource": "not-a-uuid", "usages": [{"type": "cpu"}, {"type": "mem", "amount": 5}]}""");

        await Assert.That(status).IsEqualTo(400);
        await Assert.That(body!["resource"]![0]!.GetValue<string>()).IsEqualTo("Must be a valid UUID.");
        await Assert.That(body["usages"]![0]!["amount"]![0]!.GetValue<string>()).IsEqualTo("This field is required.");
        await Assert.That(body["usages"]![1]!["amount"]![0]!.GetValue<string>()).IsEqualTo("Not a valid string.");
        var violations = emulator.Host.Violations.Select(v => v.Violation).ToList();
        await Assert.That(violations).Contains(v => v.Kind == ViolationKind.RequestBody && v.JsonPath == "$.usages[1].amount" && v.Message == "expected string, got integer");
    }

    [Test]
    public async Task SparseFields_ReturnOnlyRequestedProperties()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var (_, body, _) = await emulator.GetAsync($"/api/marketplace-provider-resources/{Ids.Resource}/?field=uuid&field=backend_id");

        await Assert.That(body!.AsObject().Select(p => p.Key)).IsEquivalentTo(["uuid", "backend_id"], CollectionOrdering.Matching);
        emulator.AssertNoViolations();
    }

    [Test]
    public async Task FullObject_HasEveryDeclaredProperty()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var declared = SchemaTraits.AllProperties(WaldurContract.Default.Schema("Resource")).Select(p => p.Key);

        var (_, body, _) = await emulator.GetAsync($"/api/marketplace-provider-resources/{Ids.Resource}/");

        await Assert.That(body!.AsObject().Select(p => p.Key)).IsEquivalentTo(declared, CollectionOrdering.Matching);
    }

    [Test]
    public async Task Waldur80Mode_81xOperationsAnswer404()
    {
        await using var emulator = await TestEmulator.StartAsync(options: new EmulatorOptions { EnableWaldur81Operations = false });

        await Assert.That((await emulator.GetAsync($"/api/marketplace-resource-api-keys/?resource_uuid={Ids.Resource}")).Status).IsEqualTo(404);
        await Assert.That((await emulator.PostAsync($"/api/marketplace-provider-resources/{Ids.Resource}/set_membership_sync_statuses/", """{"statuses": []}""")).Status).IsEqualTo(404);
    }

    [Test]
    public async Task MembershipSyncStatuses_WithoutOptIn_Answers409()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var (status, body, _) = await emulator.PostAsync($"/api/marketplace-provider-resources/{Ids.Resource}/set_membership_sync_statuses/", """{"statuses": []}""");

        await Assert.That(status).IsEqualTo(409);
        await Assert.That(body!["detail"]).IsNotNull();
    }

    [Test]
    public async Task UnknownQueryParameter_IsIgnoredByServer_ButReportedByObserver()
    {
        await using var emulator = await TestEmulator.StartAsync(extras: false);

        var (status, _, _) = await emulator.GetAsync($"/api/marketplace-orders/?offering_uuid={Ids.Offering}&ofering_uuid=x");

        await Assert.That(status).IsEqualTo(200);
        var violation = (await Assert.That(emulator.Host.Violations).HasSingleItem()).Violation;
        await Assert.That((violation.Kind, violation.JsonPath)).IsEqualTo((ViolationKind.UndeclaredQueryParameter, "ofering_uuid"));
    }
}
