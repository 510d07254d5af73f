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
    private static CancellationToken Token => TestContext.Current.CancellationToken;

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

    private static ResourceRequest Resource(string id) => new() { Uuid = Guid.NewGuid(), BackendId = id, Slug = id };

    private static ReplayRunner Runner() => new ReplayRunner().OnText([SlurmParser.AssociationsFormat], Listing);

    [Fact]
    public void ParseAccountAssociations_AccountRowsUsersLimitsQos()
    {
        var accounts = SlurmParser.ParseAccountAssociations(Listing);

        Assert.Equal(["hpc_a1", "hpc_a2"], accounts.Keys.Order());
        Assert.Equal(["alice", "bob"], accounts["HPC_A1"].Users.Keys.Order());
        Assert.Equal(6000, accounts["hpc_a1"].Users["alice"].Values["cpu"]);
        Assert.Equal((0L, "paused", 614400L), (accounts["hpc_a2"].GrpSubmitJobs!.Value, accounts["hpc_a2"].DefaultQos, accounts["hpc_a2"].GrpTresMins.Values["mem"]));
        Assert.Null(accounts["hpc_a1"].GrpSubmitJobs);
    }

    [Fact]
    public async Task OneRead_ServesUsersLimitsQosAndUserLimits_OfEveryResource()
    {
        var runner = Runner();
        var backend = Backend(runner);

        var users = await backend.ReadMembershipAsync(["hpc_a1", "hpc_a2", "hpc_gone"], Token);
        var limits = await backend.GetResourceLimitsAsync("hpc_a2", Token);
        var metadata = await backend.GetResourceMetadataAsync("hpc_a1", Token);
        var limited = await backend.UsersWithLimitsAsync("hpc_a1", Token);

        Assert.Equal(["hpc_a1", "hpc_a2"], users.Keys.Order());
        Assert.Equal(["alice", "bob"], users["hpc_a1"].Order());
        Assert.Equal(new Dictionary<string, decimal> { ["cpu"] = 10, ["mem"] = 600 }, limits);
        Assert.Equal("normal", metadata["qos"]);
        Assert.Equal(["alice"], limited);
        var read = Assert.Single(runner.Lines);
        Assert.Contains("where account=hpc_a1,hpc_a2,hpc_gone cluster=testcluster", read, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddUsers_WithTheView_OneCommandForTheMissingUsers_NoExistenceReads()
    {
        var runner = Runner();
        var backend = Backend(runner);
        await backend.ReadMembershipAsync(["hpc_a1"], Token);

        var added = await backend.AddUsersAsync(Resource("hpc_a1"), ["Alice", "dave", "erin"], MembershipDetails.None, Token);

        Assert.Equal(["Alice", "dave", "erin"], added.Order());
        Assert.Equal(
            "/usr/bin/sacctmgr --parsable2 --noheader --immediate add user dave,erin account=hpc_a1 DefaultAccount=root Share=parent cluster=testcluster",
            Assert.Single(runner.Lines.Skip(1)));
        // The view now has them: asking again runs nothing.
        await backend.AddUsersAsync(Resource("hpc_a1"), ["dave"], MembershipDetails.None, Token);
        Assert.Equal(2, runner.Commands.Count);
    }

    [Fact]
    public async Task AddUsers_BatchRefused_EachUserTriedAlone()
    {
        var runner = Runner()
            .OnText(["dave,erin"], " Unknown error\n", exitCode: 1)
            .OnText(["erin"], " Problem adding user erin\n", exitCode: 1)
            .OnText(["dave"], " Associations =\n  U = dave A = hpc_a1 C = testcluster\n");
        var backend = Backend(runner);
        await backend.ReadMembershipAsync(["hpc_a1"], Token);

        var added = await backend.AddUsersAsync(Resource("hpc_a1"), ["dave", "erin"], MembershipDetails.None, Token);

        Assert.Equal(["dave"], added);
        Assert.Equal(4, runner.Commands.Count);
    }

    [Fact]
    public async Task RemoveUsers_AbsentInTheView_IsDoneWithoutACommand()
    {
        var runner = Runner();
        var backend = Backend(runner);
        await backend.ReadMembershipAsync(["hpc_a1"], Token);

        var removed = await backend.RemoveUsersAsync(Resource("hpc_a1"), ["zoe"], MembershipDetails.None, Token);

        Assert.Equal(["zoe"], removed);
        Assert.Single(runner.Commands);
    }

    [Fact]
    public async Task RestrictingWrites_OnAnAccountTheViewShowsAbsent_AreRefused()
    {
        var runner = Runner();
        var backend = Backend(runner, o => o with { QosPaused = "paused" });
        await backend.ReadMembershipAsync(["hpc_gone"], Token);

        var error = await Assert.ThrowsAsync<BackendException>(() => backend.PauseResourceAsync("hpc_gone", Token));

        Assert.Contains("hpc_gone does not exist on cluster testcluster", error.Message, StringComparison.Ordinal);
        Assert.Single(runner.Commands);
    }

    [Fact]
    public async Task PauseAndRestore_AlreadyInTheWantedState_WriteNothing()
    {
        var runner = Runner();
        var backend = Backend(runner, o => o with { QosPaused = "paused" });
        await backend.ReadMembershipAsync(["hpc_a1", "hpc_a2"], Token);

        Assert.True(await backend.PauseResourceAsync("hpc_a2", Token));
        Assert.False(await backend.RestoreResourceAsync("hpc_a1", Token));

        Assert.Single(runner.Commands);
        Assert.Equal("paused", (await backend.GetResourceMetadataAsync("hpc_a2", Token))["qos"]);
    }

    [Fact]
    public async Task QosEnforced_GrpSubmitJobsAlreadyZero_PauseWritesNothing_RestoreWritesOnce()
    {
        var runner = Runner();
        var backend = Backend(runner, o => o with { QosEnforcementEnabled = true, EnforceOfferingQos = true });
        await backend.ReadMembershipAsync(["hpc_a1", "hpc_a2"], Token);

        await backend.PauseResourceAsync("hpc_a2", Token);
        Assert.False(await backend.RestoreResourceAsync("hpc_a1", Token));
        Assert.True(await backend.RestoreResourceAsync("hpc_a2", Token));
        Assert.False(await backend.RestoreResourceAsync("hpc_a2", Token));

        Assert.Equal(
            "/usr/bin/sacctmgr --parsable2 --noheader --immediate modify account hpc_a2 cluster=testcluster set GrpSubmitJobs=-1",
            Assert.Single(runner.Lines.Skip(1)));
    }

    [Fact]
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

        Assert.Equal(["bob"], written);
        var modify = Assert.Single(runner.Lines, l => l.Contains("modify user", StringComparison.Ordinal));
        Assert.EndsWith("modify user bob where account=hpc_a1 cluster=testcluster set MaxTRESMins=cpu=60000,mem=-1,energy=-1,node=-1,billing=-1,fs/disk=-1,vmem=-1,pages=-1,gres/gpu=-1", modify, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Usage_BatchFails_AccountsReadAlone_OnlyTheFailingOneIsFailed_IdleAndUnknownToldApart()
    {
        var runner = new ReplayRunner()
            .OnText(["--accounts=hpc_a1,hpc_a2,hpc_gone,hpc_bad"], "sacct: error: Unspecified error\n", exitCode: 1)
            .OnText(["--accounts=hpc_a1"], "hpc_a1|billing=1,cpu=1,mem=1024M,node=1|00:01:00|alice\n")
            .OnText(["--accounts=hpc_bad"], "sacct: error: Unspecified error\n", exitCode: 1)
            .OnText([SlurmParser.AssociationsFormat], Listing);
        var backend = Backend(runner);

        var report = await backend.GetUsageReportForPeriodAsync(["hpc_a1", "hpc_a2", "hpc_gone", "hpc_bad"], 2026, 11, Token);

        Assert.Equal(["hpc_a1"], report.Resources.Keys);
        Assert.Equal(["hpc_gone"], report.Unknown);
        Assert.Equal(["hpc_bad"], report.Failed.Keys);
        Assert.Contains("Unspecified error", report.Failed["hpc_bad"], StringComparison.Ordinal);
        Assert.Equal(5, runner.Commands.Count(c => c.Program.EndsWith("sacct", StringComparison.Ordinal)));
        Assert.Single(runner.Commands, c => c.Program.EndsWith("sacctmgr", StringComparison.Ordinal));
    }

    [Fact]
    public void Usage_PrepaidComponent_IsConvertedByItsUnitFactorOnly()
    {
        // A prepaid (one-time) component's cap is multiplied by the months it runs; its usage is not.
        ComponentDefinition[] components = [Component("cpu", AccountingType.One, 60)];
        var mapper = new ComponentMapper(components);
        var lines = SlurmParser.ParseUsage("acct|cpu=2|01:00:00|alice\n", UsageReportBuilder.TresKeys(components, mapper));

        var usage = UsageReportBuilder.Build(lines, ["acct"], components, mapper).Resources["acct"];

        Assert.Equal(2m, usage.Total["cpu"]);
    }

    [Fact]
    public void ListChunks_KeepEveryArgumentWithinTheLimit()
    {
        var names = Enumerable.Range(0, 2000).Select(i => $"hpc_allocation_{i:D5}_of_a_long_project_name").ToArray();

        var chunks = SlurmClient.ListChunks(names).ToList();

        Assert.True(chunks.Count > 1);
        Assert.All(chunks, c => Assert.True(string.Join(',', c).Length <= SlurmClient.MaxListArgumentLength));
        Assert.Equal(names, chunks.SelectMany(c => c));
        Assert.Single(SlurmClient.ListChunks(names.Take(1000).Select(n => n[..20]).ToArray()));
    }
}
