using SiteAgent.Backends.Model;

namespace SiteAgent.Backends.Slurm.Tests.Integration;

/// <summary>
/// Only an allocation account under the resource's own project account is the resource's own; nothing
/// else is limited, emptied or removed. The scope uses one prefix for every level, as many sites do.
/// </summary>
public class OwnershipIntegrationTests
{
    private static CancellationToken Token => TestContext.Current!.Execution.CancellationToken;

    [Test]
    public async Task Ownership_OwnAllocationAbsentProjectAndForeignProjectAccounts()
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend();
        var info = await backend.CreateResourceAsync(scope.Resource("alloc-1"), scope.Id("alloc-1"), UserContext.Empty, Token);
        await backend.CreateResourceAsync(scope.Resource("alloc-2", project: "proj-2"), scope.Id("alloc-2"), UserContext.Empty, Token);

        await Assert.That((await backend.CheckOwnershipAsync(scope.Resource("x") with { BackendId = info.BackendId }, Token)).State).IsEqualTo(OwnershipState.Owned);
        await Assert.That((await backend.CheckOwnershipAsync(scope.Resource("x") with { BackendId = scope.Id("ghost") }, Token)).State).IsEqualTo(OwnershipState.Absent);
        var project = await backend.CheckOwnershipAsync(scope.Resource("x") with { BackendId = scope.Prefix + "proj-1" }, Token);
        await Assert.That(project.State).IsEqualTo(OwnershipState.NotOwned);
        await Assert.That(project.Reason).Contains("project account of this resource");
        var customer = await backend.CheckOwnershipAsync(scope.Resource("x") with { BackendId = scope.Prefix + "org-a" }, Token);
        await Assert.That(customer.Reason).Contains("customer account of this resource");
        var otherProject = await backend.CheckOwnershipAsync(scope.Resource("x", project: "proj-3") with { BackendId = scope.Prefix + "proj-2" }, Token);
        await Assert.That(otherProject.Reason).Contains($"accounts live under it ({scope.Id("alloc-2")})");
        var elsewhere = await backend.CheckOwnershipAsync(scope.Resource("x") with { BackendId = scope.Id("alloc-2") }, Token);
        await Assert.That(elsewhere.Reason).Contains($"it lives under {scope.Prefix}proj-2, not under this resource's project account {scope.Prefix}proj-1");
    }

    [Test]
    public async Task Terminate_BackendIdOfTheProjectAccount_RemovesNothing()
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend();
        var sibling = await backend.CreateResourceAsync(scope.Resource("alloc-1"), scope.Id("alloc-1"), UserContext.Empty, Token);
        await backend.AddUsersAsync(scope.Resource("alloc-1") with { BackendId = sibling.BackendId }, [scope.User("alice")], MembershipDetails.None, Token);
        var before = await SlurmCluster.AssociationsAsync(sibling.BackendId);

        await backend.DeleteResourceAsync(scope.Resource("same") with { BackendId = scope.Prefix + "proj-1" }, "proj-1", Token);

        await Assert.That(await SlurmCluster.AccountRowAsync(scope.Prefix + "proj-1")).IsNotNull();
        await Assert.That(await SlurmCluster.AssociationsAsync(sibling.BackendId)).IsEquivalentTo(before, CollectionOrdering.Matching);
    }

    [Test]
    public async Task Terminate_AllocationOfAnotherProject_RemovesNothing()
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend();
        var other = await backend.CreateResourceAsync(scope.Resource("alloc-2", project: "proj-2"), scope.Id("alloc-2"), UserContext.Empty, Token);

        await backend.DeleteResourceAsync(scope.Resource("alloc-2") with { BackendId = other.BackendId }, "proj-1", Token);

        await Assert.That((await SlurmCluster.AccountRowAsync(other.BackendId))![1]).IsEqualTo(scope.Prefix + "proj-2");
    }

    [Test]
    public async Task LimitingWrites_OnAnAccountThatIsNotTheResourcesOwn_ThrowAndChangeNothing()
    {
        await using var scope = new ClusterScope();
        var paused = scope.Prefix + "paused";
        await scope.Backend().Client.CreateQosAsync(paused, new QosSpec(string.Empty, null, null, null, null, null), Token);
        var backend = scope.Backend(o => o with { QosPaused = paused });
        var other = await backend.CreateResourceAsync(scope.Resource("alloc-2", project: "proj-2"), scope.Id("alloc-2"), UserContext.Empty, Token);
        await backend.AddUsersAsync(scope.Resource("alloc-2", project: "proj-2") with { BackendId = other.BackendId }, [scope.User("alice")], MembershipDetails.None, Token);
        var before = await SlurmCluster.AssociationsAsync(other.BackendId);
        // A resource of proj-1 whose backend_id names proj-2's allocation.
        var wrong = scope.Resource("alloc-1") with { BackendId = other.BackendId };

        await Assert.ThrowsExactlyAsync<NotOwnedException>(() => backend.SetResourceLimitsAsync(wrong, new Dictionary<string, decimal> { ["cpu"] = 1 }, Token));
        await Assert.ThrowsExactlyAsync<NotOwnedException>(() => backend.ApplyResourceLimitsAsync(wrong, LimitReapplication.Restore, Token));
        await Assert.ThrowsExactlyAsync<NotOwnedException>(() => backend.PauseResourceAsync(wrong, Token));
        await Assert.ThrowsExactlyAsync<NotOwnedException>(() => backend.RestoreResourceAsync(wrong, Token));
        var error = await Assert.ThrowsExactlyAsync<NotOwnedException>(() => backend.RemoveUsersAsync(wrong, [scope.User("alice")], MembershipDetails.None, Token));

        await Assert.That(error!.Message).Contains(other.BackendId);
        await Assert.That(error!.Message).Contains(wrong.Uuid.ToString("N"));
        await Assert.That(await SlurmCluster.AssociationsAsync(other.BackendId)).IsEquivalentTo(before, CollectionOrdering.Matching);
    }

    [Test]
    public async Task Terminate_AllocationAlreadyGone_StillRemovesTheNowEmptyProjectAccount()
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend();
        var info = await backend.CreateResourceAsync(scope.Resource("alloc-1"), scope.Id("alloc-1"), UserContext.Empty, Token);
        await SlurmCluster.WriteAsync("remove", "account", "where", $"name={info.BackendId}", $"cluster={scope.Cluster}");

        await backend.DeleteResourceAsync(scope.Resource("alloc-1") with { BackendId = info.BackendId }, "proj-1", Token);

        await Assert.That(await SlurmCluster.AccountRowAsync(scope.Prefix + "proj-1")).IsNull();
        await Assert.That(await SlurmCluster.AccountRowAsync(scope.Prefix + "org-a")).IsNotNull();
    }

    [Test]
    public async Task WhyIdIsTaken_ParentIdsAndExistingAccountsAreTakenAFreeIdIsNot()
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend();
        var resource = scope.Resource("alloc-1");
        var info = await backend.CreateResourceAsync(resource, scope.Id("alloc-1"), UserContext.Empty, Token);

        await Assert.That(await backend.WhyIdIsTakenAsync(resource, scope.Prefix + "proj-1", Token)).Contains("project account of project proj-1");
        await Assert.That(await backend.WhyIdIsTakenAsync(resource, scope.Prefix + "org-a", Token)).Contains("customer account of customer org-a");
        await Assert.That(await backend.WhyIdIsTakenAsync(resource, info.BackendId, Token)).Contains("already exists");
        await Assert.That(await backend.WhyIdIsTakenAsync(resource, scope.Id("alloc-9"), Token)).IsNull();
    }

    [Test]
    public async Task Create_FailingBeforeTheAllocationExists_IsResourceNotCreatedWithSacctmgrsMessage()
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend(o => o with { RootAccount = scope.Prefix + "noroot" });

        var error = await Assert.ThrowsExactlyAsync<ResourceNotCreatedException>(() =>
            backend.CreateResourceAsync(scope.Resource("alloc-1"), scope.Id("alloc-1"), UserContext.Empty, Token));

        await Assert.That(error!.Message).Contains("doesn't exist");
        await Assert.That(await SlurmCluster.AccountRowAsync(scope.Id("alloc-1"))).IsNull();
    }

    [Test]
    public async Task ApplyLimits_UpdateKeepsCapsTheResourceDoesNotSet_RestoreLiftsThem()
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend();
        var resource = scope.Resource("alloc-1");
        var info = await backend.CreateResourceAsync(resource, scope.Id("alloc-1"), UserContext.Empty, Token);
        resource = resource with { BackendId = info.BackendId };
        await SlurmCluster.WriteAsync("modify", "account", info.BackendId, $"cluster={scope.Cluster}", "set", "GrpTRESMins=gres/gpu=120");

        await backend.ApplyResourceLimitsAsync(resource with { Limits = new Dictionary<string, decimal> { ["cpu"] = 20 } }, LimitReapplication.Update, Token);
        await Assert.That((await SlurmCluster.AccountRowAsync(info.BackendId))![3]).IsEqualTo("cpu=1200,gres/gpu=120,mem=10G");

        await backend.ApplyResourceLimitsAsync(resource, LimitReapplication.Restore, Token);
        await Assert.That((await SlurmCluster.AccountRowAsync(info.BackendId))![3]).IsEqualTo("cpu=600,mem=10G");
    }
}
