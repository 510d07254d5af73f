using SiteAgent.IntegrationTests.Infrastructure;
using SiteAgent.Testing;
using SiteAgent.Waldur.Emulator.Faults;

namespace SiteAgent.IntegrationTests.Operator;

/// <summary><c>load-historical-usage</c> with the AOT binary: a real job's usage back-filled, a failed month resumed, the staff check.</summary>
[NotInParallel(JobsGroup.Key)]
public class HistoricalUsageTests
{
    [Test]
    public async Task Backfill_StopsAtAFailedMonth_AndTheNextRunResumesThere()
    {
        var (scenario, harness, _, _) = await BackfillSite.StartAsync("Backfill");
        await using var disposeHarness = harness;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var start = new DateOnly(today.Year, today.Month, 1).AddMonths(-2);
        var state = Path.Combine(harness.Directory, "backfill.state");
        string[] Arguments(params string[] extra) =>
            ["load-historical-usage", "-c", harness.ConfigPath, "-o", scenario.OfferingUuid.ToString("D"), "-t", scenario.Token,
             "-s", start.ToString("yyyy-MM-dd"), "-e", today.ToString("yyyy-MM-dd"), "--state-file", state, "--log-format", "plain", .. extra];

        var dryRun = await AgentBinary.RunAsync(Arguments("--dry-run"), harness.AgentEnvironment());
        await Assert.That(dryRun.ExitCode).IsEqualTo(0).Because(dryRun.ToString());
        await Assert.That(dryRun.Output).Contains("[dry-run] waldur  POST /api/marketplace-component-usages/set_usage/");
        await Assert.That(File.Exists(state)).IsFalse();
        await Assert.That(harness.Requests("POST", "/api/marketplace-component-usages/")).IsEmpty();

        harness.Emulator.Faults.Add(new FaultRule { Path = "/api/marketplace-component-usages/set_usage/", Method = "POST", Times = 1, Status = 400, Body = new System.Text.Json.Nodes.JsonObject { ["detail"] = "refused once" } });
        var failed = await AgentBinary.RunAsync(Arguments(), harness.AgentEnvironment());

        await Assert.That(failed.ExitCode).IsEqualTo(1).Because(failed.ToString());
        await Assert.That(failed.Error).Contains("Processing month 3/3").And.Contains("stopping here");
        await Assert.That(File.ReadAllText(state)).Contains($"\"last_completed_month\": \"{today.AddMonths(-1):yyyy-MM}\"");

        var resumed = await AgentBinary.RunAsync(Arguments(), harness.AgentEnvironment());

        await Assert.That(resumed.ExitCode).IsEqualTo(0).Because(resumed.ToString());
        await Assert.That(resumed.Error).Contains($"{today.AddMonths(-1):yyyy-MM} was completed, 2 of 3 months done");
        await Assert.That(resumed.Error).DoesNotContain("Processing month 1/3");
        await Assert.That(harness.Requests("POST", "/api/marketplace-component-usages/set_usage/").Count(r => r.Status is >= 200 and < 300)).IsEqualTo(1);
        await Assert.That(File.ReadAllText(state)).Contains($"\"last_completed_month\": \"{today:yyyy-MM}\"");

        var again = await AgentBinary.RunAsync(Arguments(), harness.AgentEnvironment());
        await Assert.That(again.ExitCode).IsEqualTo(0).Because(again.ToString());
        await Assert.That(again.Error).Contains("3 of 3 months done");
        await Assert.That(again.Output + again.Error).DoesNotContain(scenario.Token);
    }

    [Test]
    public async Task Arguments_AreChecked_BeforeAnythingIsSent()
    {
        var scenario = new TestScenario();
        await using var harness = await AgentHarness.StartAsync(scenario);
        string[] Run(string start, string end, string offering) =>
            ["load-historical-usage", "-c", harness.ConfigPath, "-o", offering, "-t", scenario.Token, "-s", start, "-e", end, "--log-format", "plain"];

        var backwards = await AgentBinary.RunAsync(Run("2024-03-01", "2024-01-01", scenario.OfferingUuid.ToString("N")), harness.AgentEnvironment());
        await Assert.That(backwards.ExitCode).IsEqualTo(1);
        await Assert.That(backwards.Error).Contains("is before the start date");
        var tooLong = await AgentBinary.RunAsync(Run("2015-01-01", "2024-01-01", scenario.OfferingUuid.ToString("N")), harness.AgentEnvironment());
        await Assert.That(tooLong.Error).Contains("longer than five years");
        var unknown = await AgentBinary.RunAsync(Run("2024-01-01", "2024-02-01", Guid.NewGuid().ToString("N")), harness.AgentEnvironment());
        await Assert.That(unknown.ExitCode).IsEqualTo(1);
        await Assert.That(unknown.Error).Contains("is not in the config");
        await Assert.That(harness.Emulator.Requests).IsEmpty();

        var notStaff = await AgentBinary.RunAsync(
            ["load-historical-usage", "-c", harness.ConfigPath, "-o", scenario.OfferingUuid.ToString("N"), "-t", "not-a-staff-token-0123456789", "-s", "2024-01-01", "-e", "2024-01-31", "--log-format", "plain"],
            harness.AgentEnvironment());
        await Assert.That(notStaff.ExitCode).IsEqualTo(1).Because(notStaff.ToString());
        await Assert.That(notStaff.Error).Contains("Historical usage loading requires staff user privileges");
        await Assert.That(notStaff.Output + notStaff.Error).DoesNotContain("not-a-staff-token-0123456789");
    }
}
