using Microsoft.Extensions.Logging.Abstractions;
using SiteAgent.Backends.Model;
using SiteAgent.Core.Offerings;
using SiteAgent.Waldur.Models;

namespace SiteAgent.Core.Tests.Orders;

public class ComponentMergeTests
{
    private static readonly ComponentDefinition Cpu = new() { Type = "cpu", MeasuredUnit = "k-Hours", AccountingType = AccountingType.Limit, Label = "CPU", UnitFactor = 60000 };

    [Test]
    public async Task Merge_WaldurOnlyComponents_AreAppendedWithWaldursValues()
    {
        var merged = ComponentMerge.Merge([Cpu],
            [
                new OfferingComponent { Type = "cpu", BillingType = "usage", Name = "ignored" },
                new OfferingComponent { Type = "storage", BillingType = "limit", Name = "Storage", MeasuredUnit = "GB", UnitFactor = 1024, LimitAmount = 10 },
                new OfferingComponent { Type = "license", BillingType = "", Name = "License" },
            ], "o", NullLogger.Instance);

        await Assert.That(merged.Select(c => c.Type)).IsEquivalentTo(["cpu", "storage", "license"], CollectionOrdering.Matching);
        await Assert.That(merged[0]).IsSameReferenceAs(Cpu);
        await Assert.That(merged[1]).IsEqualTo(new ComponentDefinition
        {
            Type = "storage", MeasuredUnit = "GB", AccountingType = AccountingType.Limit, Label = "Storage", UnitFactor = 1024, Limit = 10, FromWaldurOnly = true,
        });
        await Assert.That(merged[2].AccountingType).IsEqualTo(AccountingType.Usage);
        await Assert.That(merged[2].UnitFactor).IsEqualTo(1m);
    }

    [Test]
    [Arguments("fixed")]
    [Arguments("few")]
    public async Task Merge_BillingTypesWithoutLocalMeaning_AreSkippedNotFatal(string billingType)
    {
        // The reference raised here and failed the whole offering every cycle.
        var merged = ComponentMerge.Merge([Cpu], [new OfferingComponent { Type = "setup", BillingType = billingType, Name = "Setup fee" }], "o", NullLogger.Instance);

        await Assert.That(merged.Select(c => c.Type)).IsEquivalentTo(["cpu"], CollectionOrdering.Matching);
    }
}
