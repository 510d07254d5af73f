using System.Text.Json;
using SiteAgent.Waldur.Json;
using SiteAgent.Waldur.Models;
using SiteAgent.Waldur.Tests.Infrastructure;

namespace SiteAgent.Waldur.Tests;

/// <summary>Decimal, uuid, integer and enum handling, and the strict/lenient split of the models.</summary>
public sealed class JsonModelTests
{
    private static readonly WaldurJsonContext Json = WaldurJsonContext.Default;

    [Theory]
    [InlineData("\"100.0000\"", "100.0000")]
    [InlineData("\"1.50\"", "1.50")]
    [InlineData("\"0.01\"", "0.01")]
    [InlineData("12345678901234567.89", "12345678901234567.89")]
    [InlineData("\"79228162514264337593543950335\"", "79228162514264337593543950335")]
    public void Decimal_ReadsStringsAndNumbers_KeepsEveryDigitAndScale(string json, string expected)
    {
        var limit = JsonSerializer.Deserialize($$"""{"limit": {{json}}}""", Json.ComponentUserUsageLimit)!;

        Assert.Equal(expected, limit.Limit!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains($"\"limit\":\"{expected}\"", JsonSerializer.Serialize(limit, Json.ComponentUserUsageLimit));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("\"\"")]
    public void NullableDecimal_NullOrBlank_ReadsAsNull(string json)
    {
        var order = JsonSerializer.Deserialize($$"""{"uuid": "a0000000000000000000000000000001", "state": "done", "cost": {{json}}}""", Json.OrderDetails)!;

        Assert.Null(order.Cost);
    }

    [Fact]
    public void Decimal_NonNumericText_IsAnError()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"limit": "lots"}""", Json.ComponentUserUsageLimit));
    }

    [Theory]
    [InlineData(12.345, "12.35")]
    [InlineData(12.344, "12.34")]
    [InlineData(0, "0.00")]
    [InlineData(-1.005, "-1.01")]
    [InlineData(123456789012.5, "123456789012.50")]
    public void UsageAmount_WritesTwoDecimalPlaces(double amount, string expected)
    {
        var item = new ComponentUsageItemRequest { Type = "cpu", Amount = (decimal)amount };

        Assert.Equal($$"""{"type":"cpu","amount":"{{expected}}"}""", JsonSerializer.Serialize(item, Json.ComponentUsageItemRequest));
    }

    [Theory]
    [InlineData("\"0f1e2d3c4b5a69788796a5b4c3d2e1f0\"")]
    [InlineData("\"0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0\"")]
    [InlineData("\"0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0\"")]
    [InlineData("\"{0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0}\"")]
    public void Guid_ReadsHexAndDashedForms(string json)
    {
        var version = JsonSerializer.Deserialize($$"""{"uuid": {{json}}, "name": "x"}""", Json.AgentService)!;

        Assert.Equal(Guid.Parse("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"), version.Uuid);
    }

    [Fact]
    public void Guid_WritesDashedFormInBodies()
    {
        var request = new EventSubscriptionQueueCreateRequest(Guid.Parse("0f1e2d3c4b5a69788796a5b4c3d2e1f0"), ObservableObjectType.Order);

        Assert.Equal("""{"offering_uuid":"0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0","object_type":"order"}""", JsonSerializer.Serialize(request, Json.EventSubscriptionQueueCreateRequest));
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("null")]
    public void NullableGuid_BlankOrNull_ReadsAsNull(string json)
    {
        var order = JsonSerializer.Deserialize($$"""{"uuid": "a0000000000000000000000000000001", "state": "done", "plan_uuid": {{json}}}""", Json.OrderDetails)!;

        Assert.Null(order.PlanUuid);
    }

    [Fact]
    public void Guid_Malformed_IsAnError()
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"uuid": "not-a-uuid", "state": "done"}""", Json.OrderDetails));
        Assert.Contains("uuid", ex.Message);
    }

    [Theory]
    [InlineData("10")]
    [InlineData("10.0")]
    [InlineData("\"10\"")]
    public void Integer_AcceptsIntegralNumbersAndStrings(string json)
    {
        var component = JsonSerializer.Deserialize($$"""{"limit_amount": {{json}}, "unit_factor": {{json}}}""", Json.GetTypeInfo(typeof(OfferingComponent))!);

        Assert.Equal(10L, ((OfferingComponent)component!).LimitAmount);
        Assert.Equal(10, ((OfferingComponent)component!).UnitFactor);
    }

    [Fact]
    public void Integer_WithFraction_IsAnErrorNotTruncated()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"limit": 10.5}""", Json.GetTypeInfo(typeof(NestedOfferingComponentLimit))!));
    }

    [Theory]
    [InlineData("\"\"", "")]
    [InlineData("null", null)]
    [InlineData("\"female\"", "female")]
    [InlineData("\"a-value-from-a-newer-waldur\"", "a-value-from-a-newer-waldur")]
    public void Enum_AcceptsBlankNullAndUnknownValues(string json, string? expected)
    {
        var user = JsonSerializer.Deserialize($$"""{"uuid": "a0000000000000000000000000000001", "user_gender": {{json}}}""", Json.OfferingUser)!;
        var project = JsonSerializer.Deserialize($$"""{"oecd_fos_2007_code": {{json}}}""", Json.Project)!;

        Assert.Equal(expected, user.UserGender);
        Assert.Equal(expected, project.OecdFos2007Code);
    }

    [Fact]
    public void Order_WithoutState_IsAnError()
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"uuid": "a0000000000000000000000000000001"}""", Json.OrderDetails));
        Assert.Contains("state", ex.Message);
    }

    [Theory]
    [InlineData("""{"state": "done"}""")]
    [InlineData("""{"uuid": null, "state": "done"}""")]
    [InlineData("""{"uuid": "a0000000000000000000000000000001", "state": null}""")]
    public void Order_MissingOrNullUuidOrState_IsAnError(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, Json.OrderDetails));
    }

    [Fact]
    public void Order_NullForNonNullableSchemaFields_IsAccepted()
    {
        const string json = """
            {"uuid": "a0000000000000000000000000000001", "state": "executing", "type": null, "resource_name": null,
             "limits": null, "attributes": null, "offering_shared": null, "created": null, "project_uuid": "",
             "offering_plugin_options": null, "unknown_field_from_newer_waldur": {"x": [1, 2]}}
            """;

        var order = JsonSerializer.Deserialize(json, Json.OrderDetails)!;

        Assert.Equal(OrderState.Executing, order.State);
        Assert.Null(order.Limits);
        Assert.Null(order.ProjectUuid);
    }

    [Fact]
    public void Usage_SchemaIntegerOrWireDecimalString_BothRead()
    {
        var usages = JsonSerializer.Deserialize("""[{"uuid": "a0000000000000000000000000000001", "usage": 5}, {"uuid": "a0000000000000000000000000000002", "usage": "100.1300"}]""", Json.ListComponentUsage)!;

        Assert.Equal(5m, usages[0].Usage);
        Assert.Equal("100.1300", usages[1].Usage!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void PluginOptions_KeepsUntypedOptionsRaw()
    {
        var offering = JsonSerializer.Deserialize("""{"plugin_options": {"username_generation_policy": "service_provider", "enforce_qos": true, "account_name_generation_policy": null}}""", Json.ProviderOfferingDetails)!;

        Assert.Equal("service_provider", offering.PluginOptions!.UsernameGenerationPolicy);
        Assert.Null(offering.PluginOptions.AccountNameGenerationPolicy);
        Assert.True(offering.PluginOptions.Other!["enforce_qos"].GetBoolean());
    }

    [Fact]
    public void Requests_OmitNulls_ButSendNullWhereItMeansClear()
    {
        Assert.Equal("{}", JsonSerializer.Serialize(new OrderApproveByProviderRequest(), Json.OrderApproveByProviderRequest));
        Assert.Equal("{}", JsonSerializer.Serialize(new OrderProviderRejectionRequest(), Json.OrderProviderRejectionRequest));
        Assert.Equal("""{"end_date":null}""", JsonSerializer.Serialize(new ResourceEndDateRequest(), Json.ResourceEndDateRequest));
        Assert.Equal("""{"end_date":null}""", JsonSerializer.Serialize(new ProjectEndDatePatch(), Json.ProjectEndDatePatch));
        Assert.Equal("""{"description":"d"}""", JsonSerializer.Serialize(new PatchedProjectRequest { Description = "d" }, Json.PatchedProjectRequest));
        Assert.Contains("\"limit_amount\":null", JsonSerializer.Serialize(new OfferingComponentRequest { BillingType = "usage", Type = "cpu", Name = "CPU" }, Json.OfferingComponentRequest));
    }

    [Fact]
    public void SecretRecords_PrintNoSecret()
    {
        Assert.DoesNotContain("k3y", new ResourceApiKeyReportCreatedRequest(Guid.Empty, "c", "k3y-value").ToString());
        Assert.DoesNotContain("k3y", new ResourceApiKeySetKeyRequest("k3y-value", "c").ToString());
        Assert.DoesNotContain(TestClients.Token, new StaticTokenCredentials(TestClients.Token).ToString());
        Assert.DoesNotContain("cl1ent-secret", new OidcClientCredentials(new Uri("https://idp.example.com/token"), "agent", "cl1ent-secret").ToString());
        Assert.DoesNotContain(TestClients.Token, TestClients.Options(new Uri("https://waldur.example.com/api/")).ToString());
    }
}
