using System.Text.Json;
using SiteAgent.Core.WaldurAccess;
using SiteAgent.Waldur.Models;

namespace SiteAgent.Core.Tests.Orders;

public class WaldurMappingTests
{
    [Fact]
    public void SameLimits_ComparesNumbersNotTheirSpelling()
    {
        Assert.True(WaldurMapping.SameLimits(new Dictionary<string, decimal> { ["cpu"] = 180m }, new Dictionary<string, decimal> { ["cpu"] = 180.0m }));
        Assert.False(WaldurMapping.SameLimits(new Dictionary<string, decimal> { ["cpu"] = 180m }, new Dictionary<string, decimal> { ["cpu"] = 180m, ["mem"] = 0m }));
    }

    [Fact]
    public void ToRequest_CarriesWhatBackendsNeedAndDefaultsTheRest()
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

        Assert.Equal(string.Empty, request.BackendId);
        Assert.Equal("alloc-1", request.Slug);
        Assert.Equal(5m, request.Limits["cpu"]);
        Assert.Equal("gpu", request.Attributes["partition"]);
        Assert.Equal("4", request.Attributes["nodes"]);
        Assert.Equal("""{"a": 1}""", request.Attributes["nested"]);
        Assert.False(request.Attributes.ContainsKey("gone"));
        Assert.Equal(new DateTimeOffset(2027, 1, 31, 0, 0, 0, TimeSpan.Zero), request.EndDate);
    }

    [Fact]
    public void ToWholeLimits_TruncatesForWaldursIntegerLimits()
    {
        Assert.Equal(new Dictionary<string, long> { ["cpu"] = 12 }, WaldurMapping.ToWholeLimits(new Dictionary<string, decimal> { ["cpu"] = 12.9m }));
    }
}
