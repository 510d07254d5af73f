using System.Text.Json;
using SiteAgent.IntegrationTests.Infrastructure;
using SiteAgent.Testing;

namespace SiteAgent.IntegrationTests;

/// <summary>
/// tests/infra/slurm/up.sh heals an accounting database whose association tree slurmdbd 22.05 cannot
/// read: each test breaks the tree of a second, private cluster with SQL (never the shared one), runs
/// up.sh, and checks the tree and that the cluster works again. The agent's <c>diagnostics</c> is run on the
/// broken private cluster too: its association-tree check must see what up.sh repairs.
/// </summary>
[ClassDataSource<SecondSlurmInstance>(Shared = SharedType.PerClass)]
[NotInParallel(SecondSlurmInstance.Key)]
public class TestBedRepairTests(SecondSlurmInstance cluster)
{
    [Test]
    public async Task UserAssociationWhoseAccountRowIsGone_UpRemovesTheOrphanAndTheClusterWorks()
    {
        // The state the issue found: a removal by a stale range deleted an account's association while its
        // user's stayed; slurmdbd then crashes as soon as slurmctld asks for the associations.
        cluster.Require();
        var p = Prefix();
        await MakeTreeAsync(p);
        await cluster.SqlAsync($"DELETE FROM `{cluster.Name}_assoc_table` WHERE acct='{p}alloc' AND user=''");
        await Assert.That(TreeProblems(await cluster.AssociationsAsync())).IsNotEmpty();

        var up = await cluster.UpAsync();

        await Assert.That(up.ExitCode == 0).IsTrue().Because(up.ToString());
        await Assert.That(up.Error).Contains("orphan: assoc");
        await Assert.That(up.Error).Contains($"repaired the association tree of cluster {cluster.Name}: 1 orphan(s) removed");
        await AssertSoundAndUsableAsync();
        await Assert.That(await TreeOfAsync(p)).IsEquivalentTo([$"{p}org|root|", $"{p}proj|{p}org|"], CollectionOrdering.Matching);
    }

    [Test]
    public async Task OverlappingAndInvertedNestedSetValues_UpRenumbersFromTheParents()
    {
        cluster.Require();
        var p = Prefix();
        await MakeTreeAsync(p);
        await cluster.WriteAsync("add", "account", p + "other", "parent=root", $"cluster={cluster.Name}");
        // A tree the size of a used test cluster: the check's output outgrows a pipe buffer.
        var filler = Prefix();
        await cluster.WriteAsync("add", "account", string.Join(',', Enumerable.Range(0, 600).Select(i => $"{filler}{i}")), "parent=root", $"cluster={cluster.Name}");
        var rows = await cluster.AssociationsAsync();
        var org = rows.Single(r => r.Account == p + "org" && r.User.Length == 0);
        // A sibling overlapping org (and sharing a value with proj), and proj with lft above rgt.
        await cluster.SqlAsync(
            $"UPDATE `{cluster.Name}_assoc_table` SET lft={org.Left + 1}, rgt={org.Right + 1} WHERE acct='{p}other' AND user='';" +
            $"UPDATE `{cluster.Name}_assoc_table` SET rgt=lft-1 WHERE acct='{p}proj' AND user=''");
        await Assert.That(TreeProblems(await cluster.AssociationsAsync())).IsNotEmpty();

        var up = await cluster.UpAsync();

        await Assert.That(up.ExitCode == 0).IsTrue().Because(up.ToString());
        await Assert.That(up.Error).Contains($"repaired the association tree of cluster {cluster.Name}");
        await Assert.That(up.Error).Contains("overlaps-sibling");
        await Assert.That(up.Error).Contains("lft-not-below-rgt");
        await AssertSoundAndUsableAsync();
        await Assert.That(await TreeOfAsync(p)).IsEquivalentTo([$"{p}alloc|{p}proj|", $"{p}alloc||{p}user", $"{p}org|root|", $"{p}other|root|", $"{p}proj|{p}org|"], CollectionOrdering.Matching);
        // Sub-tree operations follow the values: removing org takes proj, alloc and the user, not its sibling.
        await cluster.WriteAsync("remove", "account", "where", $"name={p}org", $"cluster={cluster.Name}");
        await Assert.That(await TreeOfAsync(p)).IsEquivalentTo([$"{p}other|root|"], CollectionOrdering.Matching);
        await Assert.That((await TreeOfAsync(filler)).Length).IsEqualTo(600);
    }

    [Test]
    public async Task SlurmdbdCrashingRightAfterItStarts_UpRepairsAndRetriesOnce()
    {
        // The check before the start is switched off, so that slurmdbd really meets the broken tree.
        cluster.Require();
        var p = Prefix();
        await MakeTreeAsync(p);
        await cluster.SqlAsync($"DELETE FROM `{cluster.Name}_assoc_table` WHERE acct='{p}alloc' AND user=''");
        await Assert.That((await cluster.DownAsync()).ExitCode == 0).IsTrue();

        var up = await cluster.UpAsync(("SLURM_TEST_ASSOC_CHECK", "0"));

        await Assert.That(up.ExitCode == 0).IsTrue().Because(up.ToString());
        await Assert.That(up.Error).Contains("slurmdbd exited right after it started; repairing its database and trying once more");
        await Assert.That(up.Error).Contains("1 orphan(s) removed");
        await AssertSoundAndUsableAsync();
        await Assert.That(await TreeOfAsync(p)).IsEquivalentTo([$"{p}org|root|", $"{p}proj|{p}org|"], CollectionOrdering.Matching);
    }

    [Test]
    public async Task NoRootAssociation_UpRecreatesTheDatabaseAndSaysSoInOneLine()
    {
        cluster.Require();
        var p = Prefix();
        await MakeTreeAsync(p);
        await cluster.SqlAsync($"UPDATE `{cluster.Name}_assoc_table` SET deleted=1 WHERE acct='root' AND user=''");

        var up = await cluster.UpAsync();

        await Assert.That(up.ExitCode == 0).IsTrue().Because(up.ToString());
        await Assert.That(up.Error.Split('\n').Count(line => line.Contains("recreated the accounting database", StringComparison.Ordinal))).IsEqualTo(1);
        await Assert.That(await TreeOfAsync(p)).IsEmpty();
        await AssertSoundAndUsableAsync();
    }

    [Test]
    public async Task Diagnostics_OnATreeWithAnOrphan_FailsNamingIt_AndPassesOnceUpRepairedIt()
    {
        cluster.Require();
        var p = Prefix();
        await MakeTreeAsync(p);
        var orphan = (await cluster.AssociationsAsync()).Single(r => r.Account == p + "alloc" && r.User == p + "user");
        var parent = (await cluster.AssociationsAsync()).Single(r => r.Account == p + "alloc" && r.User.Length == 0);
        // The account's association is marked deleted while its user's stays live: the user association now points at a parent no read returns.
        await cluster.SqlAsync($"UPDATE `{cluster.Name}_assoc_table` SET deleted=1 WHERE acct='{p}alloc' AND user=''");
        // An agent configured for the private cluster (its name in the offering and in cluster_name), against the emulator.
        var scenario = new TestScenario();
        await using var harness = await AgentHarness.StartAsync(scenario);
        harness.Emulator.Read(s => s.Offerings.Single(o => o.Uuid == scenario.OfferingUuid.ToString("N")).BackendId = cluster.Name);
        File.WriteAllText(harness.ConfigPath, File.ReadAllText(harness.ConfigPath)
            .Replace($"cluster_name: \"{SlurmCluster.Name}\"", $"cluster_name: \"{cluster.Name}\"", StringComparison.Ordinal));
        File.SetUnixFileMode(harness.ConfigPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var environment = new Dictionary<string, string?>(cluster.Environment) { ["WALDUR_SITE_AGENT_HEARTBEAT_FILE"] = Path.Combine(harness.Directory, "heartbeat") };
        Task<ProcessOutcome> DiagnosticsAsync(params string[] extra) =>
            AgentBinary.RunAsync(["diagnostics", "-c", harness.ConfigPath, "--log-format", "plain", .. extra], environment);
        var named = $"id {orphan.Id} (account {p}alloc, user {p}user) has missing parent id {parent.Id}";

        var broken = await DiagnosticsAsync();
        var brokenJson = await DiagnosticsAsync("--json");

        await Assert.That(broken.ExitCode).IsNotEqualTo(0).Because(broken.ToString());
        await Assert.That(broken.Output.Split('\n')).Contains(l => l.StartsWith("FAIL", StringComparison.Ordinal) && l.Contains("association tree", StringComparison.Ordinal) && l.Contains(named, StringComparison.Ordinal))
            .Because(broken.Output);
        await Assert.That(brokenJson.ExitCode).IsNotEqualTo(0).Because(brokenJson.ToString());
        var (status, reason, passed) = TreeCheck(brokenJson.Output);
        await Assert.That((status, passed)).IsEqualTo(("FAIL", false));
        await Assert.That(reason).Contains("1 orphaned association(s)").And.Contains(named);
        // Nothing else on the private cluster is wrong: the tree is the failure.
        await Assert.That(broken.Output.Split('\n').Count(l => l.StartsWith("FAIL", StringComparison.Ordinal))).IsEqualTo(1).Because(broken.Output);

        var up = await cluster.UpAsync();
        await Assert.That(up.ExitCode == 0).IsTrue().Because(up.ToString());

        var repaired = await DiagnosticsAsync();
        var repairedJson = await DiagnosticsAsync("--json");

        await Assert.That(repaired.ExitCode).IsEqualTo(0).Because(repaired.ToString());
        await Assert.That(repaired.Output.Split('\n')).Contains(l => l.StartsWith("OK ", StringComparison.Ordinal) && l.Contains("association tree", StringComparison.Ordinal) && l.Contains("every parent present", StringComparison.Ordinal))
            .Because(repaired.Output);
        await Assert.That(repairedJson.ExitCode).IsEqualTo(0).Because(repairedJson.ToString());
        await Assert.That(TreeCheck(repairedJson.Output)).IsEqualTo(("OK", TreeCheck(repairedJson.Output).Reason, true));
        await Assert.That(repaired.Output + repairedJson.Output).DoesNotContain(scenario.Token);
    }

    /// <summary>Status and reason of the association-tree check in <c>diagnostics --json</c>, and whether every check passed.</summary>
    private static (string Status, string Reason, bool Passed) TreeCheck(string json)
    {
        using var document = JsonDocument.Parse(json);
        var check = document.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("check").GetString() == "association tree");
        return (check.GetProperty("status").GetString()!, check.GetProperty("reason").GetString()!, document.RootElement.GetProperty("passed").GetBoolean());
    }

    private static string Prefix() => "rp" + Guid.NewGuid().ToString("N")[..5] + "_";

    /// <summary>org under root, proj under org, alloc under proj, a user in alloc.</summary>
    private async Task MakeTreeAsync(string p)
    {
        await cluster.WriteAsync("add", "account", p + "org", "parent=root", $"cluster={cluster.Name}");
        await cluster.WriteAsync("add", "account", p + "proj", $"parent={p}org", $"cluster={cluster.Name}");
        await cluster.WriteAsync("add", "account", p + "alloc", $"parent={p}proj", $"cluster={cluster.Name}");
        await cluster.WriteAsync("add", "user", p + "user", $"account={p}alloc", $"cluster={cluster.Name}");
    }

    /// <summary><c>account|parent|user</c> of the associations with the prefix, sorted.</summary>
    private async Task<string[]> TreeOfAsync(string p) =>
        (await cluster.ReadAsync("show", "association", "where", $"cluster={cluster.Name}", "format=Account,ParentName,User"))
        .Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Where(line => line.StartsWith(p, StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>The stored tree is a sound nested set, and the repaired cluster takes writes that reach slurmctld.</summary>
    private async Task AssertSoundAndUsableAsync()
    {
        await Assert.That(TreeProblems(await cluster.AssociationsAsync())).IsEmpty();
        var p = Prefix();
        await cluster.WriteAsync("add", "account", p + "after", "parent=root", $"cluster={cluster.Name}");
        await cluster.WriteAsync("add", "user", p + "user", $"account={p}after", $"cluster={cluster.Name}");
        await Assert.That(await TreeOfAsync(p)).IsEquivalentTo([$"{p}after|root|", $"{p}after||{p}user"], CollectionOrdering.Matching);
        await Assert.That(await RunningProcess.WaitUntilAsync(
                async () => (await ProcessRunner.RunAsync("/usr/bin/scontrol", ["show", "assoc_mgr", $"accounts={p}after", "flags=assoc"], cluster.Environment))
                    .Output.Contains($"Account={p}after", StringComparison.Ordinal),
                TimeSpan.FromSeconds(60))).IsTrue().Because("slurmctld never learnt the new account from slurmdbd");
        await cluster.WriteAsync("remove", "account", "where", $"name={p}after", $"cluster={cluster.Name}");
        await Assert.That(await TreeOfAsync(p)).IsEmpty();
        await Assert.That(TreeProblems(await cluster.AssociationsAsync())).IsEmpty();
    }

    /// <summary>
    /// What is wrong with the stored tree, checked independently of up.sh's own check: every row but the
    /// root has its parent row (no live row under a deleted one), lft &lt; rgt, every value used once, and any
    /// two ranges are nested or disjoint with each child inside its parent.
    /// </summary>
    private static List<string> TreeProblems(IReadOnlyList<AssociationRecord> rows)
    {
        var problems = new List<string>();
        var accounts = rows.Where(r => r.User.Length == 0).ToDictionary(r => r.Account, StringComparer.Ordinal);
        foreach (var row in rows.Where(r => !(r.User.Length == 0 && r.Account == "root")))
        {
            if (!accounts.TryGetValue(row.User.Length == 0 ? row.ParentAccount : row.Account, out var parent))
            {
                problems.Add($"{row}: no parent row");
            }
            else if (!(parent.Left < row.Left && row.Right < parent.Right))
            {
                problems.Add($"{row}: outside its parent {parent}");
            }
            else if (parent.Deleted && !row.Deleted)
            {
                problems.Add($"{row}: live under deleted {parent}");
            }
        }

        problems.AddRange(rows.Where(r => r.Left >= r.Right).Select(r => $"{r}: lft not below rgt"));
        problems.AddRange(rows.SelectMany(r => new[] { r.Left, r.Right }).GroupBy(v => v).Where(g => g.Count() > 1).Select(g => $"value {g.Key} used {g.Count()} times"));
        problems.AddRange(
            from a in rows
            from b in rows
            where a.Left < b.Left && b.Left < a.Right && a.Right < b.Right
            select $"{a} and {b} overlap");
        return problems;
    }
}
