using System.Text.Json.Nodes;
using SiteAgent.Core.Operator.TestOrders;

namespace SiteAgent.Core.Tests.Operator.TestOrders;

/// <summary>The templates shipped in the binary: each renders, with its defaults, into an order that passes template validation.</summary>
public class BuiltInTemplatesTests
{
    private const string OfferingUuid = "d629d5e4-5567-425d-a9cd-bdc1af67b32c";

    /// <summary>Each template, the variables it requires (space-separated), and its order type.</summary>
    public static IEnumerable<(string Template, string Required, string Type)> Templates() =>
    [
        ("create/basic.json", "offering_uuid=" + OfferingUuid, "Create"),
        ("create/with-limits.json", "offering_uuid=" + OfferingUuid, "Create"),
        ("create/slurm-full.json", "offering_uuid=" + OfferingUuid, "Create"),
        ("update/limits-only.json", "new_cpu_limit=4000 new_mem_limit=8192", "Update"),
        ("update/attributes-and-limits.json", "", "Update"),
        ("terminate/basic.json", "", "Terminate"),
    ];

    [Test]
    public async Task List_HasTheSixTemplatesSorted()
    {
        await Assert.That(OrderTemplateSource.Open(null).List()).IsEquivalentTo(
            ["create/basic.json", "create/slurm-full.json", "create/with-limits.json", "terminate/basic.json", "update/attributes-and-limits.json", "update/limits-only.json"]);
        await Assert.That(OrderTemplateSource.Open(null).List()).IsOrderedBy(n => n, StringComparer.Ordinal);
    }

    [Test]
    [MethodDataSource(nameof(Templates))]
    public async Task Template_WithItsDefaults_IsAValidOrderWithoutWarnings(string template, string required, string type)
    {
        var variables = TemplateVariables.Parse(required.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var result = OrderChecks.ValidateTemplate(OrderTemplateSource.Open(null), template, variables);

        await Assert.That(result.Errors).IsEmpty();
        await Assert.That(result.Warnings).IsEmpty();
        await Assert.That(result.Success).IsTrue();
        await Assert.That(result.OrderType).IsEqualTo(type);
        await Assert.That(Guid.TryParse(result.OrderUuid, out _)).IsTrue();
        await Assert.That(result.ResourceName).IsEqualTo("test-allocation");
    }

    [Test]
    public async Task CreateBasic_DefaultsAndGivenValuesLandInTheOrder()
    {
        var order = Render("create/basic.json", "offering_uuid=" + OfferingUuid, "attributes={\"qos\": \"high\"}", "project_slug=proj-1");

        await Assert.That(order["offering_uuid"]!.GetValue<string>()).IsEqualTo(OfferingUuid);
        await Assert.That(order["project_slug"]!.GetValue<string>()).IsEqualTo("proj-1");
        await Assert.That(order["customer_slug"]!.GetValue<string>()).IsEqualTo("test-customer");
        await Assert.That(order["state"]!.GetValue<string>()).IsEqualTo("executing");
        await Assert.That(order["offering_type"]!.GetValue<string>()).IsEqualTo("Marketplace.SLURM");
        await Assert.That(order["attributes"]!["qos"]!.GetValue<string>()).IsEqualTo("high");
        await Assert.That(DateTimeOffset.TryParse(order["created"]!.GetValue<string>(), out _)).IsTrue();
        foreach (var field in new[] { "uuid", "project_uuid", "customer_uuid", "marketplace_resource_uuid" })
        {
            await Assert.That(Guid.TryParse(order[field]!.GetValue<string>(), out _)).IsTrue().Because(field);
        }
    }

    [Test]
    public async Task WithLimitsAndSlurmFull_CarryLimitsAndAttributes()
    {
        var limits = Render("create/with-limits.json", "offering_uuid=" + OfferingUuid, "cpu_limit=2000", "resource_name=alloc-7");
        var full = Render("create/slurm-full.json", "offering_uuid=" + OfferingUuid);

        await Assert.That(limits["limits"]!.ToJsonString()).IsEqualTo("""{"cpu":2000,"mem":2048,"gpu":0}""");
        await Assert.That(limits["attributes"]!["slurm_account"]!.GetValue<string>()).IsEqualTo("alloc-7");
        await Assert.That(limits["attributes"]!["partition"]!.GetValue<string>()).IsEqualTo("compute");
        await Assert.That(full["limits"]!["storage"]!.GetValue<int>()).IsEqualTo(100);
        await Assert.That(full["attributes"]!.AsObject().Select(p => p.Key)).IsEquivalentTo(
            ["slurm_account", "partition", "qos", "tres_billing_weights", "account_description", "default_account"]);
    }

    [Test]
    public async Task UpdateTemplates_LeaveOutWhatIsNotGiven()
    {
        var limitsOnly = Render("update/limits-only.json", "new_cpu_limit=1", "new_mem_limit=2", "new_storage_limit=3");
        var some = Render("update/attributes-and-limits.json", "new_gpu_limit=4", "new_qos=high", "new_partition=gpu");

        await Assert.That(limitsOnly["limits"]!.ToJsonString()).IsEqualTo("""{"cpu":1,"mem":2,"storage":3}""");
        await Assert.That(some["limits"]!.ToJsonString()).IsEqualTo("""{"gpu":4}""");
        await Assert.That(some["attributes"]!.ToJsonString()).IsEqualTo("""{"partition":"gpu","qos":"high"}""");
    }

    [Test]
    public async Task LimitsOnly_WithoutItsRequiredLimits_FailsNamingTemplateLineAndVariable()
    {
        var result = OrderChecks.ValidateTemplate(OrderTemplateSource.Open(null), "update/limits-only.json", TemplateVariables.Parse(["new_cpu_limit=1"]));

        await Assert.That(result.Success).IsFalse();
        await Assert.That(result.Errors.Single()).Matches(@"^Failed to render template: update/limits-only\.json line \d+: variable 'new_mem_limit' is undefined");
    }

    [Test]
    public async Task CreateWithoutOffering_FailsOnTheUndefinedOfferingUuid()
    {
        var result = OrderChecks.ValidateTemplate(OrderTemplateSource.Open(null), "create/basic.json", new Dictionary<string, JsonNode?>());

        await Assert.That(result.Errors.Single()).Contains("create/basic.json line 14: variable 'offering_uuid' is undefined");
    }

    private static JsonObject Render(string template, params string[] variables) =>
        OrderJson.ParseObject(OrderChecks.Render(OrderTemplateSource.Open(null), template, TemplateVariables.Parse(variables)));
}
