using SiteAgent.Backends.Commands;
using SiteAgent.Backends.Model;

namespace SiteAgent.Backends.Slurm.Tests.Integration;

/// <summary>Order processing against the real cluster: the state is checked with sacctmgr directly.</summary>
[NotInParallel(JobsGroup.Key)]
public class OrderIntegrationTests
{
    private static CancellationToken Token => TestContext.Current!.Execution.CancellationToken;

    [Test]
    public async Task Create_ThreeTier_BuildsTheTreeWithLimits()
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend();
        var resource = scope.Resource("alloc-1");

        var info = await backend.CreateResourceAsync(resource, scope.Id("alloc-1"), UserContext.Empty, Token);

        await Assert.That(info.BackendId).IsEqualTo(scope.Id("alloc-1"));
        await Assert.That(info.Limits).IsEquivalentTo(new Dictionary<string, decimal> { ["cpu"] = 10, ["mem"] = 10 });
        await Assert.That((await SlurmCluster.AccountRowAsync(scope.Prefix + "org-a"))![1]).IsEqualTo("root");
        await Assert.That((await SlurmCluster.AccountRowAsync(scope.Prefix + "proj-1"))![1]).IsEqualTo(scope.Prefix + "org-a");
        var allocation = (await SlurmCluster.AccountRowAsync(scope.Id("alloc-1")))!;
        await Assert.That(allocation[1]).IsEqualTo(scope.Prefix + "proj-1");
        await Assert.That(allocation[3]).IsEqualTo("cpu=600,mem=10G");
        var record = await backend.Client.GetAccountRecordAsync(scope.Id("alloc-1"), Token);
        await Assert.That(record).IsEqualTo(new SlurmAccount(scope.Id("alloc-1"), "allocation alloc-1", scope.Prefix + "proj-1"));

        var pulled = await backend.PullResourceAsync(resource with { BackendId = info.BackendId }, Token);
        await Assert.That(pulled).IsNotNull();
        await Assert.That(pulled.Users).IsEmpty();
        await Assert.That(pulled.Usage!.Total["cpu"]).IsEqualTo(0m);
        await Assert.That(await backend.GetResourceLimitsAsync(info.BackendId, Token)).IsEquivalentTo(new Dictionary<string, decimal> { ["cpu"] = 10, ["mem"] = 10 });
    }

    [Test]
    public async Task Create_FlatMode_ProjectUnderParentAccount()
    {
        await using var scope = new ClusterScope();
        var setup = scope.Backend();
        await setup.Client.CreateAccountAsync(scope.Prefix + "flat", "flat parent", scope.Prefix + "flat", "root", Token);
        var backend = scope.Backend(o => o with { ParentAccount = scope.Prefix + "flat" });

        await backend.CreateResourceAsync(scope.Resource("alloc-1"), scope.Id("alloc-1"), UserContext.Empty, Token);

        await Assert.That(await SlurmCluster.AccountRowAsync(scope.Prefix + "org-a")).IsNull();
        await Assert.That((await SlurmCluster.AccountRowAsync(scope.Prefix + "proj-1"))![1]).IsEqualTo(scope.Prefix + "flat");
        await Assert.That((await SlurmCluster.AccountRowAsync(scope.Id("alloc-1")))![1]).IsEqualTo(scope.Prefix + "proj-1");
    }

    [Test]
    public async Task Create_ExistingAllocation_IsDuplicateAndParentsAreReused()
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend();
        await backend.CreateResourceAsync(scope.Resource("alloc-1"), scope.Id("alloc-1"), UserContext.Empty, Token);
        await backend.CreateResourceAsync(scope.Resource("alloc-2"), scope.Id("alloc-2"), UserContext.Empty, Token);

        var error = await Assert.ThrowsExactlyAsync<DuplicateResourceException>(() => backend.CreateResourceAsync(scope.Resource("alloc-1"), scope.Id("alloc-1"), UserContext.Empty, Token));

        await Assert.That(error!.Message).IsEqualTo($"The resource with ID {scope.Id("alloc-1")} already exists in the cluster");
        await Assert.That((await SlurmCluster.AccountRowAsync(scope.Id("alloc-2")))![1]).IsEqualTo(scope.Prefix + "proj-1");
    }

    [Test]
    public async Task Create_SecondAllocationOfTheProject_ChecksParentsAndTresOncePerBackend()
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend();
        string[] Lines() => scope.Runner.Commands.Select(c => string.Join(' ', c.Arguments)).ToArray();
        bool ChecksCustomer(string l) => l.Contains($"account={scope.Prefix}org-a ", StringComparison.Ordinal);
        bool ChecksProject(string l) => l.Contains($"account={scope.Prefix}proj-1 ", StringComparison.Ordinal);
        bool ListsTres(string l) => l.EndsWith("list tres", StringComparison.Ordinal);
        await backend.CreateResourceAsync(scope.Resource("alloc-1"), scope.Id("alloc-1"), UserContext.Empty, Token);
        await Assert.That(Lines()).Contains(ChecksCustomer);
        await Assert.That(Lines()).Contains(ChecksProject);
        await Assert.That(Lines()).Contains(ListsTres);
        scope.Runner.Clear();

        await backend.CreateResourceAsync(scope.Resource("alloc-2"), scope.Id("alloc-2"), UserContext.Empty, Token);

        await Assert.That(Lines()).DoesNotContain(ChecksCustomer);
        await Assert.That(Lines()).DoesNotContain(ChecksProject);
        await Assert.That(Lines()).DoesNotContain(ListsTres);
        await Assert.That((await SlurmCluster.AccountRowAsync(scope.Id("alloc-2")))![3]).IsEqualTo("cpu=600,mem=10G");
    }

    [Test]
    public async Task Create_AfterTheProjectWasRemovedByTheSameBackend_RecreatesTheProject()
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend();
        var first = await backend.CreateResourceAsync(scope.Resource("alloc-1"), scope.Id("alloc-1"), UserContext.Empty, Token);
        await backend.DeleteResourceAsync(scope.Resource("alloc-1") with { BackendId = first.BackendId }, "proj-1", Token);
        await Assert.That(await SlurmCluster.AccountRowAsync(scope.Prefix + "proj-1")).IsNull();

        await backend.CreateResourceAsync(scope.Resource("alloc-2"), scope.Id("alloc-2"), UserContext.Empty, Token);

        await Assert.That((await SlurmCluster.AccountRowAsync(scope.Prefix + "proj-1"))![1]).IsEqualTo(scope.Prefix + "org-a");
        await Assert.That((await SlurmCluster.AccountRowAsync(scope.Id("alloc-2")))![1]).IsEqualTo(scope.Prefix + "proj-1");
    }

    [Test]
    public async Task Update_SetResourceLimits_ChangesOnlyTheGivenTres()
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend();
        var info = await backend.CreateResourceAsync(scope.Resource("alloc-1"), scope.Id("alloc-1"), UserContext.Empty, Token);

        await backend.SetResourceLimitsAsync(scope.Resource("alloc-1") with { BackendId = info.BackendId }, new Dictionary<string, decimal> { ["cpu"] = 25 }, Token);

        await Assert.That((await SlurmCluster.AccountRowAsync(info.BackendId))![3]).IsEqualTo("cpu=1500,mem=10G");
    }

    [Test]
    public async Task Quirk_NothingModifiedOnMissingAccount_IsAnError()
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend();

        var error = await Assert.ThrowsExactlyAsync<BackendException>(() =>
            backend.SetResourceLimitsAsync(scope.Resource("ghost") with { BackendId = scope.Id("ghost") }, new Dictionary<string, decimal> { ["cpu"] = 1 }, Token));

        await Assert.That(error!.Message).IsEqualTo($"SLURM account {scope.Id("ghost")} does not exist on cluster {scope.Cluster}");
    }

    [Test]
    public async Task NothingModified_OnExistingAccount_IsSuccess()
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend();
        await backend.CreateResourceAsync(scope.Resource("alloc-1"), scope.Id("alloc-1"), UserContext.Empty, Token);

        // Re-parenting to the current parent answers "Nothing modified" with exit 1.
        await backend.Client.SetParentAsync(scope.Prefix + "proj-1", scope.Prefix + "org-a", Token);

        await Assert.That(await backend.Client.GetParentAsync(scope.Prefix + "proj-1", Token)).IsEqualTo(scope.Prefix + "org-a");
    }

    [Test]
    public async Task Terminate_LastAllocation_RemovesAccountAndProjectButKeepsCustomer()
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend();
        var first = await backend.CreateResourceAsync(scope.Resource("alloc-1"), scope.Id("alloc-1"), UserContext.Empty, Token);
        var second = await backend.CreateResourceAsync(scope.Resource("alloc-2"), scope.Id("alloc-2"), UserContext.Empty, Token);

        await backend.DeleteResourceAsync(scope.Resource("alloc-1") with { BackendId = first.BackendId }, "proj-1", Token);
        await Assert.That(await SlurmCluster.AccountRowAsync(first.BackendId)).IsNull();
        await Assert.That(await SlurmCluster.AccountRowAsync(scope.Prefix + "proj-1")).IsNotNull();

        await backend.DeleteResourceAsync(scope.Resource("alloc-2") with { BackendId = second.BackendId }, "proj-1", Token);
        await Assert.That(await SlurmCluster.AccountRowAsync(second.BackendId)).IsNull();
        await Assert.That(await SlurmCluster.AccountRowAsync(scope.Prefix + "proj-1")).IsNull();
        await Assert.That(await SlurmCluster.AccountRowAsync(scope.Prefix + "org-a")).IsNotNull();

        // Idempotent: the account is already gone.
        await Assert.That(await backend.DeleteResourceAsync(scope.Resource("alloc-2") with { BackendId = second.BackendId }, "proj-1", Token)).IsNull();
    }

    [Test]
    public async Task Quirk_ProjectIdWithCapitals_IsNotRemovedWhileAllocationsLiveUnderIt()
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend();
        var first = await backend.CreateResourceAsync(scope.Resource("alloc-1", project: "Proj-X"), scope.Id("alloc-1"), UserContext.Empty, Token);
        var second = await backend.CreateResourceAsync(scope.Resource("alloc-2", project: "Proj-X"), scope.Id("alloc-2"), UserContext.Empty, Token);

        await backend.DeleteResourceAsync(scope.Resource("alloc-1", project: "Proj-X") with { BackendId = first.BackendId }, "Proj-X", Token);

        await Assert.That(await SlurmCluster.AccountRowAsync(scope.Prefix + "proj-x")).IsNotNull();
        await Assert.That((await SlurmCluster.AccountRowAsync(second.BackendId))![1]).IsEqualTo(scope.Prefix + "proj-x");
    }

    [Test]
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
        var row = (await Assert.That(rows).HasSingleItem()).Split('|');
        await Assert.That(row[3]).IsEqualTo("cpu=0,gres/gpu=0,mem=0");
        await Assert.That(await backend.PullResourceAsync(resource, Token)).IsNotNull();

        var restored = await backend.ApplyResourceLimitsAsync(resource, Token);

        await Assert.That(restored["cpu"]).IsEqualTo(10m);
        // Back to the state creation left: components the resource does not cap are uncapped again, not left at 0.
        await Assert.That((await SlurmCluster.AccountRowAsync(info.BackendId))![3]).IsEqualTo("cpu=600,mem=10G");
    }

    [Test]
    public async Task Exists_FollowsTheAccountOnTheClusterWithoutReadingUsersOrUsage()
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend();
        var resource = scope.Resource("alloc-1");

        await Assert.That(await backend.ExistsAsync(resource with { BackendId = scope.Id("alloc-1") }, Token)).IsFalse();
        var info = await backend.CreateResourceAsync(resource, scope.Id("alloc-1"), UserContext.Empty, Token);
        resource = resource with { BackendId = info.BackendId };
        await Assert.That(await backend.ExistsAsync(resource, Token)).IsTrue();
        await Assert.That(await backend.ExistsAsync(resource with { BackendId = string.Empty }, Token)).IsFalse();

        await SlurmCluster.WriteAsync("remove", "account", "where", $"name={info.BackendId}", $"cluster={scope.Cluster}");

        await Assert.That(await backend.ExistsAsync(resource, Token)).IsFalse();
    }

    [Test]
    public async Task Restore_MissingAccount_IsRecreatedUnderTheSameId()
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend();
        var resource = scope.Resource("alloc-1");
        var info = await backend.CreateResourceAsync(resource, scope.Id("alloc-1"), UserContext.Empty, Token);
        resource = resource with { BackendId = info.BackendId };
        // Out of band, cluster-scoped: the account record survives, the association does not.
        await SlurmCluster.WriteAsync("remove", "account", "where", $"name={info.BackendId}", $"cluster={scope.Cluster}");

        await Assert.That(await backend.PullResourceAsync(resource, Token)).IsNull();
        var recreated = await backend.CreateResourceAsync(resource, resource.BackendId, UserContext.Empty, Token);

        await Assert.That(recreated.BackendId).IsEqualTo(info.BackendId);
        var row = (await SlurmCluster.AccountRowAsync(info.BackendId))!;
        await Assert.That(row[1]).IsEqualTo(scope.Prefix + "proj-1");
        await Assert.That(row[3]).IsEqualTo("cpu=600,mem=10G");
    }

    [Test]
    public async Task Restore_ReceivedIdLongerThan42_IsAccepted()
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend();
        var id = scope.Prefix + new string('r', 45 - scope.Prefix.Length);
        var resource = scope.Resource("restored") with { BackendId = id };

        var info = await backend.CreateResourceAsync(resource, id, UserContext.Empty, Token);

        await Assert.That(info.BackendId).IsEqualTo(id);
        await Assert.That(await SlurmCluster.AccountRowAsync(id)).IsNotNull();
    }

    [Test]
    public async Task Terminate_WithRunningJob_CancelsWaitsAndRemoves()
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend();
        var resource = scope.Resource("jobs", limits: new() { ["cpu"] = 1000 });
        var info = await backend.CreateResourceAsync(resource, scope.Id("jobs"), UserContext.Empty, Token);
        resource = resource with { BackendId = info.BackendId };
        await Assert.That(await backend.AddUsersAsync(resource, ["root"], MembershipDetails.None, Token)).IsEquivalentTo(["root"], CollectionOrdering.Matching);
        var job = await Jobs.SubmitAsync(info.BackendId, "sleep 300");
        await Jobs.WaitForStateAsync(job, "RUNNING");

        await backend.DeleteResourceAsync(resource, "proj-1", Token);

        await Assert.That(await SlurmCluster.AccountRowAsync(info.BackendId)).IsNull();
        await Assert.That(await Jobs.StateAsync(job)).StartsWith("CANCELLED");
    }

    [Test]
    public async Task DryRun_RunsReadsOnly()
    {
        await using var scope = new ClusterScope();
        var dryRun = new DryRunCommandRunner(scope.Runner);
        var backend = scope.Backend(runner: dryRun);

        await backend.CreateResourceAsync(scope.Resource("alloc-1"), scope.Id("alloc-1"), UserContext.Empty, Token);

        await Assert.That(await SlurmCluster.AccountRowAsync(scope.Id("alloc-1"))).IsNull();
        foreach (var c in scope.Runner.Commands) { await Assert.That(c.Effect).IsEqualTo(CommandEffect.Read); }
        await Assert.That(dryRun.Planned.Select(c => string.Join(' ', c.Arguments.Skip(3).Take(3)))).IsEquivalentTo(["add account " + scope.Prefix + "org-a", "add account " + scope.Prefix + "proj-1", "add account " + scope.Id("alloc-1"), "modify account " + scope.Id("alloc-1")], CollectionOrdering.Matching);
    }
}
