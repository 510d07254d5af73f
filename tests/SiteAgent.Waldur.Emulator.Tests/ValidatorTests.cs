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

    [Fact]
    public void ResponseEnum_WrongValue_ReportsJsonPathAndEnum()
    {
        var violations = Check("GET", "/api/marketplace-orders/", null, 200, """[{"uuid": "c1a2b3c4d5e64f708192a3b4c5d6e7f8", "state": "foo"}]""", CountHeader);

        var violation = Assert.Single(violations);
        Assert.Equal(("$[0].state", ViolationKind.ResponseBody), (violation.JsonPath, violation.Kind));
        Assert.StartsWith("value \"foo\" not in enum [\"pending-consumer\", \"pending-provider\"", violation.Message);
    }

    [Fact]
    public void RequestLimit_AsString_ReportsExpectedInteger()
    {
        var violations = Check("POST", "/api/marketplace-orders/",
            """{"offering": "http://x/api/marketplace-public-offerings/d629d5e45567425da9cdbdc1af67b32c/", "project": "http://x/api/projects/9e2f4b6c8d0a4c3e9a5b7d9f1c3e5a72/", "limits": {"cpu": "10"}}""",
            201, null);

        Assert.Contains("[marketplace_orders_create request] $.limits.cpu: expected integer, got string", violations.Select(v => v.ToString()));
    }

    [Fact]
    public void RequestMissingRequired_AndUndeclaredProperty_AreBothReported()
    {
        var violations = Check("POST", "/api/marketplace-orders/c1a2b3c4d5e64f708192a3b4c5d6e7f8/set_backend_id/", """{"backendid": "x"}""", 200, """{"status": "ok"}""");

        Assert.Equal(["$.backendid: property is not declared by OrderBackendIDRequest", "$: required property \"backend_id\" is missing"],
            violations.Select(v => $"{v.JsonPath}: {v.Message}").Order());
    }

    [Fact]
    public void NullableChoice_AcceptsBlankAndNull_RejectsOther()
    {
        const string Url = "/api/marketplace-offering-users/?field=user_gender";

        Assert.Empty(Check("GET", Url, null, 200, """[{"user_gender": ""}, {"user_gender": null}, {"user_gender": "female"}]""", CountHeader));
        var violation = Assert.Single(Check("GET", Url, null, 200, """[{"user_gender": "x"}]""", CountHeader));
        Assert.StartsWith("value \"x\" matches none of [GenderEnum, BlankEnum, NullEnum]", violation.Message);
    }

    [Fact]
    public void NullableAllOf_AcceptsNull()
    {
        Assert.Empty(Check("GET", "/api/marketplace-orders/?field=plan_unit&field=cost", null, 200, """[{"plan_unit": null, "cost": null}]""", CountHeader));
    }

    [Fact]
    public void SparseFields_ExtraPropertyIsReported()
    {
        var violation = Assert.Single(Check("GET", "/api/marketplace-orders/?field=uuid", null, 200,
            """[{"uuid": "c1a2b3c4d5e64f708192a3b4c5d6e7f8", "state": "done"}]""", CountHeader));

        Assert.Equal((ViolationKind.UnrequestedField, "$[0].state"), (violation.Kind, violation.JsonPath));
    }

    [Fact]
    public void OrderAttributes_GenericObject_MatchesTheAmbiguousOneOf()
    {
        var violations = Check("POST", "/api/marketplace-orders/",
            """{"offering": "http://x/o/", "project": "http://x/p/", "attributes": {"name": "alloc", "custom": 1}}""", 201, null);

        Assert.DoesNotContain(violations, v => v.Kind == ViolationKind.RequestBody);
    }

    [Theory]
    [InlineData("2026-11-01T00:00:00", "not a valid date-time")]
    [InlineData("2026-11-01", "not a valid date-time")]
    public void NaiveOrPartialDateTime_IsRejected(string date, string message)
    {
        var violation = Assert.Single(Check("POST", "/api/marketplace-component-usages/set_usage/",
            $$"""{"resource": "aa000000000000000000000000000001", "date": "{{date}}", "usages": [{"type": "cpu", "amount": "1.00"}]}""", 201, null));

        Assert.Equal("$.date", violation.JsonPath);
        Assert.Contains(message, violation.Message);
    }

    [Fact]
    public void DecimalAmount_AsNumber_IsRejected()
    {
        var violation = Assert.Single(Check("POST", "/api/marketplace-component-usages/set_usage/",
            """{"resource": "aa000000000000000000000000000001", "usages": [{"type": "cpu", "amount": 1.5}]}""", 201, null));

        Assert.Equal(("$.usages[0].amount", "expected string, got number"), (violation.JsonPath, violation.Message));
    }

    [Fact]
    public void Query_UndeclaredRepeatedAndInvalidValues_AreReported()
    {
        var violations = Check("GET", $"/api/marketplace-orders/?state=bogus&offering_uuid={Ids.Offering}&offering_uuid={Ids.Offering}&page=x&foo=1",
            null, 200, "[]", CountHeader);

        Assert.Equal(["foo: query parameter \"foo\" is not declared", "offering_uuid: query parameter \"offering_uuid\" is not a list but was repeated",
                "page: expected integer, got string", "state: value \"bogus\" not in enum [\"pending-consumer\", \"pending-provider\", \"pending-project\", \"pending-start-date\", \"executing\", \"done\", \"erred\", \"canceled\", \"rejected\"]"],
            violations.Select(v => $"{v.JsonPath}: {v.Message}").Order());
    }

    [Fact]
    public void Status_UndeclaredSuccess_IsReported_ButDrfErrorIsAllowed()
    {
        Assert.Equal(ViolationKind.UndeclaredStatus, Assert.Single(Check("GET", "/api/version/", null, 201, """{"version": "1"}""")).Kind);
        Assert.Empty(Check("GET", "/api/version/", null, 503, """{"detail": "busy"}"""));
    }

    [Fact]
    public void BodyOnBodylessAction_AndMissingListHeader_AreReported()
    {
        Assert.Equal(ViolationKind.UnexpectedRequestBody,
            Assert.Single(Check("POST", "/api/marketplace-orders/c1a2b3c4d5e64f708192a3b4c5d6e7f8/set_state_done/", "{}", 200, null)).Kind);
        Assert.Equal(ViolationKind.MissingHeader, Assert.Single(Check("GET", "/api/roles/", null, 200, "[]")).Kind);
    }

    [Fact]
    public void UnknownPath_IsReported_UnlessDeclaredExtra()
    {
        Assert.Equal(ViolationKind.UnknownOperation, Assert.Single(Check("GET", "/api/customers/", null, 200, "[]")).Kind);
        Assert.Empty(Check("GET", "/api/marketplace-resource-api-keys/", null, 200, "[]"));
    }

    [Fact]
    public void PathParameter_NotAUuid_IsReported()
    {
        var violation = Assert.Single(Check("GET", "/api/marketplace-plans/abc/", null, 404, """{"detail": "Not found."}"""));

        Assert.Equal((ViolationKind.InvalidPathParameter, "uuid"), (violation.Kind, violation.JsonPath));
    }

    [Fact]
    public void ReadOnlyPropertyInRequest_IsReported()
    {
        var violations = Check("PATCH", "/api/projects/9e2f4b6c8d0a4c3e9a5b7d9f1c3e5a72/", """{"name": "x", "url": "http://x/"}""", 200, null);

        Assert.Contains(violations, v => v.JsonPath == "$.url" && v.Kind == ViolationKind.RequestBody);
    }
}
