using SiteAgent.Backends.Model;
using SiteAgent.Core.Reporting;
using SiteAgent.Waldur.Models;

namespace SiteAgent.Core.Tests.Reporting;

public sealed class UsagePlannerTests
{
    private static readonly HashSet<string> CpuMem = ["cpu", "mem"];
    private static readonly Guid CpuRecord = Guid.Parse("11111111-1111-4111-8111-111111111111");
    private static readonly Guid MemRecord = Guid.Parse("22222222-2222-4222-8222-222222222222");
    private static readonly Dictionary<string, OfferingUserLink> Users = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Alice.Smith"] = new("Alice.Smith", "https://waldur.example/api/marketplace-offering-users/aa/"),
    };

    private static ResourceUsage Usage(decimal cpu, decimal mem, Dictionary<string, Dictionary<string, decimal>>? users = null) => new(
        new Dictionary<string, decimal> { ["cpu"] = cpu, ["mem"] = mem },
        (users ?? []).ToDictionary(u => u.Key, u => (IReadOnlyDictionary<string, decimal>)u.Value));

    private static ResourcePeriodRecords Held(decimal? cpu, decimal? mem, params ComponentUserUsage[] users) => new(
        new[] { (Type: "cpu", Id: CpuRecord, Value: cpu), (Type: "mem", Id: MemRecord, Value: mem) }
            .Where(r => r.Value is not null).Select(r => new ComponentUsage { Uuid = r.Id, Type = r.Type, Usage = r.Value }).ToList(),
        users);

    private static ComponentUserUsage UserRecord(Guid parent, string user, decimal usage, string? url = null) =>
        new() { ComponentUsage = $"https://waldur.example/api/marketplace-component-usages/{parent:N}/", Username = user, Usage = usage, User = url };

    [Test]
    public async Task SameAmountsAfterRounding_AreUnchanged()
    {
        // 100.004 is sent as 100.00, which Waldur already holds as "100.0000".
        var plan = UsagePlanner.Plan(Usage(100.004m, 5), CpuMem, Held(100.0000m, 5.00m), Users, usageCanDecrease: false);

        await Assert.That(plan.Decision).IsEqualTo(TotalDecision.Unchanged);
        await Assert.That(plan.IsEmpty).IsTrue();
    }

    [Test]
    public async Task NewOrChangedComponent_IsSubmitted_RoundedHalfEven()
    {
        var plan = UsagePlanner.Plan(Usage(100.126m, 150.505m), CpuMem, Held(100m, null), Users, usageCanDecrease: false);

        await Assert.That(plan.Decision).IsEqualTo(TotalDecision.Submit);
        await Assert.That(plan.Totals).IsEquivalentTo(new Dictionary<string, decimal> { ["cpu"] = 100.13m, ["mem"] = 150.50m });
    }

    [Test]
    public async Task ComponentTheOfferingLacks_IsDroppedAndNamed()
    {
        var usage = new ResourceUsage(new Dictionary<string, decimal> { ["cpu"] = 1, ["gres/gpu"] = 2 }, new Dictionary<string, IReadOnlyDictionary<string, decimal>>());

        var plan = UsagePlanner.Plan(usage, CpuMem, ResourcePeriodRecords.Empty, Users, usageCanDecrease: false);

        await Assert.That(plan.Totals.Keys).IsEquivalentTo(["cpu"], CollectionOrdering.Matching);
        await Assert.That(plan.UnknownComponents).IsEquivalentTo(["gres/gpu"], CollectionOrdering.Matching);
    }

    [Test]
    public async Task Quirk_RecordOfAComponentNoLongerReported_DoesNotForceASubmissionEveryCycle()
    {
        var usage = new ResourceUsage(new Dictionary<string, decimal> { ["cpu"] = 3 }, new Dictionary<string, IReadOnlyDictionary<string, decimal>>());

        var plan = UsagePlanner.Plan(usage, CpuMem, Held(3m, 7m), Users, usageCanDecrease: false);

        await Assert.That(plan.Decision).IsEqualTo(TotalDecision.Unchanged);
    }

    [Test]
    [Arguments(false, TotalDecision.Anomaly)]
    [Arguments(true, TotalDecision.Submit)]
    public async Task Decrease_IsAnAnomalyUnlessTheBackendAllowsIt(bool canDecrease, TotalDecision expected)
    {
        var users = new Dictionary<string, Dictionary<string, decimal>> { ["bob"] = new() { ["cpu"] = 1 } };

        var plan = UsagePlanner.Plan(Usage(9.99m, 5, users), CpuMem, Held(10m, 5m), Users, canDecrease);

        await Assert.That(plan.Decision).IsEqualTo(expected);
        await Assert.That(plan.UserUsages.Count).IsEqualTo(canDecrease ? 1 : 0);
    }

    [Test]
    public async Task DuplicateRecordsOfAComponent_AreAnAnomaly()
    {
        var held = new ResourcePeriodRecords(
            [new ComponentUsage { Uuid = CpuRecord, Type = "cpu", Usage = 1 }, new ComponentUsage { Uuid = MemRecord, Type = "cpu", Usage = 1 }], []);

        var plan = UsagePlanner.Plan(Usage(2, 0), CpuMem, held, Users, usageCanDecrease: false);

        await Assert.That(plan.Decision).IsEqualTo(TotalDecision.Anomaly);
        await Assert.That(plan.AnomalyReason).Contains("2 usage records of component cpu");
    }

    [Test]
    public async Task PerUser_OnlyNewOrChangedUsersAreSent_LinkedToTheirOfferingUserIgnoringCase()
    {
        var users = new Dictionary<string, Dictionary<string, decimal>>
        {
            ["alice.smith"] = new() { ["cpu"] = 2, ["mem"] = 4 },
            ["root"] = new() { ["cpu"] = 1.005m },
        };
        var held = Held(3m, 4m,
            UserRecord(CpuRecord, "Alice.Smith", 2, Users["Alice.Smith"].Url),
            UserRecord(MemRecord, "Alice.Smith", 3, Users["Alice.Smith"].Url),
            UserRecord(CpuRecord, "root", 1m));

        var plan = UsagePlanner.Plan(Usage(3.005m, 4, users), CpuMem, held, Users, usageCanDecrease: false);

        // cpu: alice unchanged, root's 1.005 rounds to 1.00, unchanged too. mem: alice 3 → 4.
        var batch = await Assert.That(plan.UserUsages).HasSingleItem();
        await Assert.That((batch!.ComponentType, batch.ParentUuid)).IsEqualTo(("mem", (Guid?)MemRecord));
        await Assert.That(batch.Items).IsEquivalentTo([new UserUsageItem("Alice.Smith", 4, Users["Alice.Smith"].Url)], CollectionOrdering.Matching);
    }

    [Test]
    public async Task PerUser_ForANewRecord_WaitsForItsParentAndKeepsBackendUsersWithoutOfferingUser()
    {
        var users = new Dictionary<string, Dictionary<string, decimal>> { ["root"] = new() { ["cpu"] = 0.5m } };

        var plan = UsagePlanner.Plan(Usage(0.5m, 0, users), CpuMem, ResourcePeriodRecords.Empty, Users, usageCanDecrease: false);

        var batch = await Assert.That(plan.UserUsages).HasSingleItem();
        await Assert.That(batch!.ParentUuid).IsNull();
        await Assert.That(batch.Items).IsEquivalentTo([new UserUsageItem("root", 0.5m, null)], CollectionOrdering.Matching);
    }
}
