using System.Text.Json;
using SiteAgent.Core.WaldurAccess;
using SiteAgent.Waldur.Models;

namespace SiteAgent.Core.Tests.Orders;

public class WaldurMappingTests
{
    [Test]
    public async Task SameLimits_ComparesNumbersNotTheirSpelling()
    {
        await Assert.That(WaldurMapping.SameLimits(new Dictionary<string, decimal> { ["cpu"] = 180m }, new Dictionary<string, decimal> { ["cpu"] = 180.0m })).IsTrue();
        await Assert.That(WaldurMapping.SameLimits(new Dictionary<string, decimal> { ["cpu"] = 180m }, new Dictionary<string, decimal> { ["cpu"] = 180m, ["mem"] = 0m })).IsFalse();
    }

    [Test]
    public async Task ToRequest_CarriesWhatBackendsNeedAndDefaultsTheRest()
    {
        using var attributes = JsonDocument.Parse("""{"partition": "gpu", "nodes": 4, "nested": {"a": 1}, "gone": null}""");
        var resource = new Resource
        {
            Uuid = Guid.NewGuid(),
            Slug = "alloc-1",
            ProjectSlug = "proj",
            Limits = new Dictionary<string, decimal> { ["cpu"] = 5m },
            Attributes = attributes.RootElement.Clone(),
            EndDate = new DateOnly(2027, 1, 31),
        };

        var request = resource.ToRequest();

        await Assert.That(request.BackendId).IsEqualTo(string.Empty);
        await Assert.That(request.Slug).IsEqualTo("alloc-1");
        await Assert.That(request.Limits["cpu"]).IsEqualTo(5m);
        await Assert.That(request.Attributes["partition"]).IsEqualTo("gpu");
        await Assert.That(request.Attributes["nodes"]).IsEqualTo("4");
        await Assert.That(request.Attributes["nested"]).IsEqualTo("""{"a": 1}""");
        await Assert.That(request.Attributes.ContainsKey("gone")).IsFalse();
        await Assert.That(request.EndDate).IsEqualTo(new DateTimeOffset(2027, 1, 31, 0, 0, 0, TimeSpan.Zero));
    }

    [Test]
    public async Task ToWholeLimits_TruncatesForWaldursIntegerLimits()
    {
        await Assert.That(WaldurMapping.ToWholeLimits(new Dictionary<string, decimal> { ["cpu"] = 12.9m })).IsEquivalentTo(new Dictionary<string, long> { ["cpu"] = 12 });
    }
}
