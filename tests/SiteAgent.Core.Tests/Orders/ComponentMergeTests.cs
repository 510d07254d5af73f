using Microsoft.Extensions.Logging.Abstractions;
using SiteAgent.Backends.Model;
using SiteAgent.Core.Offerings;
using SiteAgent.Waldur.Models;

namespace SiteAgent.Core.Tests.Orders;

public class ComponentMergeTests
{
    private static readonly ComponentDefinition Cpu = new() { Type = "cpu", MeasuredUnit = "k-Hours", AccountingType = AccountingType.Limit, Label = "CPU", UnitFactor = 60000 };

    [Fact]
    public void Merge_WaldurOnlyComponents_AreAppendedWithWaldursValues()
    {
        var merged = ComponentMerge.Merge([Cpu],
            [
                new OfferingComponent { Type = "cpu", BillingType = "usage", Name = "ignored" },
                new OfferingComponent { Type = "storage", BillingType = "limit", Name = "Storage", MeasuredUnit = "GB", UnitFactor = 1024, LimitAmount = 10 },
                new OfferingComponent { Type = "license", BillingType = "", Name = "License" },
            ], "o", NullLogger.Instance);

        Assert.Equal(["cpu", "storage", "license"], merged.Select(c => c.Type));
        Assert.Same(Cpu, merged[0]);
        Assert.Equal(new ComponentDefinition
        {
            Type = "storage", MeasuredUnit = "GB", AccountingType = AccountingType.Limit, Label = "Storage", UnitFactor = 1024, Limit = 10, FromWaldurOnly = true,
        }, merged[1]);
        Assert.Equal(AccountingType.Usage, merged[2].AccountingType);
        Assert.Equal(1m, merged[2].UnitFactor);
    }

    [Theory]
    [InlineData("fixed")]
    [InlineData("few")]
    public void Merge_BillingTypesWithoutLocalMeaning_AreSkippedNotFatal(string billingType)
    {
        // The reference raised here and failed the whole offering every cycle.
        var merged = ComponentMerge.Merge([Cpu], [new OfferingComponent { Type = "setup", BillingType = billingType, Name = "Setup fee" }], "o", NullLogger.Instance);

        Assert.Equal(["cpu"], merged.Select(c => c.Type));
    }
}
