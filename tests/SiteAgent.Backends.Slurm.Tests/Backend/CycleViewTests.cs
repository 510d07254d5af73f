using Microsoft.Extensions.Logging.Abstractions;
using SiteAgent.Backends.Model;
using SiteAgent.Backends.Slurm.Options;
using SiteAgent.Backends.Slurm.Tests.Support;
using static SiteAgent.Backends.Slurm.Tests.Backend.LimitsTests;

namespace SiteAgent.Backends.Slurm.Tests.Backend;

/// <summary>
/// The membership view of a cycle and the whole-offering usage read, on recorded-format outputs: which
/// commands run, and that nothing is written when nothing differs.
/// </summary>
public class CycleViewTests
{
    private static CancellationToken Token => TestContext.Current!.Execution.CancellationToken;

    /// <summary>
    /// <c>show association where account=hpc_a1,hpc_a2,hpc_gone cluster=testcluster format=Account,ParentName,User,Partition,GrpTRESMins,MaxTRESMins,GrpSubmitJobs,QOS,DefaultQOS</c>
    /// as sacctmgr prints it: account rows, then user rows (alice twice, with two partitions).
    /// </summary>
    private const string Listing = """
        hpc_a1|hpc_p1||||||normal|
        hpc_a1|hpc_p1|alice|cpu|||||normal|
        hpc_a1|hpc_p1|alice|gpu||cpu=6000||normal|
        hpc_a1|hpc_p1|bob|||||normal|
        hpc_a2|hpc_p1|||cpu=600000,mem=600G||0|paused|paused
        hpc_a2|hpc_p1|carol|||||paused|

        """;

    private static SlurmBackend Backend(ReplayRunner runner, Func<SlurmOptions, SlurmOptions>? options = null) => new(
        options?.Invoke(new SlurmOptions { ClusterName = "testcluster" }) ?? new SlurmOptions { ClusterName = "testcluster" },
        new BackendContext
        {
            OfferingName = "view-tests",
            OfferingUuid = Guid.NewGuid(),
            Components = [Component("cpu", AccountingType.Limit, 60000), Component("mem", AccountingType.Usage, 1024)],
            Common = Settings.CommonBackendSettings.Default with { EnableUserHomedirAccountCreation = false },
            Commands = runner,
            LoggerFactory = NullLoggerFactory.Instance,
            TimeZone = TimeZoneInfo.Utc,
            DryRun = true,
        });

    /// <summary>A resource of project <c>hpc_p1</c> (no prefixes: the project slug is the account id).</summary>
    private static ResourceRequest Resource(string id) => new() { Uuid = Guid.NewGuid(), BackendId = id, Slug = id, ProjectSlug = "hpc_p1", CustomerSlug = "hpc_c1" };

    private static ReplayRunner Runner() => new ReplayRunner().OnText([SlurmParser.AssociationsFormat], Listing);

    [Test]
    public async Task ParseAccountAssociations_AccountRowsUsersLimitsQos()
    {
        var accounts = SlurmParser.ParseAccountAssociations(Listing);

        await Assert.That(accounts.Keys.Order()).IsEquivalentTo(["hpc_a1", "hpc_a2"], CollectionOrdering.Matching);
        await Assert.That(accounts["HPC_A1"].Users.Keys.Order()).IsEquivalentTo(["alice", "bob"], CollectionOrdering.Matching);
        await Assert.That(accounts["hpc_a1"].Users["alice"].Values["cpu"]).IsEqualTo(6000);
        await Assert.That((accounts["hpc_a2"].GrpSubmitJobs!.Value, accounts["hpc_a2"].DefaultQos, accounts["hpc_a2"].GrpTresMins.Values["mem"])).IsEqualTo((0L, "paused", 614400L));
        await Assert.That(accounts["hpc_a1"].GrpSubmitJobs).IsNull();
    }

    [Test]
    public async Task OneRead_ServesUsersLimitsQosAndUserLimits_OfEveryResource()
    {
        var runner = Runner();
        var backend = Backend(runner);

        var users = await backend.ReadMembershipAsync(["hpc_a1", "hpc_a2", "hpc_gone"], Token);
        var limits = await backend.GetResourceLimitsAsync("hpc_a2", Token);
        var metadata = await backend.GetResourceMetadataAsync("hpc_a1", Token);
        var limited = await backend.UsersWithLimitsAsync("hpc_a1", Token);

        await Assert.That(users.Keys.Order()).IsEquivalentTo(["hpc_a1", "hpc_a2"], CollectionOrdering.Matching);
        await Assert.That(users["hpc_a1"].Order()).IsEquivalentTo(["alice", "bob"], CollectionOrdering.Matching);
        await Assert.That(limits).IsEquivalentTo(new Dictionary<string, decimal> { ["cpu"] = 10, ["mem"] = 600 });
        await Assert.That(metadata["qos"]).IsEqualTo("normal");
        await Assert.That(limited).IsEquivalentTo(["alice"]);
        var read = await Assert.That(runner.Lines).HasSingleItem();
        await Assert.That(read).Contains("where account=hpc_a1,hpc_a2,hpc_gone cluster=testcluster");
    }

    [Test]
    public async Task AddUsers_WithTheView_OneCommandForTheMissingUsers_NoExistenceReads()
    {
        var runner = Runner();
        var backend = Backend(runner);
        await backend.ReadMembershipAsync(["hpc_a1"], Token);

        var added = await backend.AddUsersAsync(Resource("hpc_a1"), ["Alice", "dave", "erin"], MembershipDetails.None, Token);

        await Assert.That(added.Order()).IsEquivalentTo(["Alice", "dave", "erin"], CollectionOrdering.Matching);
        await Assert.That(await Assert.That(runner.Lines.Skip(1)).HasSingleItem())
            .IsEqualTo("/usr/bin/sacctmgr --parsable2 --noheader --immediate add user dave,erin account=hpc_a1 DefaultAccount=root Share=parent cluster=testcluster");
        // The view now has them: asking again runs nothing.
        await backend.AddUsersAsync(Resource("hpc_a1"), ["dave"], MembershipDetails.None, Token);
        await Assert.That(runner.Commands.Count).IsEqualTo(2);
    }

    [Test]
    public async Task AddUsers_BatchRefused_EachUserTriedAlone()
    {
        var runner = Runner()
            .OnText(["dave,erin"], " Unknown error\n", exitCode: 1)
            .OnText(["erin"], " Problem adding user erin\n", exitCode: 1)
            .OnText(["dave"], " Associations =\n  U = dave A = hpc_a1 C = testcluster\n");
        var backend = Backend(runner);
        await backend.ReadMembershipAsync(["hpc_a1"], Token);

        var added = await backend.AddUsersAsync(Resource("hpc_a1"), ["dave", "erin"], MembershipDetails.None, Token);

        await Assert.That(added).IsEquivalentTo(["dave"]);
        await Assert.That(runner.Commands.Count).IsEqualTo(4);
    }

    [Test]
    public async Task RemoveUsers_AbsentInTheView_IsDoneWithoutACommand()
    {
        var runner = Runner();
        var backend = Backend(runner);
        await backend.ReadMembershipAsync(["hpc_a1"], Token);

        var removed = await backend.RemoveUsersAsync(Resource("hpc_a1"), ["zoe"], MembershipDetails.None, Token);

        await Assert.That(removed).IsEquivalentTo(["zoe"]);
        await Assert.That(runner.Commands).HasSingleItem();
    }

    [Test]
    public async Task RestrictingWrites_OnAnAccountTheViewShowsAbsent_AreRefused()
    {
        var runner = Runner();
        var backend = Backend(runner, o => o with { QosPaused = "paused" });
        await backend.ReadMembershipAsync(["hpc_gone"], Token);

        var error = await Assert.ThrowsExactlyAsync<BackendException>(() => backend.PauseResourceAsync(Resource("hpc_gone"), Token));

        await Assert.That(error!.Message).Contains("hpc_gone does not exist on cluster testcluster");
        await Assert.That(runner.Commands).HasSingleItem();
    }

    [Test]
    public async Task PauseAndRestore_AlreadyInTheWantedState_WriteNothing()
    {
        var runner = Runner();
        var backend = Backend(runner, o => o with { QosPaused = "paused" });
        await backend.ReadMembershipAsync(["hpc_a1", "hpc_a2"], Token);

        await Assert.That(await backend.PauseResourceAsync(Resource("hpc_a2"), Token)).IsTrue();
        await Assert.That(await backend.RestoreResourceAsync(Resource("hpc_a1"), Token)).IsFalse();

        await Assert.That(runner.Commands).HasSingleItem();
        await Assert.That((await backend.GetResourceMetadataAsync("hpc_a2", Token))["qos"]).IsEqualTo("paused");
    }

    [Test]
    public async Task QosEnforced_GrpSubmitJobsAlreadyZero_PauseWritesNothing_RestoreWritesOnce()
    {
        var runner = Runner();
        var backend = Backend(runner, o => o with { QosEnforcementEnabled = true, EnforceOfferingQos = true });
        await backend.ReadMembershipAsync(["hpc_a1", "hpc_a2"], Token);

        await backend.PauseResourceAsync(Resource("hpc_a2"), Token);
        await Assert.That(await backend.RestoreResourceAsync(Resource("hpc_a1"), Token)).IsFalse();
        await Assert.That(await backend.RestoreResourceAsync(Resource("hpc_a2"), Token)).IsTrue();
        await Assert.That(await backend.RestoreResourceAsync(Resource("hpc_a2"), Token)).IsFalse();

        await Assert.That(await Assert.That(runner.Lines.Skip(1)).HasSingleItem())
            .IsEqualTo("/usr/bin/sacctmgr --parsable2 --noheader --immediate modify account hpc_a2 cluster=testcluster set GrpSubmitJobs=-1");
    }

    [Test]
    public async Task UserLimits_WrittenOnlyWhereTheyDiffer()
    {
        var runner = Runner().On(["list", "tres"], "sacctmgr-list-tres-with-gpu.txt");
        var backend = Backend(runner);
        await backend.ReadMembershipAsync(["hpc_a1"], Token);

        var written = await backend.SyncUserLimitsAsync("hpc_a1", new Dictionary<string, IReadOnlyDictionary<string, decimal>>
        {
            ["alice"] = new Dictionary<string, decimal> { ["cpu"] = 0.1m },
            ["bob"] = new Dictionary<string, decimal> { ["cpu"] = 1 },
        }, Token);

        await Assert.That(written).IsEquivalentTo(["bob"]);
        var modify = await Assert.That(runner.Lines.Where(l => l.Contains("modify user", StringComparison.Ordinal))).HasSingleItem();
        await Assert.That(modify).EndsWith("modify user bob where account=hpc_a1 cluster=testcluster set MaxTRESMins=cpu=60000,mem=-1,energy=-1,node=-1,billing=-1,fs/disk=-1,vmem=-1,pages=-1,gres/gpu=-1");
    }

    [Test]
    public async Task Usage_BatchFails_AccountsReadAlone_OnlyTheFailingOneIsFailed_IdleAndUnknownToldApart()
    {
        var runner = new ReplayRunner()
            .OnText(["--accounts=hpc_a1,hpc_a2,hpc_gone,hpc_bad"], "sacct: error: Unspecified error\n", exitCode: 1)
            .OnText(["--accounts=hpc_a1"], "hpc_a1|billing=1,cpu=1,mem=1024M,node=1|00:01:00|alice\n")
            .OnText(["--accounts=hpc_bad"], "sacct: error: Unspecified error\n", exitCode: 1)
            .OnText([SlurmParser.AssociationsFormat], Listing);
        var backend = Backend(runner);

        var report = await backend.GetUsageReportForPeriodAsync(["hpc_a1", "hpc_a2", "hpc_gone", "hpc_bad"], 2026, 11, Token);

        await Assert.That(report.Resources.Keys).IsEquivalentTo(["hpc_a1"]);
        await Assert.That(report.Unknown).IsEquivalentTo(["hpc_gone"]);
        await Assert.That(report.Failed.Keys).IsEquivalentTo(["hpc_bad"]);
        await Assert.That(report.Failed["hpc_bad"]).Contains("Unspecified error");
        await Assert.That(runner.Commands.Count(c => c.Program.EndsWith("sacct", StringComparison.Ordinal))).IsEqualTo(5);
        await Assert.That(runner.Commands.Where(c => c.Program.EndsWith("sacctmgr", StringComparison.Ordinal))).HasSingleItem();
    }

    [Test]
    public async Task Usage_PrepaidComponent_IsConvertedByItsUnitFactorOnly()
    {
        // A prepaid (one-time) component's cap is multiplied by the months it runs; its usage is not.
        ComponentDefinition[] components = [Component("cpu", AccountingType.One, 60)];
        var mapper = new ComponentMapper(components);
        var lines = SlurmParser.ParseUsage("acct|cpu=2|01:00:00|alice\n", UsageReportBuilder.TresKeys(components, mapper));

        var usage = UsageReportBuilder.Build(lines, ["acct"], components, mapper).Resources["acct"];

        await Assert.That(usage.Total["cpu"]).IsEqualTo(2m);
    }

    [Test]
    public async Task ListChunks_KeepEveryArgumentWithinTheLimit()
    {
        var names = Enumerable.Range(0, 2000).Select(i => $"hpc_allocation_{i:D5}_of_a_long_project_name").ToArray();

        var chunks = SlurmClient.ListChunks(names).ToList();

        await Assert.That(chunks.Count).IsGreaterThan(1);
        await Assert.That(chunks.All(c => string.Join(',', c).Length <= SlurmClient.MaxListArgumentLength)).IsTrue();
        await Assert.That(chunks.SelectMany(c => c)).IsEquivalentTo(names, CollectionOrdering.Matching);
        await Assert.That(SlurmClient.ListChunks(names.Take(1000).Select(n => n[..20]).ToArray())).HasSingleItem();
    }
}
