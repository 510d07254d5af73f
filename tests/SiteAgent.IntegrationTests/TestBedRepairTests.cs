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
public partial class TestBedRepairTests(SecondSlurmInstance cluster)
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
