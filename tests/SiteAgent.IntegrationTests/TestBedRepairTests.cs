using SiteAgent.IntegrationTests.Infrastructure;
using SiteAgent.Testing;

namespace SiteAgent.IntegrationTests;

/// <summary>
/// tests/infra/slurm/up.sh heals an accounting database whose association tree slurmdbd 22.05 cannot
/// read: each test breaks the tree of a second, private cluster with SQL (never the shared one), runs
/// up.sh, and checks the tree and that the cluster works again.
/// </summary>
public class TestBedRepairTests(SecondSlurmInstance cluster) : IClassFixture<SecondSlurmInstance>
{
    [Fact]
    public async Task UserAssociationWhoseAccountRowIsGone_UpRemovesTheOrphanAndTheClusterWorks()
    {
        // The state the issue found: a removal by a stale range deleted an account's association while its
        // user's stayed; slurmdbd then crashes as soon as slurmctld asks for the associations.
        cluster.Require();
        var p = Prefix();
        await MakeTreeAsync(p);
        await cluster.SqlAsync($"DELETE FROM `{cluster.Name}_assoc_table` WHERE acct='{p}alloc' AND user=''");
        Assert.NotEmpty(TreeProblems(await cluster.AssociationsAsync()));

        var up = await cluster.UpAsync();

        Assert.True(up.ExitCode == 0, up.ToString());
        Assert.Contains("orphan: assoc", up.Error, StringComparison.Ordinal);
        Assert.Contains($"repaired the association tree of cluster {cluster.Name}: 1 orphan(s) removed", up.Error, StringComparison.Ordinal);
        await AssertSoundAndUsableAsync();
        Assert.Equal([$"{p}org|root|", $"{p}proj|{p}org|"], await TreeOfAsync(p));
    }

    [Fact]
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
        Assert.NotEmpty(TreeProblems(await cluster.AssociationsAsync()));

        var up = await cluster.UpAsync();

        Assert.True(up.ExitCode == 0, up.ToString());
        Assert.Contains($"repaired the association tree of cluster {cluster.Name}", up.Error, StringComparison.Ordinal);
        Assert.Contains("overlaps-sibling", up.Error, StringComparison.Ordinal);
        Assert.Contains("lft-not-below-rgt", up.Error, StringComparison.Ordinal);
        await AssertSoundAndUsableAsync();
        Assert.Equal([$"{p}alloc|{p}proj|", $"{p}alloc||{p}user", $"{p}org|root|", $"{p}other|root|", $"{p}proj|{p}org|"], await TreeOfAsync(p));
        // Sub-tree operations follow the values: removing org takes proj, alloc and the user, not its sibling.
        await cluster.WriteAsync("remove", "account", "where", $"name={p}org", $"cluster={cluster.Name}");
        Assert.Equal([$"{p}other|root|"], await TreeOfAsync(p));
        Assert.Equal(600, (await TreeOfAsync(filler)).Length);
    }

    [Fact]
    public async Task SlurmdbdCrashingRightAfterItStarts_UpRepairsAndRetriesOnce()
    {
        // The check before the start is switched off, so that slurmdbd really meets the broken tree.
        cluster.Require();
        var p = Prefix();
        await MakeTreeAsync(p);
        await cluster.SqlAsync($"DELETE FROM `{cluster.Name}_assoc_table` WHERE acct='{p}alloc' AND user=''");
        Assert.True((await cluster.DownAsync()).ExitCode == 0);

        var up = await cluster.UpAsync(("SLURM_TEST_ASSOC_CHECK", "0"));

        Assert.True(up.ExitCode == 0, up.ToString());
        Assert.Contains("slurmdbd exited right after it started; repairing its database and trying once more", up.Error, StringComparison.Ordinal);
        Assert.Contains("1 orphan(s) removed", up.Error, StringComparison.Ordinal);
        await AssertSoundAndUsableAsync();
        Assert.Equal([$"{p}org|root|", $"{p}proj|{p}org|"], await TreeOfAsync(p));
    }

    [Fact]
    public async Task NoRootAssociation_UpRecreatesTheDatabaseAndSaysSoInOneLine()
    {
        cluster.Require();
        var p = Prefix();
        await MakeTreeAsync(p);
        await cluster.SqlAsync($"UPDATE `{cluster.Name}_assoc_table` SET deleted=1 WHERE acct='root' AND user=''");

        var up = await cluster.UpAsync();

        Assert.True(up.ExitCode == 0, up.ToString());
        Assert.Single(up.Error.Split('\n'), line => line.Contains("recreated the accounting database", StringComparison.Ordinal));
        Assert.Empty(await TreeOfAsync(p));
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
        Assert.Empty(TreeProblems(await cluster.AssociationsAsync()));
        var p = Prefix();
        await cluster.WriteAsync("add", "account", p + "after", "parent=root", $"cluster={cluster.Name}");
        await cluster.WriteAsync("add", "user", p + "user", $"account={p}after", $"cluster={cluster.Name}");
        Assert.Equal([$"{p}after|root|", $"{p}after||{p}user"], await TreeOfAsync(p));
        Assert.True(
            await RunningProcess.WaitUntilAsync(
                async () => (await ProcessRunner.RunAsync("/usr/bin/scontrol", ["show", "assoc_mgr", $"accounts={p}after", "flags=assoc"], cluster.Environment))
                    .Output.Contains($"Account={p}after", StringComparison.Ordinal),
                TimeSpan.FromSeconds(60)),
            "slurmctld never learnt the new account from slurmdbd");
        await cluster.WriteAsync("remove", "account", "where", $"name={p}after", $"cluster={cluster.Name}");
        Assert.Empty(await TreeOfAsync(p));
        Assert.Empty(TreeProblems(await cluster.AssociationsAsync()));
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
