using SiteAgent.Core.Observability;
using SiteAgent.Core.Offerings;
using SiteAgent.Core.Reporting;
using SiteAgent.Core.Tests.Support;
using SiteAgent.Waldur.Models;
using static SiteAgent.Core.Tests.Reporting.ReportScenario;

namespace SiteAgent.Core.Tests.Reporting;

/// <summary>
/// The report cycle with <see cref="UsageReportCycle.ReconcileStale"/> (what <c>load-historical-usage --reconcile-stale</c>
/// runs), with the real SLURM backend over captured sacct output, against the emulator: October is idle in SLURM,
/// November is the capture (users root, nobody and daemon on <c>hpc_alloc-1</c>).
/// </summary>
public sealed class StaleUsageReconciliationTests
{
    private const string Gone = "a4a4a4a4a4a44a4a8a4a4a4a4a4a4a04";

    private static readonly BillingPeriod[] OctoberAndNovember = [new(2026, 10, false), new(2026, 11, true)];

    private static string Held => $$"""
        component_usages:
          - {resource: {{Alloc1}}, type: cpu, billing_period: 2026-10-01, usage: 9, user_usages: [{username: nobody, usage: 9}]}
          - {resource: {{Alloc1}}, type: cpu, billing_period: 2026-11-01, usage: 0.5, user_usages: [{username: ghost, usage: 3}, {username: idle, usage: 0}]}
          - {resource: {{Gone}}, type: cpu, billing_period: 2026-10-01, usage: 4, user_usages: [{username: nobody, usage: 4}]}
        """;

    private static string GoneResource => $"  - {{uuid: {Gone}, name: Gone, offering: cluster, project: proj, plan: Default, state: OK, backend_id: hpc_gone}}";

    [Test]
    public async Task Reconcile_IdleMonthZeroedForEveryComponent_UnreportedUsersZeroed_ReportedAndUnknownUntouched()
    {
        await using var world = await AgentWorld.StartAsync(Yaml(GoneResource, Held), AgentConfig(), Slurm(), November);

        var totals = await ReportAsync(world, reconcile: true);

        // October: SLURM has the accounts but no jobs, so Waldur's 9 CPU-minutes and nobody's record go to zero.
        await Assert.That(world.Totals(Alloc1, month: 10)).IsEquivalentTo(new Dictionary<string, decimal> { ["cpu"] = 0, ["mem"] = 0, ["gres/gpu"] = 0 });
        await Assert.That(world.UserUsages(Alloc1, month: 10)[("cpu", "nobody")].Usage).IsEqualTo(0m);
        await Assert.That(world.Totals(Alloc2, month: 10)).IsEquivalentTo(new Dictionary<string, decimal> { ["cpu"] = 0, ["mem"] = 0, ["gres/gpu"] = 0 });
        // November: ghost is not in the report and is zeroed; the reported users carry SLURM's figures.
        var november = world.UserUsages(Alloc1);
        await Assert.That(november[("cpu", "ghost")].Usage).IsEqualTo(0m);
        await Assert.That(november[("cpu", "nobody")].Usage).IsGreaterThan(0m);
        await Assert.That(world.Totals(Alloc1)["cpu"]).IsEqualTo(0.98m);
        // An account SLURM does not know is not "idle": its records stay as they are.
        await Assert.That(world.Totals(Gone, month: 10)).IsEquivalentTo(new Dictionary<string, decimal> { ["cpu"] = 4 });
        await Assert.That(world.UserUsages(Gone, month: 10)[("cpu", "nobody")].Usage).IsEqualTo(4m);
        // Exactly two stale records were written (a record already at zero is not), one POST each.
        await Assert.That(world.Sent("POST", "/set_user_usage/")).IsEqualTo(2);
        // Listed per resource and month with the filters Waldur documents.
        await Assert.That(PerResourceListings(world)).Contains($"resource_uuid={Alloc1}").And.Contains("component_usage__billing_period=2026-10-01");
        await Assert.That(world.Logs.Messages(LogEvents.StaleUserUsageZeroed)).Count().IsEqualTo(2);
        await Assert.That(world.Logs.Messages(LogEvents.BackfillZeroTotal).Count(m => m.Contains("2026-10", StringComparison.Ordinal))).IsEqualTo(2);
        await Assert.That(totals.Failed).IsEqualTo(0);
        await world.AssertNoContractViolationsAsync();

        var again = await ReportAsync(world, reconcile: true);

        await Assert.That(world.Sent("POST", "/set_user_usage/")).IsEqualTo(2);
        await Assert.That((again.Submitted, again.Failed)).IsEqualTo((0, 0));
    }

    [Test]
    public async Task WithoutReconcile_PastIdleMonthAndUnreportedUsersAreLeftAsTheyAre()
    {
        await using var world = await AgentWorld.StartAsync(Yaml(GoneResource, Held), AgentConfig(), Slurm(), November);

        await ReportAsync(world, reconcile: false);

        await Assert.That(world.Totals(Alloc1, month: 10)).IsEquivalentTo(new Dictionary<string, decimal> { ["cpu"] = 9 });
        await Assert.That(world.UserUsages(Alloc1, month: 10)[("cpu", "nobody")].Usage).IsEqualTo(9m);
        await Assert.That(world.UserUsages(Alloc1)[("cpu", "ghost")].Usage).IsEqualTo(3m);
        await Assert.That(world.Sent("POST", "/set_user_usage/")).IsEqualTo(0);
        await Assert.That(PerResourceListings(world)).IsEqualTo(string.Empty);
    }

    [Test]
    public async Task ReconcileWithSkipUserUsage_ZeroesTotalsButWritesNoPerUserUsage()
    {
        await using var world = await AgentWorld.StartAsync(Yaml(GoneResource, Held), AgentConfig(), Slurm(), November);

        await ReportAsync(world, reconcile: true, skipUserUsage: true);

        await Assert.That(world.Totals(Alloc1, month: 10)["cpu"]).IsEqualTo(0m);
        await Assert.That(world.UserUsages(Alloc1, month: 10)[("cpu", "nobody")].Usage).IsEqualTo(9m);
        await Assert.That(world.UserUsages(Alloc1)[("cpu", "ghost")].Usage).IsEqualTo(3m);
        await Assert.That(world.Sent("POST", "/set_user_usage")).IsEqualTo(0);
    }

    [Test]
    public async Task Select_UnreportedNonZeroOnly_NamesComparedIgnoringCase()
    {
        ComponentUserUsage Record(string name, decimal? usage) => new() { Username = name, Usage = usage, ComponentUsage = "https://waldur/api/marketplace-component-usages/" + Guid.NewGuid().ToString("N") + "/" };
        var records = new[] { Record("ghost", 3m), Record("Nobody", 2m), Record("idle", 0m), Record("unknown", null), Record("", 1m) };

        var stale = StaleUserUsages.Select(records, ["nobody", "root"]);

        await Assert.That(stale.Select(r => r.Username ?? string.Empty).ToArray()).IsEquivalentTo(["ghost"]);
    }

    [Test]
    public async Task ParentOf_ComponentUsageUrlNotEndingInAUuid_IsNull()
    {
        await Assert.That(ResourcePeriodRecords.ParentOf(new ComponentUserUsage { ComponentUsage = "https://waldur/api/marketplace-component-usages/../../etc/" })).IsNull();
        await Assert.That(ResourcePeriodRecords.ParentOf(new ComponentUserUsage { ComponentUsage = "https://waldur/api/marketplace-component-usages/0f0f0f0f0f0f4f0f8f0f0f0f0f0f0f01/" }))
            .IsEqualTo(Guid.Parse("0f0f0f0f0f0f4f0f8f0f0f0f0f0f0f01"));
    }

    /// <summary>The queries of the per-resource per-user usage listings, one a line.</summary>
    private static string PerResourceListings(AgentWorld world) => string.Join('\n', world.Emulator.Requests
        .Where(r => r.Method == "GET" && r.Path == "/api/marketplace-component-user-usages/" && r.Query.Contains("resource_uuid=", StringComparison.Ordinal))
        .Select(r => r.Query));

    private static async Task<ReportTotals> ReportAsync(AgentWorld world, bool reconcile, bool skipUserUsage = false)
    {
        var session = await world.SessionAsync(new OfferingSessionFactory(world.Runtime));
        return await new UsageReportCycle(world.Runtime, session, world.Heartbeat, [TimeSpan.Zero])
        {
            Periods = OctoberAndNovember,
            States = ["OK", "Updating"],
            ReconcileStale = reconcile,
            SkipUserUsage = skipUserUsage,
        }.RunAsync(CancellationToken.None, CancellationToken.None);
    }
}
