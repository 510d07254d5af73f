using System.Globalization;
using SiteAgent.IntegrationTests.Infrastructure;
using SiteAgent.Testing;

namespace SiteAgent.IntegrationTests.Operator;

/// <summary>
/// <c>load-historical-usage --reconcile-stale</c> with the AOT binary, the emulator and the real SLURM cluster:
/// per-user usages of a user with no jobs are zeroed only with the flag, and only printed with <c>--dry-run</c>.
/// </summary>
[NotInParallel(JobsGroup.Key)]
public class HistoricalUsageReconcileTests
{
    [Test]
    public async Task ReconcileStale_ZeroesUsagesOfAUserWithoutJobs_OnlyWithTheFlag_AndDryRunOnlyPrints()
    {
        // nobody runs a job this month; daemon runs none, in any month.
        var (scenario, harness, resource, _) = await BackfillSite.StartAsync("Reconcile");
        await using var disposeHarness = harness;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var current = new DateOnly(today.Year, today.Month, 1);
        var past = current.AddMonths(-1);
        var outside = current.AddMonths(-3);
        // What another writer left in Waldur: daemon's usage in the past and the current month, and a month outside the range.
        harness.Emulator.Seed($$"""
            component_usages:
              - {resource: {{resource:N}}, type: cpu, billing_period: {{Day(past)}}, usage: 7, user_usages: [{username: daemon, usage: 7}]}
              - {resource: {{resource:N}}, type: cpu, billing_period: {{Day(current)}}, usage: 0.01, user_usages: [{username: daemon, usage: 2}]}
              - {resource: {{resource:N}}, type: cpu, billing_period: {{Day(outside)}}, usage: 5, user_usages: [{username: daemon, usage: 5}]}
            """);
        var state = Path.Combine(harness.Directory, "backfill.state");
        string[] Arguments(params string[] extra) =>
            ["load-historical-usage", "-c", harness.ConfigPath, "-o", scenario.OfferingUuid.ToString("N"), "-t", scenario.Token,
             "-s", Day(past), "-e", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "--state-file", state, "--log-format", "plain", .. extra];
        decimal UserUsage(DateOnly month, string username) => harness.Emulator.Read(s => s.ComponentUserUsages
            .Single(u => u.ComponentUsage.Resource.Uuid == resource.ToString("N") && u.ComponentUsage.BillingPeriod == month && u.ComponentUsage.Component.Type == "cpu" && u.Username == username).Usage);
        decimal Total(DateOnly month, string type) => harness.Emulator.Read(s => s.ComponentUsages
            .Single(u => u.Resource.Uuid == resource.ToString("N") && u.BillingPeriod == month && u.Component.Type == type).Usage);

        var plain = await AgentBinary.RunAsync(Arguments(), harness.AgentEnvironment());

        await Assert.That(plain.ExitCode).IsEqualTo(0).Because(plain.ToString());
        await Assert.That((UserUsage(past, "daemon"), UserUsage(current, "daemon"), Total(past, "cpu"))).IsEqualTo((7m, 2m, 7m));
        await Assert.That(UserUsage(current, "nobody")).IsGreaterThan(0m);
        await Assert.That(harness.Requests("POST", "/set_user_usage/")).IsEmpty();

        var dryRun = await AgentBinary.RunAsync(Arguments("--reconcile-stale", "--dry-run"), harness.AgentEnvironment());

        await Assert.That(dryRun.ExitCode).IsEqualTo(0).Because(dryRun.ToString());
        await Assert.That(dryRun.Error).Contains($"[DRY-RUN] Would set usage of user daemon on cpu of resource {resource} in {past:yyyy-MM} to 0 (was 7)");
        await Assert.That(dryRun.Error).Contains($"[DRY-RUN] Would set usage of user daemon on cpu of resource {resource} in {current:yyyy-MM} to 0 (was 2)");
        await Assert.That(dryRun.Output).Contains("[dry-run] waldur  POST /api/marketplace-component-usages/").And.Contains("/set_user_usage/");
        await Assert.That((UserUsage(past, "daemon"), UserUsage(current, "daemon"), Total(past, "cpu"))).IsEqualTo((7m, 2m, 7m));
        await Assert.That(harness.Requests("POST", "/set_user_usage/")).IsEmpty();

        // The plain run's state completed every month; a run that reconciles is another run and starts at the first.
        var reconciled = await AgentBinary.RunAsync(Arguments("--reconcile-stale"), harness.AgentEnvironment());

        await Assert.That(reconciled.ExitCode).IsEqualTo(0).Because(reconciled.ToString());
        await Assert.That(reconciled.Error).Contains("Processing month 1/2");
        await Assert.That((UserUsage(past, "daemon"), UserUsage(current, "daemon"))).IsEqualTo((0m, 0m));
        // The past month had no jobs at all: zero for every configured component.
        await Assert.That((Total(past, "cpu"), Total(past, "mem"))).IsEqualTo((0m, 0m));
        // The user with jobs keeps SLURM's figure; the month outside the range is not touched.
        await Assert.That(UserUsage(current, "nobody")).IsGreaterThan(0m);
        await Assert.That((UserUsage(outside, "daemon"), Total(outside, "cpu"))).IsEqualTo((5m, 5m));
        await Assert.That(harness.Requests("POST", "/set_user_usage/").Count(r => r.Status is >= 200 and < 300)).IsEqualTo(2);
        await Assert.That(harness.Requests("GET", "/api/marketplace-component-user-usages/")
            .Any(r => r.Query.Contains($"resource_uuid={resource:N}", StringComparison.Ordinal) && r.Query.Contains($"component_usage__billing_period={Day(past)}", StringComparison.Ordinal))).IsTrue();
        await Assert.That(File.ReadAllText(state)).Contains("\"reconcile_stale\": true");
        await Assert.That(reconciled.Output + reconciled.Error).DoesNotContain(scenario.Token);
        harness.AssertNoContractViolations();
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
