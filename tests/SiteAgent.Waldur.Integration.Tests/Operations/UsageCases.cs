using SiteAgent.Waldur.Integration.Tests.Infrastructure;
using SiteAgent.Waldur.Models;
using SiteAgent.Waldur.Queries;
using static SiteAgent.Waldur.Integration.Tests.Infrastructure.EmulatedWaldur;

namespace SiteAgent.Waldur.Integration.Tests.Operations;

/// <summary>Usage reporting: component usages, per-user usages and per-user limits.</summary>
internal static class UsageCases
{
    private static readonly DateOnly October = new(2026, 10, 1);

    public static IEnumerable<ClientCase> All() =>
    [
        new("marketplace_component_usages_list", async w =>
        {
            var usages = await w.Client.ListComponentUsages(new ComponentUsageListQuery
            {
                ResourceUuid = Ids.Resource,
                BillingPeriod = October,
                Fields = ["type", "usage", "billing_period"],
            }).ToListAsync(Ct);

            var usage = await Assert.That(usages).HasSingleItem();
            await Assert.That((usage.Uuid, usage.Type, usage.Usage, usage.BillingPeriod)).IsEqualTo((Ids.ComponentUsage, "cpu", 12m, October));
        }),
        new("marketplace_component_usages_set_usage", async w =>
        {
            await w.Client.SetComponentUsageAsync(
                new ComponentUsageCreateRequest
                {
                    Resource = Ids.Resource,
                    Date = new DateTimeOffset(2026, 11, 15, 12, 0, 0, TimeSpan.FromHours(2)),
                    Usages = [new() { Type = "cpu", Amount = 5.5m }, new() { Type = "mem", Amount = 1024.004m, Description = "RAM" }],
                },
                Ct);

            var november = w.Read(s => s.ComponentUsages.Where(u => u.BillingPeriod == new DateOnly(2026, 11, 1)).ToDictionary(u => u.Component.Type, u => u.Usage));
            await Assert.That(november).IsEquivalentTo(new Dictionary<string, decimal> { ["cpu"] = 5.5m, ["mem"] = 1024m });
        }),
        new("marketplace_component_usages_set_user_usages", async w =>
        {
            await w.Client.SetComponentUserUsagesAsync(
                Ids.ComponentUsage,
                [new() { Username = "alice", Usage = 11m, Date = new DateTimeOffset(2026, 10, 15, 0, 0, 0, TimeSpan.Zero) }, new() { Username = "carol", Usage = 1m }],
                Ct);

            var users = w.Read(s => s.ComponentUsages.At(Ids.ComponentUsage).UserUsages.ToDictionary(u => u.Username, u => u.Usage));
            await Assert.That(users).IsEquivalentTo(new Dictionary<string, decimal> { ["alice"] = 11m, ["bob"] = 2m, ["carol"] = 1m });
        }),
        new("marketplace_component_usages_set_user_usage", async w =>
        {
            var bob = w.Read(s => s.OfferingUsers.Single(u => u.User.Uuid == Ids.Bob.Hex()).Uuid);

            await w.Client.SetComponentUserUsageAsync(
                Ids.ComponentUsage,
                new ComponentUserUsageCreateRequest { Username = "bob", Usage = 0m, User = $"{w.ApiUrl}marketplace-offering-users/{bob}/" },
                Ct);

            var usage = w.Read(s => s.ComponentUsages.At(Ids.ComponentUsage).UserUsages.Single(u => u.Username == "bob"));
            await Assert.That((usage.Usage, usage.OfferingUser?.Uuid)).IsEqualTo((0m, bob));
        }),
        new("marketplace_component_user_usages_list", async w =>
        {
            var usages = await w.Client.ListComponentUserUsages(new ComponentUserUsageListQuery
            {
                ResourceUuid = Ids.Resource,
                ComponentUsageBillingPeriod = October,
                Fields = ["username", "usage", "component_usage"],
            }).ToListAsync(Ct);

            await Assert.That(usages.Select(u => (u.Username!, u.Usage!.Value))).IsEquivalentTo([("alice", 10m), ("bob", 2m)], CollectionOrdering.Matching);
            foreach (var u in usages) { await Assert.That(u.ComponentUsage).EndsWith($"/marketplace-component-usages/{Ids.ComponentUsage.Hex()}/"); }
        }),
        new("component_user_usage_limits_list", async w =>
        {
            var limits = await w.Client.ListComponentUserUsageLimits(new ComponentUserUsageLimitListQuery { ResourceUuid = Ids.Resource }).ToListAsync(Ct);

            var limit = await Assert.That(limits).HasSingleItem();
            await Assert.That((limit.ComponentType, limit.Limit)).IsEqualTo(("cpu", 50m));
            await Assert.That(limit.User).EndsWith($"/users/{Ids.Alice.Hex()}/");
        }),
    ];
}
