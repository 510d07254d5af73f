using System.Text.Json;
using SiteAgent.Waldur.Json;
using SiteAgent.Waldur.Models;
using SiteAgent.Waldur.Tests.Infrastructure;

namespace SiteAgent.Waldur.Tests;

/// <summary>Decimal, uuid, integer and enum handling, and the strict/lenient split of the models.</summary>
public sealed class JsonModelTests
{
    private static readonly WaldurJsonContext Json = WaldurJsonContext.Default;

    [Test]
    [Arguments("\"100.0000\"", "100.0000")]
    [Arguments("\"1.50\"", "1.50")]
    [Arguments("\"0.01\"", "0.01")]
    [Arguments("12345678901234567.89", "12345678901234567.89")]
    [Arguments("\"79228162514264337593543950335\"", "79228162514264337593543950335")]
    public async Task Decimal_ReadsStringsAndNumbers_KeepsEveryDigitAndScale(string json, string expected)
    {
        var limit = JsonSerializer.Deserialize($$"""{"limit": {{json}}}""", Json.ComponentUserUsageLimit)!;

        await Assert.That(limit.Limit!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)).IsEqualTo(expected);
        await Assert.That(JsonSerializer.Serialize(limit, Json.ComponentUserUsageLimit)).Contains($"\"limit\":\"{expected}\"");
    }

    [Test]
    [Arguments("null")]
    [Arguments("\"\"")]
    public async Task NullableDecimal_NullOrBlank_ReadsAsNull(string json)
    {
        var order = JsonSerializer.Deserialize($$"""{"uuid": "a0000000000000000000000000000001", "state": "done", "cost": {{json}}}""", Json.OrderDetails)!;

        await Assert.That(order.Cost).IsNull();
    }

    [Test]
    public void Decimal_NonNumericText_IsAnError()
    {
        Assert.ThrowsExactly<JsonException>(() => JsonSerializer.Deserialize("""{"limit": "lots"}""", Json.ComponentUserUsageLimit));
    }

    [Test]
    [Arguments(12.345, "12.35")]
    [Arguments(12.344, "12.34")]
    [Arguments(0, "0.00")]
    [Arguments(-1.005, "-1.01")]
    [Arguments(123456789012.5, "123456789012.50")]
    public async Task UsageAmount_WritesTwoDecimalPlaces(double amount, string expected)
    {
        var item = new ComponentUsageItemRequest { Type = "cpu", Amount = (decimal)amount };

        await Assert.That(JsonSerializer.Serialize(item, Json.ComponentUsageItemRequest)).IsEqualTo($$"""{"type":"cpu","amount":"{{expected}}"}""");
    }

    [Test]
    [Arguments("\"0f1e2d3c4b5a69788796a5b4c3d2e1f0\"")]
    [Arguments("\"0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0\"")]
    [Arguments("\"0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0\"")]
    [Arguments("\"{0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0}\"")]
    public async Task Guid_ReadsHexAndDashedForms(string json)
    {
        var version = JsonSerializer.Deserialize($$"""{"uuid": {{json}}, "name": "x"}""", Json.AgentService)!;

        await Assert.That(version.Uuid).IsEqualTo(Guid.Parse("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"));
    }

    [Test]
    public async Task Guid_WritesDashedFormInBodies()
    {
        var request = new EventSubscriptionQueueCreateRequest(Guid.Parse("0f1e2d3c4b5a69788796a5b4c3d2e1f0"), ObservableObjectType.Order);

        await Assert.That(JsonSerializer.Serialize(request, Json.EventSubscriptionQueueCreateRequest)).IsEqualTo("""{"offering_uuid":"0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0","object_type":"order"}""");
    }

    [Test]
    [Arguments("\"\"")]
    [Arguments("null")]
    public async Task NullableGuid_BlankOrNull_ReadsAsNull(string json)
    {
        var order = JsonSerializer.Deserialize($$"""{"uuid": "a0000000000000000000000000000001", "state": "done", "plan_uuid": {{json}}}""", Json.OrderDetails)!;

        await Assert.That(order.PlanUuid).IsNull();
    }

    [Test]
    public async Task Guid_Malformed_IsAnError()
    {
        var ex = Assert.ThrowsExactly<JsonException>(() => JsonSerializer.Deserialize("""{"uuid": "not-a-uuid", "state": "done"}""", Json.OrderDetails));
        await Assert.That(ex.Message).Contains("uuid");
    }

    [Test]
    [Arguments("10")]
    [Arguments("10.0")]
    [Arguments("\"10\"")]
    public async Task Integer_AcceptsIntegralNumbersAndStrings(string json)
    {
        var component = JsonSerializer.Deserialize($$"""{"limit_amount": {{json}}, "unit_factor": {{json}}}""", Json.GetTypeInfo(typeof(OfferingComponent))!);

        await Assert.That(((OfferingComponent)component!).LimitAmount).IsEqualTo(10L);
        await Assert.That(((OfferingComponent)component!).UnitFactor).IsEqualTo(10);
    }

    [Test]
    public void Integer_WithFraction_IsAnErrorNotTruncated()
    {
        Assert.ThrowsExactly<JsonException>(() => JsonSerializer.Deserialize("""{"limit": 10.5}""", Json.GetTypeInfo(typeof(NestedOfferingComponentLimit))!));
    }

    [Test]
    [Arguments("\"\"", "")]
    [Arguments("null", null)]
    [Arguments("\"female\"", "female")]
    [Arguments("\"a-value-from-a-newer-waldur\"", "a-value-from-a-newer-waldur")]
    public async Task Enum_AcceptsBlankNullAndUnknownValues(string json, string? expected)
    {
        var user = JsonSerializer.Deserialize($$"""{"uuid": "a0000000000000000000000000000001", "user_gender": {{json}}}""", Json.OfferingUser)!;
        var project = JsonSerializer.Deserialize($$"""{"oecd_fos_2007_code": {{json}}}""", Json.Project)!;

        await Assert.That(user.UserGender).IsEqualTo(expected);
        await Assert.That(project.OecdFos2007Code).IsEqualTo(expected);
    }

    [Test]
    public async Task Order_WithoutState_IsAnError()
    {
        var ex = Assert.ThrowsExactly<JsonException>(() => JsonSerializer.Deserialize("""{"uuid": "a0000000000000000000000000000001"}""", Json.OrderDetails));
        await Assert.That(ex.Message).Contains("state");
    }

    [Test]
    [Arguments("""{"state": "done"}""")]
    [Arguments("""{"uuid": null, "state": "done"}""")]
    [Arguments("""{"uuid": "a0000000000000000000000000000001", "state": null}""")]
    public void Order_MissingOrNullUuidOrState_IsAnError(string json)
    {
        Assert.ThrowsExactly<JsonException>(() => JsonSerializer.Deserialize(json, Json.OrderDetails));
    }

    [Test]
    public async Task Order_NullForNonNullableSchemaFields_IsAccepted()
    {
        const string json = """
            {"uuid": "a0000000000000000000000000000001", "state": "executing", "type": null, "resource_name": null,
             "limits": null, "attributes": null, "offering_shared": null, "created": null, "project_uuid": "",
             "offering_plugin_options": null, "unknown_field_from_newer_waldur": {"x": [1, 2]}}
            """;

        var order = JsonSerializer.Deserialize(json, Json.OrderDetails)!;

        await Assert.That(order.State).IsEqualTo(OrderState.Executing);
        await Assert.That(order.Limits).IsNull();
        await Assert.That(order.ProjectUuid).IsNull();
    }

    [Test]
    public async Task Usage_SchemaIntegerOrWireDecimalString_BothRead()
    {
        var usages = JsonSerializer.Deserialize("""[{"uuid": "a0000000000000000000000000000001", "usage": 5}, {"uuid": "a0000000000000000000000000000002", "usage": "100.1300"}]""", Json.ListComponentUsage)!;

        await Assert.That(usages[0].Usage).IsEqualTo(5m);
        await Assert.That(usages[1].Usage!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)).IsEqualTo("100.1300");
    }

    [Test]
    public async Task PluginOptions_KeepsUntypedOptionsRaw()
    {
        var offering = JsonSerializer.Deserialize("""{"plugin_options": {"username_generation_policy": "service_provider", "enforce_qos": true, "account_name_generation_policy": null}}""", Json.ProviderOfferingDetails)!;

        await Assert.That(offering.PluginOptions!.UsernameGenerationPolicy).IsEqualTo("service_provider");
        await Assert.That(offering.PluginOptions.AccountNameGenerationPolicy).IsNull();
        await Assert.That(offering.PluginOptions.Other!["enforce_qos"].GetBoolean()).IsTrue();
    }

    [Test]
    public async Task Requests_OmitNulls_ButSendNullWhereItMeansClear()
    {
        await Assert.That(JsonSerializer.Serialize(new OrderApproveByProviderRequest(), Json.OrderApproveByProviderRequest)).IsEqualTo("{}");
        await Assert.That(JsonSerializer.Serialize(new OrderProviderRejectionRequest(), Json.OrderProviderRejectionRequest)).IsEqualTo("{}");
        await Assert.That(JsonSerializer.Serialize(new ResourceEndDateRequest(), Json.ResourceEndDateRequest)).IsEqualTo("""{"end_date":null}""");
        await Assert.That(JsonSerializer.Serialize(new ProjectEndDatePatch(), Json.ProjectEndDatePatch)).IsEqualTo("""{"end_date":null}""");
        await Assert.That(JsonSerializer.Serialize(new PatchedProjectRequest { Description = "d" }, Json.PatchedProjectRequest)).IsEqualTo("""{"description":"d"}""");
        await Assert.That(JsonSerializer.Serialize(new OfferingComponentRequest { BillingType = "usage", Type = "cpu", Name = "CPU" }, Json.OfferingComponentRequest)).Contains("\"limit_amount\":null");
    }

    [Test]
    public async Task SecretRecords_PrintNoSecret()
    {
        await Assert.That(new ResourceApiKeyReportCreatedRequest(Guid.Empty, "c", "k3y-value").ToString()).DoesNotContain("k3y");
        await Assert.That(new ResourceApiKeySetKeyRequest("k3y-value", "c").ToString()).DoesNotContain("k3y");
        await Assert.That(new StaticTokenCredentials(TestClients.Token).ToString()).DoesNotContain(TestClients.Token);
        await Assert.That(new OidcClientCredentials(new Uri("https://idp.example.com/token"), "agent", "cl1ent-secret").ToString()).DoesNotContain("cl1ent-secret");
        await Assert.That(TestClients.Options(new Uri("https://waldur.example.com/api/")).ToString()).DoesNotContain(TestClients.Token);
    }
}
