using System.Text.Json.Nodes;
using SiteAgent.Core.Operator.TestOrders;

namespace SiteAgent.Core.Tests.Operator.TestOrders;

public sealed class OrderChecksTests : IDisposable
{
    private const string ValidUuid = "d629d5e45567425da9cdbdc1af67b32c";
    private readonly string _directory = Directory.CreateTempSubdirectory("order-templates-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private TestOrderResult Validate(string template, params string[] variables)
    {
        File.WriteAllText(Path.Combine(_directory, "t.json"), template);
        return OrderChecks.ValidateTemplate(OrderTemplateSource.Open(_directory), "t.json", TemplateVariables.Parse(variables));
    }

    [Test]
    public async Task TemplateValidation_MissingFileAndEscapingPathAreErrors()
    {
        var source = OrderTemplateSource.Open(_directory);

        await Assert.That(OrderChecks.ValidateTemplate(source, "nope.json", new Dictionary<string, JsonNode?>()).Errors.Single())
            .IsEqualTo($"Template file 'nope.json' does not exist in template directory {_directory}");
        await Assert.That(OrderChecks.ValidateTemplate(source, "../etc/passwd", new Dictionary<string, JsonNode?>()).Success).IsFalse();
        await Assert.That(() => source.Read("../outside.json")).Throws<FileNotFoundException>().WithMessageContaining("outside the template directory");
    }

    [Test]
    public async Task TemplateValidation_InvalidJsonIsAnError()
    {
        var result = Validate("{\"type\": \"Create\",}");

        await Assert.That(result.Errors.Single()).StartsWith("Template produces invalid JSON: ");
    }

    [Test]
    public async Task TemplateValidation_MissingUuidWarnsAndMissingTypeFails()
    {
        var result = Validate("{\"resource_name\": \"r\"}");

        await Assert.That(result.Warnings).IsEquivalentTo(["Order UUID not specified - will be auto-generated"]);
        await Assert.That(result.Errors).IsEquivalentTo(["Order type not specified"]);
    }

    [Test]
    public async Task TemplateValidation_EveryUuidFieldIsChecked()
    {
        var result = Validate("""
            {"uuid": "{{ u }}", "type": "Create", "resource_name": "r", "offering_uuid": "not-a-uuid", "marketplace_resource_uuid": "{{ u }}",
             "project_uuid": "12345", "customer_uuid": "{{ u }}"}
            """, "u=" + ValidUuid);

        await Assert.That(result.Errors).IsEquivalentTo([
            "Invalid UUID format for field 'offering_uuid': not-a-uuid",
            "Invalid UUID format for field 'project_uuid': 12345",
        ]);
    }

    [Test]
    public async Task TemplateValidation_CreateNeedsOfferingAndShouldNameResource()
    {
        var result = Validate("""{"uuid": "{{ '' | uuid4 }}", "type": "Create"}""");

        await Assert.That(result.Warnings).IsEquivalentTo([
            "Resource name not specified for CREATE order",
            "Marketplace resource UUID not specified for CREATE order",
        ]);
        await Assert.That(result.Errors).IsEquivalentTo(["Offering UUID required for CREATE order"]);
    }

    [Test]
    public async Task TemplateValidation_UpdateAndTerminateNeedTheResource()
    {
        var update = Validate("""{"uuid": "{{ '' | uuid4 }}", "type": "Update"}""");
        var terminate = Validate("""{"uuid": "{{ '' | uuid4 }}", "type": "Terminate", "marketplace_resource_uuid": ""}""");

        await Assert.That(update.Errors).IsEquivalentTo(["Marketplace resource UUID required for UPDATE order"]);
        await Assert.That(update.Warnings).IsEquivalentTo(["No limits or attributes specified for UPDATE order"]);
        await Assert.That(terminate.Errors).IsEquivalentTo(["Marketplace resource UUID required for TERMINATE order"]);
    }

    [Test]
    public async Task TemplateValidation_FieldsOfTheWrongTypeOrUnknownTypeAreNotAnOrder()
    {
        var badLimit = Validate("""{"uuid": "{{ '' | uuid4 }}", "type": "Update", "marketplace_resource_uuid": "{{ '' | uuid4 }}", "limits": {"cpu": "lots"}}""");
        var badType = Validate("""{"uuid": "{{ '' | uuid4 }}", "type": "Crate"}""");

        await Assert.That(badLimit.Errors.Single()).StartsWith("Template produces invalid order data: ").And.Contains("$.limits");
        await Assert.That(badType.Errors.Single()).IsEqualTo("Template produces invalid order data: order type 'Crate' is not one of Create, Update, Terminate, Restore");
    }

    [Test]
    public async Task TemplateValidation_RenderErrorsNameTheLine()
    {
        var result = Validate("{\n  \"type\": \"{{ kind }}\"\n}");

        await Assert.That(result.Errors.Single()).StartsWith("Failed to render template: t.json line 2: variable 'kind' is undefined");
    }

    [Test]
    public async Task StructureCheck_FollowsTheOrderType()
    {
        var create = OrderChecks.CheckStructure(Order("""{"type": "Create"}"""));
        var update = OrderChecks.CheckStructure(Order($$"""{"uuid": "{{ValidUuid}}", "type": "Update", "resource_name": "r"}"""));
        var broken = OrderChecks.CheckStructure(Order("""{"type": "Create", "created": "yesterday"}"""));
        var ok = OrderChecks.CheckStructure(Order($$"""{"uuid": "{{ValidUuid}}", "type": "Terminate", "marketplace_resource_uuid": "{{ValidUuid}}"}"""));

        await Assert.That(create.Success).IsTrue();
        await Assert.That(create.Warnings).IsEquivalentTo(["Order UUID not specified - will be auto-generated", "Resource name not specified for CREATE order"]);
        await Assert.That(update.Errors).IsEquivalentTo(["Marketplace resource UUID required for UPDATE order"]);
        await Assert.That(update.OrderUuid).IsEqualTo(ValidUuid);
        await Assert.That(update.ResourceName).IsEqualTo("r");
        await Assert.That(broken.Errors.Single()).StartsWith("Invalid order structure: ").And.Contains("$.created");
        await Assert.That(ok.Success).IsTrue();
        await Assert.That(ok.Warnings).IsEmpty();
    }

    [Test]
    public async Task OrderCheck_AssignsAUuidAndChecksByType()
    {
        var order = Order("""{"type": "Create"}""");
        var create = OrderChecks.CheckOrder(order);
        var terminate = OrderChecks.CheckOrder(Order("""{"type": "Terminate", "resource_name": "r"}"""));

        await Assert.That(Guid.TryParse(create.OrderUuid, out _)).IsTrue();
        await Assert.That(order["uuid"]!.GetValue<string>()).IsEqualTo(create.OrderUuid);
        await Assert.That(create.Warnings).IsEquivalentTo(["No resource name specified for CREATE order", "No marketplace resource UUID specified for CREATE order"]);
        await Assert.That(create.Success).IsTrue();
        await Assert.That(terminate.Errors).IsEquivalentTo(["Marketplace resource UUID required for TERMINATE order"]);
    }

    [Test]
    public async Task OrderTester_RecordsTheMockPingAndTimesTheCheck()
    {
        var tester = new OrderTester(TestOrderBackend.Mock(), Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);

        var result = await tester.TestAsync(Order($$"""{"type": "Update", "marketplace_resource_uuid": "{{ValidUuid}}"}"""), CancellationToken.None);

        await Assert.That(result.Success).IsTrue();
        await Assert.That(result.BackendOperations).IsEquivalentTo([new BackendOperation("ping", "mock", "answered")]);
        await Assert.That(result.ExecutionTimeSeconds).IsNotNull();
    }

    private static JsonObject Order(string json) => OrderJson.ParseObject(json);
}
