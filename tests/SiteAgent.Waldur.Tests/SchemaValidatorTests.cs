using System.Text.Json;
using SiteAgent.Waldur.Tests.Infrastructure;

namespace SiteAgent.Waldur.Tests;

/// <summary>The request validator the contract tour relies on does catch what it should.</summary>
public sealed class SchemaValidatorTests
{
    [Test]
    [Arguments("""{"resource": "0f1e2d3c4b5a69788796a5b4c3d2e1f0", "usages": []}""", "not a valid uuid")]
    [Arguments("""{"resource": "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"}""", "usages: required")]
    [Arguments("""{"usages": [{"type": "cpu", "amount": "1.234"}]}""", "does not match")]
    [Arguments("""{"usages": [{"type": "cpu", "amount": 1.5}]}""", "expected a string")]
    [Arguments("""{"usages": [], "extra": 1}""", "not a property")]
    [Arguments("""{"usages": [], "date": "2025-05-01T00:00:00"}""", "not a valid date-time")]
    public async Task InvalidBodies_AreReported(string body, string expected)
    {
        var schema = OpenApiDocument.Default.Component("ComponentUsageCreateRequest");
        using var document = JsonDocument.Parse(body);

        var problems = SchemaValidator.Validate(document.RootElement, schema);

        await Assert.That(problems).Contains(p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Test]
    public async Task ValidBody_HasNoProblem()
    {
        var schema = OpenApiDocument.Default.Component("ComponentUsageCreateRequest");
        using var document = JsonDocument.Parse("""{"resource": "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0", "date": "2025-05-01T00:00:00+02:00", "usages": [{"type": "cpu", "amount": "12.35"}]}""");

        await Assert.That(SchemaValidator.Validate(document.RootElement, schema)).IsEmpty();
    }
}
