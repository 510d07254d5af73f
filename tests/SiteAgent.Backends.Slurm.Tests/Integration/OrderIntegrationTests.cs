using SiteAgent.Backends.Commands;
using SiteAgent.Backends.Model;

namespace SiteAgent.Backends.Slurm.Tests.Integration;

/// <summary>Order processing against the real cluster: the state is checked with sacctmgr directly.</summary>
[Collection(JobsCollection.Name)]
public class OrderIntegrationTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_ThreeTier_BuildsTheTreeWithLimits()
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend();
        var resource = scope.Resource("alloc-1");

        var info = await backend.CreateResourceAsync(resource, scope.Id("alloc-1"), UserContext.Empty, Token);

        Assert.Equal(scope.Id("alloc-1"), info.BackendId);
        Assert.Equal(new Dictionary<string, decimal> { ["cpu"] = 10, ["mem"] = 10 }, info.Limits);
        Assert.Equal("root", (await SlurmCluster.AccountRowAsync(scope.Prefix + "org-a"))![1]);
        Assert.Equal(scope.Prefix + "org-a", (await SlurmCluster.AccountRowAsync(scope.Prefix + "proj-1"))![1]);
        var allocation = (await SlurmCluster.AccountRowAsync(scope.Id("alloc-1")))!;
        Assert.Equal(scope.Prefix + "proj-1", allocation[1]);
        Assert.Equal("cpu=600,mem=10G", allocation[3]);
        var record = await backend.Client.GetAccountRecordAsync(scope.Id("alloc-1"), Token);
        Assert.Equal(new SlurmAccount(scope.Id("alloc-1"), "allocation alloc-1", scope.Prefix + "proj-1"), record);

        var pulled = await backend.PullResourceAsync(resource with { BackendId = info.BackendId }, Token);
        Assert.NotNull(pulled);
        Assert.Empty(pulled.Users);
        Assert.Equal(0m, pulled.Usage!.Total["cpu"]);
        Assert.Equal(new Dictionary<string, decimal> { ["cpu"] = 10, ["mem"] = 10 }, await backend.GetResourceLimitsAsync(info.BackendId, Token));
    }

    [Fact]
    public async Task Create_FlatMode_ProjectUnderParentAccount()
    {
        await using var scope = new ClusterScope();
        var setup = scope.Backend();
        await setup.Client.CreateAccountAsync(scope.Prefix + "flat", "flat parent", scope.Prefix + "flat", "root", Token);
        var backend = scope.Backend(o => o with { ParentAccount = scope.Prefix + "flat" });

        await backend.CreateResourceAsync(scope.Resource("alloc-1"), scope.Id("alloc-1"), UserContext.Empty, Token);

        Assert.Null(await SlurmCluster.AccountRowAsync(scope.Prefix + "org-a"));
        Assert.Equal(scope.Prefix + "flat", (await SlurmCluster.AccountRowAsync(scope.Prefix + "proj-1"))![1]);
        Assert.Equal(scope.Prefix + "proj-1", (await SlurmCluster.AccountRowAsync(scope.Id("alloc-1")))![1]);
    }

    [Fact]
    public async Task Create_ExistingAllocation_IsDuplicateAndParentsAreReused()
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend();
        await backend.CreateResourceAsync(scope.Resource("alloc-1"), scope.Id("alloc-1"), UserContext.Empty, Token);
        await backend.CreateResourceAsync(scope.Resource("alloc-2"), scope.Id("alloc-2"), UserContext.Empty, Token);

        var error = await Assert.ThrowsAsync<DuplicateResourceException>(() => backend.CreateResourceAsync(scope.Resource("alloc-1"), scope.Id("alloc-1"), UserContext.Empty, Token));

        Assert.Equal($"The resource with ID {scope.Id("alloc-1")} already exists in the cluster", error.Message);
        Assert.Equal(scope.Prefix + "proj-1", (await SlurmCluster.AccountRowAsync(scope.Id("alloc-2")))![1]);
    }

    [Fact]
    public async Task Create_SecondAllocationOfTheProject_ChecksParentsAndTresOncePerBackend()
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend();
        string[] Lines() => scope.Runner.Commands.Select(c => string.Join(' ', c.Arguments)).ToArray();
        bool ChecksCustomer(string l) => l.Contains($"account={scope.Prefix}org-a ", StringComparison.Ordinal);
        bool ChecksProject(string l) => l.Contains($"account={scope.Prefix}proj-1 ", StringComparison.Ordinal);
        bool ListsTres(string l) => l.EndsWith("list tres", StringComparison.Ordinal);
        await backend.CreateResourceAsync(scope.Resource("alloc-1"), scope.Id("alloc-1"), UserContext.Empty, Token);
        Assert.Contains(Lines(), ChecksCustomer);
        Assert.Contains(Lines(), ChecksProject);
        Assert.Contains(Lines(), ListsTres);
        scope.Runner.Clear();

        await backend.CreateResourceAsync(scope.Resource("alloc-2"), scope.Id("alloc-2"), UserContext.Empty, Token);

        Assert.DoesNotContain(Lines(), ChecksCustomer);
        Assert.DoesNotContain(Lines(), ChecksProject);
        Assert.DoesNotContain(Lines(), ListsTres);
        Assert.Equal("cpu=600,mem=10G", (await SlurmCluster.AccountRowAsync(scope.Id("alloc-2")))![3]);
    }

    [Fact]
    public async Task Create_AfterTheProjectWasRemovedByTheSameBackend_RecreatesTheProject()
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend();
        var first = await backend.CreateResourceAsync(scope.Resource("alloc-1"), scope.Id("alloc-1"), UserContext.Empty, Token);
        await backend.DeleteResourceAsync(scope.Resource("alloc-1") with { BackendId = first.BackendId }, "proj-1", Token);
        Assert.Null(await SlurmCluster.AccountRowAsync(scope.Prefix + "proj-1"));

        await backend.CreateResourceAsync(scope.Resource("alloc-2"), scope.Id("alloc-2"), UserContext.Empty, Token);

        Assert.Equal(scope.Prefix + "org-a", (await SlurmCluster.AccountRowAsync(scope.Prefix + "proj-1"))![1]);
        Assert.Equal(scope.Prefix + "proj-1", (await SlurmCluster.AccountRowAsync(scope.Id("alloc-2")))![1]);
    }

    [Fact]
    public async Task Update_SetResourceLimits_ChangesOnlyTheGivenTres()
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend();
        var info = await backend.CreateResourceAsync(scope.Resource("alloc-1"), scope.Id("alloc-1"), UserContext.Empty, Token);

        await backend.SetResourceLimitsAsync(scope.Resource("alloc-1") with { BackendId = info.BackendId }, new Dictionary<string, decimal> { ["cpu"] = 25 }, Token);

        Assert.Equal("cpu=1500,mem=10G", (await SlurmCluster.AccountRowAsync(info.BackendId))![3]);
    }

    [Fact]
    public async Task Quirk_NothingModifiedOnMissingAccount_IsAnError()
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend();

        var error = await Assert.ThrowsAsync<BackendException>(() =>
            backend.SetResourceLimitsAsync(scope.Resource("ghost") with { BackendId = scope.Id("ghost") }, new Dictionary<string, decimal> { ["cpu"] = 1 }, Token));

        Assert.Equal($"SLURM account {scope.Id("ghost")} does not exist on cluster {scope.Cluster}", error.Message);
    }

    [Fact]
    public async Task NothingModified_OnExistingAccount_IsSuccess()
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend();
        await backend.CreateResourceAsync(scope.Resource("alloc-1"), scope.Id("alloc-1"), UserContext.Empty, Token);

        // Re-parenting to the current parent answers "Nothing modified" with exit 1.
        await backend.Client.SetParentAsync(scope.Prefix + "proj-1", scope.Prefix + "org-a", Token);

        Assert.Equal(scope.Prefix + "org-a", await backend.Client.GetParentAsync(scope.Prefix + "proj-1", Token));
    }

    [Fact]
    public async Task Terminate_LastAllocation_RemovesAccountAndProjectButKeepsCustomer()
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend();
        var first = await backend.CreateResourceAsync(scope.Resource("alloc-1"), scope.Id("alloc-1"), UserContext.Empty, Token);
        var second = await backend.CreateResourceAsync(scope.Resource("alloc-2"), scope.Id("alloc-2"), UserContext.Empty, Token);

        await backend.DeleteResourceAsync(scope.Resource("alloc-1") with { BackendId = first.BackendId }, "proj-1", Token);
        Assert.Null(await SlurmCluster.AccountRowAsync(first.BackendId));
        Assert.NotNull(await SlurmCluster.AccountRowAsync(scope.Prefix + "proj-1"));

        await backend.DeleteResourceAsync(scope.Resource("alloc-2") with { BackendId = second.BackendId }, "proj-1", Token);
        Assert.Null(await SlurmCluster.AccountRowAsync(second.BackendId));
        Assert.Null(await SlurmCluster.AccountRowAsync(scope.Prefix + "proj-1"));
        Assert.NotNull(await SlurmCluster.AccountRowAsync(scope.Prefix + "org-a"));

        // Idempotent: the account is already gone.
        Assert.Null(await backend.DeleteResourceAsync(scope.Resource("alloc-2") with { BackendId = second.BackendId }, "proj-1", Token));
    }

    [Fact]
    public async Task Quirk_ProjectIdWithCapitals_IsNotRemovedWhileAllocationsLiveUnderIt()
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend();
        var first = await backend.CreateResourceAsync(scope.Resource("alloc-1", project: "Proj-X"), scope.Id("alloc-1"), UserContext.Empty, Token);
        var second = await backend.CreateResourceAsync(scope.Resource("alloc-2", project: "Proj-X"), scope.Id("alloc-2"), UserContext.Empty, Token);

        await backend.DeleteResourceAsync(scope.Resource("alloc-1", project: "Proj-X") with { BackendId = first.BackendId }, "Proj-X", Token);

        Assert.NotNull(await SlurmCluster.AccountRowAsync(scope.Prefix + "proj-x"));
        Assert.Equal(scope.Prefix + "proj-x", (await SlurmCluster.AccountRowAsync(second.BackendId))![1]);
    }

    [Fact]
    public async Task Terminate_SoftDelete_KeepsAccountWithZeroLimitsAndNoUsers_RestoreReappliesLimits()
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend(common: c => c with { SoftDelete = true });
        var resource = scope.Resource("alloc-1");
        var info = await backend.CreateResourceAsync(resource, scope.Id("alloc-1"), UserContext.Empty, Token);
        resource = resource with { BackendId = info.BackendId };
        await backend.AddUsersAsync(resource, [scope.User("alice")], MembershipDetails.None, Token);

        await backend.DeleteResourceAsync(resource, "proj-1", Token);

        var rows = await SlurmCluster.AssociationsAsync(info.BackendId);
        var row = Assert.Single(rows).Split('|');
        Assert.Equal("cpu=0,gres/gpu=0,mem=0", row[3]);
        Assert.NotNull(await backend.PullResourceAsync(resource, Token));

        var restored = await backend.ApplyResourceLimitsAsync(resource, LimitReapplication.Restore, Token);

        Assert.Equal(10m, restored["cpu"]);
        // Back to the state creation left: components the resource does not cap are uncapped again, not left at 0.
        Assert.Equal("cpu=600,mem=10G", (await SlurmCluster.AccountRowAsync(info.BackendId))![3]);
    }

    [Fact]
    public async Task Exists_FollowsTheAccountOnTheClusterWithoutReadingUsersOrUsage()
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend();
        var resource = scope.Resource("alloc-1");

        Assert.False(await backend.ExistsAsync(resource with { BackendId = scope.Id("alloc-1") }, Token));
        var info = await backend.CreateResourceAsync(resource, scope.Id("alloc-1"), UserContext.Empty, Token);
        resource = resource with { BackendId = info.BackendId };
        Assert.True(await backend.ExistsAsync(resource, Token));
        Assert.False(await backend.ExistsAsync(resource with { BackendId = string.Empty }, Token));

        await SlurmCluster.WriteAsync("remove", "account", "where", $"name={info.BackendId}", $"cluster={scope.Cluster}");

        Assert.False(await backend.ExistsAsync(resource, Token));
    }

    [Fact]
    public async Task Restore_MissingAccount_IsRecreatedUnderTheSameId()
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend();
        var resource = scope.Resource("alloc-1");
        var info = await backend.CreateResourceAsync(resource, scope.Id("alloc-1"), UserContext.Empty, Token);
        resource = resource with { BackendId = info.BackendId };
        // Out of band, cluster-scoped: the account record survives, the association does not.
        await SlurmCluster.WriteAsync("remove", "account", "where", $"name={info.BackendId}", $"cluster={scope.Cluster}");

        Assert.Null(await backend.PullResourceAsync(resource, Token));
        var recreated = await backend.CreateResourceAsync(resource, resource.BackendId, UserContext.Empty, Token);

        Assert.Equal(info.BackendId, recreated.BackendId);
        var row = (await SlurmCluster.AccountRowAsync(info.BackendId))!;
        Assert.Equal(scope.Prefix + "proj-1", row[1]);
        Assert.Equal("cpu=600,mem=10G", row[3]);
    }

    [Fact]
    public async Task Restore_ReceivedIdLongerThan42_IsAccepted()
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend();
        var id = scope.Prefix + new string('r', 45 - scope.Prefix.Length);
        var resource = scope.Resource("restored") with { BackendId = id };

        var info = await backend.CreateResourceAsync(resource, id, UserContext.Empty, Token);

        Assert.Equal(id, info.BackendId);
        Assert.NotNull(await SlurmCluster.AccountRowAsync(id));
    }

    [Fact]
    public async Task Terminate_WithRunningJob_CancelsWaitsAndRemoves()
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend();
        var resource = scope.Resource("jobs", limits: new() { ["cpu"] = 1000 });
        var info = await backend.CreateResourceAsync(resource, scope.Id("jobs"), UserContext.Empty, Token);
        resource = resource with { BackendId = info.BackendId };
        Assert.Equal(["root"], await backend.AddUsersAsync(resource, ["root"], MembershipDetails.None, Token));
        var job = await Jobs.SubmitAsync(info.BackendId, "sleep 300");
        await Jobs.WaitForStateAsync(job, "RUNNING");

        await backend.DeleteResourceAsync(resource, "proj-1", Token);

        Assert.Null(await SlurmCluster.AccountRowAsync(info.BackendId));
        Assert.StartsWith("CANCELLED", await Jobs.StateAsync(job), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DryRun_RunsReadsOnly()
    {
        await using var scope = new ClusterScope();
        var dryRun = new DryRunCommandRunner(scope.Runner);
        var backend = scope.Backend(runner: dryRun);

        await backend.CreateResourceAsync(scope.Resource("alloc-1"), scope.Id("alloc-1"), UserContext.Empty, Token);

        Assert.Null(await SlurmCluster.AccountRowAsync(scope.Id("alloc-1")));
        Assert.All(scope.Runner.Commands, c => Assert.Equal(CommandEffect.Read, c.Effect));
        Assert.Equal(
            ["add account " + scope.Prefix + "org-a", "add account " + scope.Prefix + "proj-1", "add account " + scope.Id("alloc-1"), "modify account " + scope.Id("alloc-1")],
            dryRun.Planned.Select(c => string.Join(' ', c.Arguments.Skip(3).Take(3))));
    }
}
