using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using SiteAgent.Backends.Slurm.Tests.Support;

namespace SiteAgent.Backends.Slurm.Tests.Commands;

/// <summary>Argument vectors against command-lines.json (the reference's, or the recommended safe_argv).</summary>
public class ClientCommandTests
{
    private static CancellationToken Token => TestContext.Current!.Execution.CancellationToken;

    private static SlurmClient Client(ReplayRunner runner, string? cluster = "testcluster") =>
        new(new SlurmClientSettings("/usr/bin", cluster, TimeSpan.FromSeconds(60)), runner, null, NullLogger.Instance);

    private static string Expected(string op, string key = "reference_argv")
    {
        using var document = JsonDocument.Parse(Fixture.Text("command-lines.json"));
        var command = document.RootElement.GetProperty("commands").EnumerateArray().Single(c => c.GetProperty("op").GetString() == op);
        var argv = command.TryGetProperty(key, out var safe) ? safe : command.GetProperty("reference_argv");
        return string.Join(' ', argv.EnumerateArray().Select(a => a.GetString()));
    }

    [Test]
    public async Task Catalogue_MatchesTheRecordedArgumentVectors()
    {
        var runner = new ReplayRunner();
        var client = Client(runner);

        await client.AccountExistsAsync("hpc_org-a", Token);
        await client.CreateAccountAsync("hpc_org-a", "Org A", "hpc_org-a", "root", Token);
        await client.ListTresAsync(Token);
        await client.SetGrpTresMinsAsync("hpc_alloc-1", new Dictionary<string, long> { ["mem"] = 614400, ["cpu"] = 600000 }, Token);
        await client.AddUserAsync("alice", "hpc_alloc-1", UserAssociationSpec.Plain("root"), Token);
        await client.AddUserAsync("alice", "hpc_alloc-1", new UserAssociationSpec("root", ["cn"], [], null), Token);
        await client.AddUserAsync("alice", "hpc_alloc-1", new UserAssociationSpec("root", ["gpu", "cn"], [], null), Token);
        await client.AddUserAsync("alice", "hpc_alloc-1", new UserAssociationSpec("root", ["gpu"], ["boost"], "boost"), Token);
        await client.RemoveUserAsync("alice", "hpc_alloc-1", Token);
        await client.CancelJobsAsync("hpc_alloc-1", "alice", Token);
        await client.GetGrpTresMinsAsync("hpc_alloc-1", Token);
        await client.GetParentAsync("hpc_proj-1", Token);
        await client.AppendAccountQosAsync("hpc_alloc-1", "hpc_alloc-1", Token);
        await client.RemoveAccountAsync("hpc_alloc-1", Token);

        await Assert.That(runner.Lines).IsEquivalentTo([
            Expected("existence check (reference: get_resource)", "safe_argv"),
            Expected("create customer account"),
            Expected("list TRES (limit filter)"),
            Expected("set GrpTRESMins"),
            Expected("add user, policy common"),
            Expected("add user, default_partition"),
            Expected("add user, enforced offering partitions"),
            Expected("add user, QoS grant"),
            Expected("remove user"),
            Expected("cancel user's jobs"),
            Expected("read limits"),
            Expected("parent lookup"),
            Expected("per-allocation QoS: attach"),
            Expected("delete: remove account"),
        ], CollectionOrdering.Matching);
    }

    [Test]
    public async Task Usage_RunsSacctWithNoconvertAndTheMonthWindow_AndNothingForNoAccounts()
    {
        var runner = new ReplayRunner().On(["--noconvert"], "sacct-usage-two-accounts.txt");
        var client = Client(runner);

        await Assert.That(await client.GetUsageAsync([], DateTime.MinValue, DateTime.MaxValue, new HashSet<string>(), null, Token)).IsEmpty();
        await Assert.That(runner.Commands).IsEmpty();

        var lines = await client.GetUsageAsync(["hpc_alloc-1", "hpc_alloc-2"], new DateTime(2026, 11, 1), new DateTime(2026, 11, 30, 23, 59, 59), new HashSet<string> { "cpu" }, null, Token);

        await Assert.That(lines.Count).IsEqualTo(6);
        await Assert.That(runner.Lines).IsEquivalentTo([Expected("usage, current month (Nov 2026)")], CollectionOrdering.Matching);
    }

    [Test]
    public async Task Quirk_SacctTimeZone_IsPassedAsTZ()
    {
        var runner = new ReplayRunner();
        var client = new SlurmClient(new SlurmClientSettings("/usr/bin", null, TimeSpan.FromSeconds(60), "Europe/Tallinn"), runner, null, NullLogger.Instance);

        await client.GetUsageAsync(["a"], new DateTime(2026, 11, 1), new DateTime(2026, 11, 30, 23, 59, 59), new HashSet<string>(), null, Token);
        await client.ListTresAsync(Token);

        await Assert.That(runner.Commands[0].Environment!["TZ"]).IsEqualTo("Europe/Tallinn");
        await Assert.That(runner.Commands[1].Environment).IsNull();
    }

    [Test]
    public async Task Quirk_ActiveJobs_UsesAllocationsStateAndWindow()
    {
        // The jobs of sacct-list-jobs-mixed-states.txt in the JobID,State format asked for.
        var runner = new ReplayRunner().OnText(["--format=JobID,State"], "2|CANCELLED by 0\n5|RUNNING\n5.batch|RUNNING\n");

        var active = await Client(runner).ListActiveJobsAsync("hpc_alloc-1", "alice", Token);

        await Assert.That(active).IsEquivalentTo(["5", "5.batch"], CollectionOrdering.Matching);
        await Assert.That((await Assert.That(runner.Lines).HasSingleItem())).IsEqualTo(Expected("user's jobs", "safe_argv").Replace("--starttime=now-30days", "--starttime=now-30days --endtime=now", StringComparison.Ordinal));
    }

    [Test]
    public async Task WithoutCluster_NoScopingTokens()
    {
        var runner = new ReplayRunner();
        var client = Client(runner, cluster: null);

        await client.SetGrpTresMinsAsync("hpc_alloc-1", new Dictionary<string, long> { ["cpu"] = 1 }, Token);
        await client.CancelJobsAsync("hpc_alloc-1", null, Token);

        await Assert.That(runner.Lines).IsEquivalentTo(["/usr/bin/sacctmgr --parsable2 --noheader --immediate modify account hpc_alloc-1 set GrpTRESMins=cpu=1", "/usr/bin/scancel -A hpc_alloc-1 -f"], CollectionOrdering.Matching);
    }

    [Test]
    public async Task AddAccount_AlreadyExists_IsFalse_MissingParentThrows()
    {
        var runner = new ReplayRunner()
            .On(["hpc_alloc-1"], "sacctmgr-add-account-already-exists.txt", 1)
            .On(["hpc_orphan"], "sacctmgr-add-account-missing-parent.txt", 1);
        var client = Client(runner);

        await Assert.That(await client.CreateAccountAsync("hpc_alloc-1", "x", "hpc_proj-1", "hpc_proj-1", Token)).IsFalse();
        var error = await Assert.ThrowsExactlyAsync<BackendException>(() => client.CreateAccountAsync("hpc_orphan", "x", "x", "no_such_parent", Token));
        await Assert.That(error!.Message).Contains("Parent account 'no_such_parent' doesn't exist on cluster testcluster");
    }
}
