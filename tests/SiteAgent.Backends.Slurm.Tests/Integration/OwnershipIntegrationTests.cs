using SiteAgent.Backends.Model;

namespace SiteAgent.Backends.Slurm.Tests.Integration;

/// <summary>
/// Only an allocation account under the resource's own project account is the resource's own; nothing
/// else is limited, emptied or removed. The scope uses one prefix for every level, as many sites do.
/// </summary>
public class OwnershipIntegrationTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ownership_OwnAllocationAbsentProjectAndForeignProjectAccounts()
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend();
        var info = await backend.CreateResourceAsync(scope.Resource("alloc-1"), scope.Id("alloc-1"), UserContext.Empty, Token);
        await backend.CreateResourceAsync(scope.Resource("alloc-2", project: "proj-2"), scope.Id("alloc-2"), UserContext.Empty, Token);

        Assert.Equal(OwnershipState.Owned, (await backend.CheckOwnershipAsync(scope.Resource("x") with { BackendId = info.BackendId }, Token)).State);
        Assert.Equal(OwnershipState.Absent, (await backend.CheckOwnershipAsync(scope.Resource("x") with { BackendId = scope.Id("ghost") }, Token)).State);
        var project = await backend.CheckOwnershipAsync(scope.Resource("x") with { BackendId = scope.Prefix + "proj-1" }, Token);
        Assert.Equal(OwnershipState.NotOwned, project.State);
        Assert.Contains("project account of this resource", project.Reason, StringComparison.Ordinal);
        var customer = await backend.CheckOwnershipAsync(scope.Resource("x") with { BackendId = scope.Prefix + "org-a" }, Token);
        Assert.Contains("customer account of this resource", customer.Reason, StringComparison.Ordinal);
        var otherProject = await backend.CheckOwnershipAsync(scope.Resource("x", project: "proj-3") with { BackendId = scope.Prefix + "proj-2" }, Token);
        Assert.Contains($"accounts live under it ({scope.Id("alloc-2")})", otherProject.Reason, StringComparison.Ordinal);
        var elsewhere = await backend.CheckOwnershipAsync(scope.Resource("x") with { BackendId = scope.Id("alloc-2") }, Token);
        Assert.Contains($"it lives under {scope.Prefix}proj-2, not under this resource's project account {scope.Prefix}proj-1", elsewhere.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Terminate_BackendIdOfTheProjectAccount_RemovesNothing()
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend();
        var sibling = await backend.CreateResourceAsync(scope.Resource("alloc-1"), scope.Id("alloc-1"), UserContext.Empty, Token);
        await backend.AddUsersAsync(scope.Resource("alloc-1") with { BackendId = sibling.BackendId }, [scope.User("alice")], MembershipDetails.None, Token);
        var before = await SlurmCluster.AssociationsAsync(sibling.BackendId);

        await backend.DeleteResourceAsync(scope.Resource("same") with { BackendId = scope.Prefix + "proj-1" }, "proj-1", Token);

        Assert.NotNull(await SlurmCluster.AccountRowAsync(scope.Prefix + "proj-1"));
        Assert.Equal(before, await SlurmCluster.AssociationsAsync(sibling.BackendId));
    }

    [Fact]
    public async Task Terminate_AllocationOfAnotherProject_RemovesNothing()
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend();
        var other = await backend.CreateResourceAsync(scope.Resource("alloc-2", project: "proj-2"), scope.Id("alloc-2"), UserContext.Empty, Token);

        await backend.DeleteResourceAsync(scope.Resource("alloc-2") with { BackendId = other.BackendId }, "proj-1", Token);

        Assert.Equal(scope.Prefix + "proj-2", (await SlurmCluster.AccountRowAsync(other.BackendId))![1]);
    }

    [Fact]
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

        await Assert.ThrowsAsync<NotOwnedException>(() => backend.SetResourceLimitsAsync(wrong, new Dictionary<string, decimal> { ["cpu"] = 1 }, Token));
        await Assert.ThrowsAsync<NotOwnedException>(() => backend.ApplyResourceLimitsAsync(wrong, LimitReapplication.Restore, Token));
        await Assert.ThrowsAsync<NotOwnedException>(() => backend.PauseResourceAsync(wrong, Token));
        await Assert.ThrowsAsync<NotOwnedException>(() => backend.RestoreResourceAsync(wrong, Token));
        var error = await Assert.ThrowsAsync<NotOwnedException>(() => backend.RemoveUsersAsync(wrong, [scope.User("alice")], MembershipDetails.None, Token));

        Assert.Contains(other.BackendId, error.Message, StringComparison.Ordinal);
        Assert.Contains(wrong.Uuid.ToString("N"), error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await SlurmCluster.AssociationsAsync(other.BackendId));
    }

    [Fact]
    public async Task Terminate_AllocationAlreadyGone_StillRemovesTheNowEmptyProjectAccount()
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend();
        var info = await backend.CreateResourceAsync(scope.Resource("alloc-1"), scope.Id("alloc-1"), UserContext.Empty, Token);
        await SlurmCluster.WriteAsync("remove", "account", "where", $"name={info.BackendId}", $"cluster={scope.Cluster}");

        await backend.DeleteResourceAsync(scope.Resource("alloc-1") with { BackendId = info.BackendId }, "proj-1", Token);

        Assert.Null(await SlurmCluster.AccountRowAsync(scope.Prefix + "proj-1"));
        Assert.NotNull(await SlurmCluster.AccountRowAsync(scope.Prefix + "org-a"));
    }

    [Fact]
    public async Task WhyIdIsTaken_ParentIdsAndExistingAccountsAreTakenAFreeIdIsNot()
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend();
        var resource = scope.Resource("alloc-1");
        var info = await backend.CreateResourceAsync(resource, scope.Id("alloc-1"), UserContext.Empty, Token);

        Assert.Contains("project account of project proj-1", (await backend.WhyIdIsTakenAsync(resource, scope.Prefix + "proj-1", Token))!);
        Assert.Contains("customer account of customer org-a", (await backend.WhyIdIsTakenAsync(resource, scope.Prefix + "org-a", Token))!);
        Assert.Contains("already exists", (await backend.WhyIdIsTakenAsync(resource, info.BackendId, Token))!);
        Assert.Null(await backend.WhyIdIsTakenAsync(resource, scope.Id("alloc-9"), Token));
    }

    [Fact]
    public async Task Create_FailingBeforeTheAllocationExists_IsResourceNotCreatedWithSacctmgrsMessage()
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend(o => o with { RootAccount = scope.Prefix + "noroot" });

        var error = await Assert.ThrowsAsync<ResourceNotCreatedException>(() =>
            backend.CreateResourceAsync(scope.Resource("alloc-1"), scope.Id("alloc-1"), UserContext.Empty, Token));

        Assert.Contains("doesn't exist", error.Message, StringComparison.Ordinal);
        Assert.Null(await SlurmCluster.AccountRowAsync(scope.Id("alloc-1")));
    }

    [Fact]
    public async Task ApplyLimits_UpdateKeepsCapsTheResourceDoesNotSet_RestoreLiftsThem()
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend();
        var resource = scope.Resource("alloc-1");
        var info = await backend.CreateResourceAsync(resource, scope.Id("alloc-1"), UserContext.Empty, Token);
        resource = resource with { BackendId = info.BackendId };
        await SlurmCluster.WriteAsync("modify", "account", info.BackendId, $"cluster={scope.Cluster}", "set", "GrpTRESMins=gres/gpu=120");

        await backend.ApplyResourceLimitsAsync(resource with { Limits = new Dictionary<string, decimal> { ["cpu"] = 20 } }, LimitReapplication.Update, Token);
        Assert.Equal("cpu=1200,gres/gpu=120,mem=10G", (await SlurmCluster.AccountRowAsync(info.BackendId))![3]);

        await backend.ApplyResourceLimitsAsync(resource, LimitReapplication.Restore, Token);
        Assert.Equal("cpu=600,mem=10G", (await SlurmCluster.AccountRowAsync(info.BackendId))![3]);
    }
}
