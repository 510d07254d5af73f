using SiteAgent.Waldur.Contract;

namespace SiteAgent.Waldur.Emulator.Tests;

/// <summary>The contract validator on hand-written exchanges: each wrong payload yields the expected path and message.</summary>
public sealed class ValidatorTests
{
    private static readonly ContractValidator Validator = new(WaldurContract.Default,
        new ContractValidatorOptions(ExtraOperations: ["GET /api/marketplace-resource-api-keys/"]));

    private static readonly Dictionary<string, string> CountHeader = new() { ["X-Result-Count"] = "1" };

    private static IReadOnlyList<ContractViolation> Check(string method, string url, string? request, int status, string? response,
        Dictionary<string, string>? headers = null) =>
        Validator.Validate(ContractExchange.FromUrl(method, new Uri("http://127.0.0.1" + url), request, status, response, headers));

    [Test]
    public async Task ResponseEnum_WrongValue_ReportsJsonPathAndEnum()
    {
        var violations = Check("GET", "/api/marketplace-orders/", null, 200, """[{"uuid": "c1a2b3c4d5e64f708192a3b4c5d6e7f8", "state": "foo"}]""", CountHeader);

        var violation = await Assert.That(violations).HasSingleItem();
        await Assert.That((violation.JsonPath, violation.Kind)).IsEqualTo(("$[0].state", ViolationKind.ResponseBody));
        await Assert.That(violation.Message).StartsWith("value \"foo\" not in enum [\"pending-consumer\", \"pending-provider\"");
    }

    [Test]
    public async Task RequestLimit_AsString_ReportsExpectedInteger()
    {
        var violations = Check("POST", "/api/marketplace-orders/",
            """{"offering": "http://x/api/marketplace-public-offerings/d629d5e45567425da9cdbdc1af67b32c/", "project": "http://x/api/projects/9e2f4b6c8d0a4c3e9a5b7d9f1c3e5a72/", "limits": {"cpu": "10"}}""",
            201, null);

        await Assert.That(violations.Select(v => v.ToString())).Contains("[marketplace_orders_create request] $.limits.cpu: expected integer, got string");
    }

    [Test]
    public async Task RequestMissingRequired_AndUndeclaredProperty_AreBothReported()
    {
        var violations = Check("POST", "/api/marketplace-orders/c1a2b3c4d5e64f708192a3b4c5d6e7f8/set_backend_id/", """{"backendid": "x"}""", 200, """{"status": "ok"}""");

        await Assert.That(violations.Select(v => $"{v.JsonPath}: {v.Message}").Order()).IsEquivalentTo(["$.backendid: property is not declared by OrderBackendIDRequest", "$: required property \"backend_id\" is missing"], CollectionOrdering.Matching);
    }

    [Test]
    public async Task NullableChoice_AcceptsBlankAndNull_RejectsOther()
    {
        const string Url = "/api/marketplace-offering-users/?field=user_gender";

        await Assert.That(Check("GET", Url, null, 200, """[{"user_gender": ""}, {"user_gender": null}, {"user_gender": "female"}]""", CountHeader)).IsEmpty();
        var violation = await Assert.That(Check("GET", Url, null, 200, """[{"user_gender": "x"}]""", CountHeader)).HasSingleItem();
        await Assert.That(violation.Message).StartsWith("value \"x\" matches none of [GenderEnum, BlankEnum, NullEnum]");
    }

    [Test]
    public async Task NullableAllOf_AcceptsNull()
    {
        await Assert.That(Check("GET", "/api/marketplace-orders/?field=plan_unit&field=cost", null, 200, """[{"plan_unit": null, "cost": null}]""", CountHeader)).IsEmpty();
    }

    [Test]
    public async Task SparseFields_ExtraPropertyIsReported()
    {
        var violation = await Assert.That(Check("GET", "/api/marketplace-orders/?field=uuid", null, 200,
            """[{"uuid": "c1a2b3c4d5e64f708192a3b4c5d6e7f8", "state": "done"}]""", CountHeader)).HasSingleItem();

        await Assert.That((violation.Kind, violation.JsonPath)).IsEqualTo((ViolationKind.UnrequestedField, "$[0].state"));
    }

    [Test]
    public async Task OrderAttributes_GenericObject_MatchesTheAmbiguousOneOf()
    {
        var violations = Check("POST", "/api/marketplace-orders/",
            """{"offering": "http://x/o/", "project": "http://x/p/", "attributes": {"name": "alloc", "custom": 1}}""", 201, null);

        await Assert.That(violations).DoesNotContain(v => v.Kind == ViolationKind.RequestBody);
    }

    [Test]
    [Arguments("2026-11-01T00:00:00", "not a valid date-time")]
    [Arguments("2026-11-01", "not a valid date-time")]
    public async Task NaiveOrPartialDateTime_IsRejected(string date, string message)
    {
        var violation = await Assert.That(Check("POST", "/api/marketplace-component-usages/set_usage/",
            $$"""{"resource": "aa000000000000000000000000000001", "date": "{{date}}", "usages": [{"type": "cpu", "amount": "1.00"}]}""", 201, null)).HasSingleItem();

        await Assert.That(violation.JsonPath).IsEqualTo("$.date");
        await Assert.That(violation.Message).Contains(message);
    }

    [Test]
    public async Task DecimalAmount_AsNumber_IsRejected()
    {
        var violation = await Assert.That(Check("POST", "/api/marketplace-component-usages/set_usage/",
            """{"resource": "aa000000000000000000000000000001", "usages": [{"type": "cpu", "amount": 1.5}]}""", 201, null)).HasSingleItem();

        await Assert.That((violation.JsonPath, violation.Message)).IsEqualTo(("$.usages[0].amount", "expected string, got number"));
    }

    [Test]
    public async Task Query_UndeclaredRepeatedAndInvalidValues_AreReported()
    {
        var violations = Check("GET", $"/api/marketplace-orders/?state=bogus&offering_uuid={Ids.Offering}&offering_uuid={Ids.Offering}&page=x&foo=1",
            null, 200, "[]", CountHeader);

        await Assert.That(violations.Select(v => $"{v.JsonPath}: {v.Message}").Order()).IsEquivalentTo(["foo: query parameter \"foo\" is not declared", "offering_uuid: query parameter \"offering_uuid\" is not a list but was repeated",
                "page: expected integer, got string", "state: value \"bogus\" not in enum [\"pending-consumer\", \"pending-provider\", \"pending-project\", \"pending-start-date\", \"executing\", \"done\", \"erred\", \"canceled\", \"rejected\"]"], CollectionOrdering.Matching);
    }

    [Test]
    public async Task Status_UndeclaredSuccess_IsReported_ButDrfErrorIsAllowed()
    {
        await Assert.That((await Assert.That(Check("GET", "/api/version/", null, 201, """{"version": "1"}""")).HasSingleItem()).Kind).IsEqualTo(ViolationKind.UndeclaredStatus);
        await Assert.That(Check("GET", "/api/version/", null, 503, """{"detail": "busy"}""")).IsEmpty();
    }

    [Test]
    public async Task BodyOnBodylessAction_AndMissingListHeader_AreReported()
    {
        await Assert.That((await Assert.That(Check("POST", "/api/marketplace-orders/c1a2b3c4d5e64f708192a3b4c5d6e7f8/set_state_done/", "{}", 200, null)).HasSingleItem()).Kind).IsEqualTo(ViolationKind.UnexpectedRequestBody);
        await Assert.That((await Assert.That(Check("GET", "/api/roles/", null, 200, "[]")).HasSingleItem()).Kind).IsEqualTo(ViolationKind.MissingHeader);
    }

    [Test]
    public async Task UnknownPath_IsReported_UnlessDeclaredExtra()
    {
        await Assert.That((await Assert.That(Check("GET", "/api/customers/", null, 200, "[]")).HasSingleItem()).Kind).IsEqualTo(ViolationKind.UnknownOperation);
        await Assert.That(Check("GET", "/api/marketplace-resource-api-keys/", null, 200, "[]")).IsEmpty();
    }

    [Test]
    public async Task PathParameter_NotAUuid_IsReported()
    {
        var violation = await Assert.That(Check("GET", "/api/marketplace-plans/abc/", null, 404, """{"detail": "Not found."}""")).HasSingleItem();

        await Assert.That((violation.Kind, violation.JsonPath)).IsEqualTo((ViolationKind.InvalidPathParameter, "uuid"));
    }

    [Test]
    public async Task ReadOnlyPropertyInRequest_IsReported()
    {
        var violations = Check("PATCH", "/api/projects/9e2f4b6c8d0a4c3e9a5b7d9f1c3e5a72/", """{"name": "x", "url": "http://x/"}""", 200, null);

        await Assert.That(violations).Contains(v => v.JsonPath == "$.url" && v.Kind == ViolationKind.RequestBody);
    }
}
