using System.Text.Json;
using SiteAgent.IntegrationTests.Infrastructure;
using SiteAgent.Testing;

namespace SiteAgent.IntegrationTests;

/// <summary>
/// The AOT binary's <c>diagnostics</c> on the private cluster with a broken association tree: the tree
/// check fails, the exit status says so, and once up.sh repaired the tree every check passes.
/// </summary>
public partial class TestBedRepairTests
{
    [Test]
    public async Task Diagnostics_LiveAssociationUnderADeletedOne_FailsNamingTheOrphan_AndPassesOnceUpRepairedIt()
    {
        cluster.Require();
        var p = Prefix();
        await MakeTreeAsync(p);
        var rows = await cluster.AssociationsAsync();
        var orphan = rows.Single(r => r.Account == p + "alloc" && r.User == p + "user");
        var parent = rows.Single(r => r.Account == p + "alloc" && r.User.Length == 0);
        // The account's association is marked deleted while its user's stays live: the user's parent is in no read.
        await cluster.SqlAsync($"UPDATE `{cluster.Name}_assoc_table` SET deleted=1 WHERE acct='{p}alloc' AND user=''");
        var scenario = new TestScenario();
        await using var harness = await PrivateClusterAgentAsync(scenario);
        var named = $"id {orphan.Id} (account {p}alloc, user {p}user) has missing parent id {parent.Id}";

        var broken = await DiagnosticsAsync(harness);
        var brokenJson = await DiagnosticsAsync(harness, "--json");

        await Assert.That(broken.ExitCode).IsNotEqualTo(0).Because(broken.ToString());
        // Nothing else on the private cluster is wrong: the tree is the one failure, and it names the orphan.
        var failed = FailedLines(broken);
        await Assert.That(failed.Length).IsEqualTo(1).Because(broken.Output);
        await Assert.That(failed[0]).Contains("association tree").And.Contains(named);
        await Assert.That(brokenJson.ExitCode).IsNotEqualTo(0).Because(brokenJson.ToString());
        var (status, reason, passed) = TreeCheck(brokenJson.Output);
        await Assert.That((status, passed)).IsEqualTo(("FAIL", false));
        await Assert.That(reason).Contains("1 orphaned association(s)").And.Contains(named);

        await AssertRepairedAsync(harness, scenario);
    }

    [Test]
    public async Task Diagnostics_AssociationWhoseParentRowIsGone_FailsSayingSlurmdbdStoppedReadingIt_AndPassesOnceUpRepairedIt()
    {
        // The state the issue found. slurmdbd 22.05 exits when it reads such a tree: the read that would
        // name the orphan is the one that ends slurmdbd, and the check has to say that instead.
        cluster.Require();
        var p = Prefix();
        await MakeTreeAsync(p);
        await cluster.SqlAsync($"DELETE FROM `{cluster.Name}_assoc_table` WHERE acct='{p}alloc' AND user=''");
        var scenario = new TestScenario();
        await using var harness = await PrivateClusterAgentAsync(scenario);

        var broken = await DiagnosticsAsync(harness, "--json");

        await Assert.That(broken.ExitCode).IsNotEqualTo(0).Because(broken.ToString());
        var (status, reason, passed) = TreeCheck(broken.Output);
        await Assert.That((status, passed)).IsEqualTo(("FAIL", false));
        await Assert.That(reason).Contains("slurmdbd answered, then stopped answering while it read the associations")
            .And.Contains($"missing from {cluster.Name}'s association table");

        await AssertRepairedAsync(harness, scenario);
    }

    /// <summary>up.sh repairs the tree; then diagnostics passes every check, in text and JSON.</summary>
    private async Task AssertRepairedAsync(AgentHarness harness, TestScenario scenario)
    {
        var up = await cluster.UpAsync();
        await Assert.That(up.ExitCode == 0).IsTrue().Because(up.ToString());

        var repaired = await DiagnosticsAsync(harness);
        var repairedJson = await DiagnosticsAsync(harness, "--json");

        await Assert.That(repaired.ExitCode).IsEqualTo(0).Because(repaired.ToString());
        await Assert.That(repaired.Output.Split('\n')).Contains(l => l.StartsWith("OK ", StringComparison.Ordinal) && l.Contains("association tree", StringComparison.Ordinal) && l.Contains("every parent present", StringComparison.Ordinal))
            .Because(repaired.Output);
        await Assert.That(repairedJson.ExitCode).IsEqualTo(0).Because(repairedJson.ToString());
        var (status, _, passed) = TreeCheck(repairedJson.Output);
        await Assert.That((status, passed)).IsEqualTo(("OK", true));
        await Assert.That(repaired.Output + repairedJson.Output).DoesNotContain(scenario.Token);
    }

    /// <summary>An agent configured for the private cluster (its name in the offering and in cluster_name), against the emulator.</summary>
    private async Task<AgentHarness> PrivateClusterAgentAsync(TestScenario scenario)
    {
        var harness = await AgentHarness.StartAsync(scenario);
        harness.Emulator.Read(s => s.Offerings.Single(o => o.Uuid == scenario.OfferingUuid.ToString("N")).BackendId = cluster.Name);
        File.WriteAllText(harness.ConfigPath, File.ReadAllText(harness.ConfigPath)
            .Replace($"cluster_name: \"{SlurmCluster.Name}\"", $"cluster_name: \"{cluster.Name}\"", StringComparison.Ordinal));
        File.SetUnixFileMode(harness.ConfigPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return harness;
    }

    /// <summary>The AOT binary's diagnostics with the private cluster's SLURM_CONF.</summary>
    private Task<ProcessOutcome> DiagnosticsAsync(AgentHarness harness, params string[] extra) =>
        AgentBinary.RunAsync(
            ["diagnostics", "-c", harness.ConfigPath, "--log-format", "plain", .. extra],
            new Dictionary<string, string?>(cluster.Environment) { ["WALDUR_SITE_AGENT_HEARTBEAT_FILE"] = Path.Combine(harness.Directory, "heartbeat") });

    private static string[] FailedLines(ProcessOutcome outcome) => outcome.Output.Split('\n').Where(l => l.StartsWith("FAIL", StringComparison.Ordinal)).ToArray();

    /// <summary>Status and reason of the association-tree check in <c>diagnostics --json</c>, and whether every check passed.</summary>
    private static (string Status, string Reason, bool Passed) TreeCheck(string json)
    {
        using var document = JsonDocument.Parse(json);
        var check = document.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("check").GetString() == "association tree");
        return (check.GetProperty("status").GetString()!, check.GetProperty("reason").GetString()!, document.RootElement.GetProperty("passed").GetBoolean());
    }
}
