using SiteAgent.IntegrationTests.Infrastructure;
using SiteAgent.Testing;

namespace SiteAgent.IntegrationTests.Operator;

/// <summary><c>create-homedirs</c> with the AOT binary: skipped when turned off, mkhomedir_helper per OK offering user otherwise.</summary>
public class CreateHomedirsTests
{
    [Test]
    public async Task TurnedOff_SkipsTheOfferingWithoutReadingItsUsers()
    {
        var scenario = new TestScenario();
        await using var harness = await AgentHarness.StartAsync(scenario);

        var outcome = await RunAsync(harness);

        await Assert.That(outcome.ExitCode).IsEqualTo(0).Because(outcome.ToString());
        await Assert.That(outcome.Output).Contains("skipped").And.Contains("enable_user_homedir_account_creation is false");
        await Assert.That(harness.Requests("GET", "/api/marketplace-offering-users/")).IsEmpty();
    }

    [Test]
    public async Task TurnedOn_RunsMkhomedirHelperForEveryOkUser_DryRunOnlyPrintsIt()
    {
        // Users whose homes exist, so the real run changes nothing on this machine.
        var scenario = new TestScenario(siteUsernames: ["root", "daemon"]);
        scenario.AddOfferingUser("waiting", "Requested", "nosuchuser");
        await using var harness = await AgentHarness.StartAsync(scenario);
        File.WriteAllText(harness.ConfigPath, File.ReadAllText(harness.ConfigPath)
            .Replace("enable_user_homedir_account_creation: false", "enable_user_homedir_account_creation: true", StringComparison.Ordinal));

        var dryRun = await RunAsync(harness, "--dry-run");

        await Assert.That(dryRun.ExitCode).IsEqualTo(0).Because(dryRun.ToString());
        await Assert.That(dryRun.Output).Contains("[dry-run] command /sbin/mkhomedir_helper daemon 0077");
        await Assert.That(dryRun.Output).Contains("[dry-run] command /sbin/mkhomedir_helper root 0077");
        await Assert.That(dryRun.Output).DoesNotContain("nosuchuser").Because("only offering users in state OK get a home");
        await Assert.That(dryRun.Output).Contains("2 user(s)");

        var real = await RunAsync(harness);
        await Assert.That(real.ExitCode).IsEqualTo(0).Because(real.ToString());
        await Assert.That(real.Output).Contains("done").And.Contains("daemon, root");
    }

    private static Task<ProcessOutcome> RunAsync(AgentHarness harness, params string[] extra) =>
        AgentBinary.RunAsync(["create-homedirs", "-c", harness.ConfigPath, "--log-format", "plain", .. extra], harness.AgentEnvironment());
}
