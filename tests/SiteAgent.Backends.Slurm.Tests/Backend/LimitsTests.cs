using SiteAgent.Backends.Model;

namespace SiteAgent.Backends.Slurm.Tests.Backend;

public class LimitsTests
{
    internal static ComponentDefinition Component(string type, AccountingType accounting, decimal unitFactor = 1m, decimal? limit = null, params TargetComponent[] targets) =>
        new() { Type = type, MeasuredUnit = "u", Label = type, AccountingType = accounting, UnitFactor = unitFactor, Limit = limit, TargetComponents = targets };

    private static SlurmLimits Limits(params ComponentDefinition[] components) => new(components, new ComponentMapper(components));

    private static ResourceRequest Resource(Dictionary<string, decimal> limits, DateTimeOffset? created = null, DateTimeOffset? end = null) =>
        new() { Uuid = Guid.NewGuid(), Limits = limits, Created = created, EndDate = end };

    [Test]
    public async Task Collect_ReferenceOffering_UsageLimitAndLimitComponent()
    {
        var limits = Limits(Component("cpu", AccountingType.Limit, 60000), Component("mem", AccountingType.Usage, 61440, limit: 10));

        var result = limits.Collect(Resource(new() { ["cpu"] = 10, ["mem"] = 20 }), out _);

        await Assert.That(result.Backend).IsEquivalentTo(new Dictionary<string, long> { ["cpu"] = 600000, ["mem"] = 614400 });
        await Assert.That(result.Waldur).IsEquivalentTo(new Dictionary<string, decimal> { ["cpu"] = 10, ["mem"] = 10 });
    }

    [Test]
    public async Task ToBackend_UpdateOrder_MultipliesEveryKeyAndTruncates()
    {
        var limits = Limits(Component("cpu", AccountingType.Limit, 60000), Component("mem", AccountingType.Usage, 61440));

        await Assert.That(limits.ToBackend(new Dictionary<string, decimal> { ["cpu"] = 101, ["mem"] = 301 })).IsEquivalentTo(new Dictionary<string, long> { ["cpu"] = 6060000, ["mem"] = 18493440 });
        await Assert.That(Limits(Component("cpu", AccountingType.Limit, 60)).ToBackend(new Dictionary<string, decimal> { ["cpu"] = 10, ["gpu"] = 4 })).IsEquivalentTo(new Dictionary<string, long> { ["cpu"] = 600, ["gpu"] = 4 });
        await Assert.That(Limits(Component("cpu", AccountingType.Limit, 0.5m)).ToBackend(new Dictionary<string, decimal> { ["cpu"] = 3 })).IsEquivalentTo(new Dictionary<string, long> { ["cpu"] = 1 });
    }

    [Test]
    public async Task UnitFactorDefault_IsOneEverywhere()
    {
        // slurm.md §2.2: the reference reads unit_factor without a default for limit components and crashes.
        var limits = Limits(Component("cpu", AccountingType.Limit), Component("gres/gpu", AccountingType.One));

        var result = limits.Collect(Resource(new() { ["cpu"] = 7, ["gres/gpu"] = 2 }), out _);

        await Assert.That(result.Backend["cpu"]).IsEqualTo(7);
        await Assert.That(limits.ToWaldur(new Dictionary<string, long> { ["cpu"] = 7 })["cpu"]).IsEqualTo(7);
    }

    [Test]
    [Arguments("2026-01-15", "2026-06-15", 5)]
    [Arguments("2026-01-10", "2026-04-20", 4)]
    [Arguments("2026-03-20", "2026-03-10", 1)]
    [Arguments("2026-01-01", "2027-01-01", 12)]
    public async Task PrepaidMonths_SpecExamples(string created, string end, int months) =>
        await Assert.That(SlurmLimits.PrepaidMonths(DateTimeOffset.Parse(created, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse(end, System.Globalization.CultureInfo.InvariantCulture))).IsEqualTo(months);

    [Test]
    public async Task Collect_Prepaid_MultipliesByMonths()
    {
        var limits = Limits(Component("cpu", AccountingType.One, 60), Component("mem", AccountingType.Limit, 1024));

        var result = limits.Collect(Resource(new() { ["cpu"] = 10, ["mem"] = 2 }, new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 6, 15, 0, 0, 0, TimeSpan.Zero)), out var missing);

        await Assert.That(missing).IsFalse();
        await Assert.That(result.Backend["cpu"]).IsEqualTo(3000);
        await Assert.That(result.Backend["mem"]).IsEqualTo(2048);
        await Assert.That(result.Waldur["cpu"]).IsEqualTo(10);
    }

    [Test]
    public async Task Collect_PrepaidWithoutDates_IsNotMultipliedAndSaysSo()
    {
        var result = Limits(Component("cpu", AccountingType.One, 60)).Collect(Resource(new() { ["cpu"] = 10 }), out var missing);

        await Assert.That(missing).IsTrue();
        await Assert.That(result.Backend["cpu"]).IsEqualTo(600);
    }

    [Test]
    public async Task Collect_MappingMode_UsesFactorsNotUnitFactor()
    {
        var nodeHours = Component("node_hours", AccountingType.Limit, 999, null, new TargetComponent("cpu", 64), new TargetComponent("gres/gpu", 8));
        var limits = Limits(nodeHours);

        var result = limits.Collect(Resource(new() { ["node_hours"] = 100 }), out _);

        await Assert.That(result.Backend).IsEquivalentTo(new Dictionary<string, long> { ["cpu"] = 6400, ["gres/gpu"] = 800 });
        await Assert.That(result.Waldur["node_hours"]).IsEqualTo(100);
    }

    [Test]
    public async Task Mapper_FanInAndFanOut_ReferenceVectors()
    {
        var mapper = new ComponentMapper([
            Component("comp_a", AccountingType.Limit, 1, null, new TargetComponent("shared", 2)),
            Component("comp_b", AccountingType.Limit, 1, null, new TargetComponent("shared", 3)),
            Component("node_hours", AccountingType.Limit, 1, null, new TargetComponent("gpu_hours", 5), new TargetComponent("storage_gb_hours", 10)),
        ]);

        await Assert.That(mapper.FromTarget([new("shared", 60.0)])).IsEquivalentTo(new Dictionary<string, double> { ["comp_a"] = 30, ["comp_b"] = 20 });
        var forward = mapper.ToTarget([new("node_hours", 100m)]);
        await Assert.That(mapper.FromTarget(forward.Select(p => new KeyValuePair<string, double>(p.Key, p.Value)))["node_hours"]).IsEqualTo(200.0);
    }

    [Test]
    public async Task ToWaldur_DividesAndTruncatesConfiguredKeysOnly()
    {
        var limits = Limits(Component("cpu", AccountingType.Limit, 60000), Component("mem", AccountingType.Usage, 61440));

        await Assert.That(limits.ToWaldur(new Dictionary<string, long> { ["cpu"] = 600000, ["mem"] = 614400, ["billing"] = 5 })).IsEquivalentTo(new Dictionary<string, decimal> { ["cpu"] = 10, ["mem"] = 10 });
    }
}
