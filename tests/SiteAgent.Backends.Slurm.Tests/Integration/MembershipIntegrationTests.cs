using SiteAgent.Backends.Model;
using SiteAgent.Backends.Slurm.Options;

namespace SiteAgent.Backends.Slurm.Tests.Integration;

[Collection(JobsCollection.Name)]
public class MembershipIntegrationTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<(ClusterScope Scope, SlurmBackend Backend, ResourceRequest Resource)> SetUpAsync(Func<SlurmOptions, SlurmOptions>? options = null)
    {
        var scope = new ClusterScope();
        var backend = scope.Backend(options);
        var resource = scope.Resource("alloc-1");
        var info = await backend.CreateResourceAsync(resource, scope.Id("alloc-1"), UserContext.Empty, Token);
        return (scope, backend, resource with { BackendId = info.BackendId });
    }

    private static async Task<string> DefaultAccountAsync(string user) =>
        (await SlurmCluster.SacctmgrAsync("show", "user", user, "format=User,DefaultAccount")).Trim().Split('|')[1];

    [Fact]
    public async Task AddUsers_CommonPolicy_DefaultAccountIsTheConfiguredOne()
    {
        var (scope, backend, resource) = await SetUpAsync();
        await using var _ = scope;

        var added = await backend.AddUsersAsync(resource, [scope.User("alice"), scope.User("bob")], MembershipDetails.None, Token);

        Assert.Equal([scope.User("alice"), scope.User("bob")], added.Order());
        Assert.Equal([scope.User("alice"), scope.User("bob")], (await backend.Client.ListAccountUsersAsync(resource.BackendId, Token)).Order());
        Assert.Equal("root", await DefaultAccountAsync(scope.User("alice")));
        // Idempotent: the association exists, nothing is added twice.
        Assert.Equal([scope.User("alice")], await backend.AddUsersAsync(resource, [scope.User("alice")], MembershipDetails.None, Token));
        var pulled = await backend.PullResourceAsync(resource, Token);
        Assert.Equal([scope.User("alice"), scope.User("bob")], pulled!.Users.Order());
    }

    [Fact]
    public async Task AddUsers_IndividualPolicy_DefaultAccountIsTheAllocation()
    {
        var (scope, backend, resource) = await SetUpAsync(o => o with { DefaultAccountPolicy = DefaultAccountPolicy.Individual });
        await using var _ = scope;

        await backend.AddUsersAsync(resource, [scope.User("carol")], MembershipDetails.None, Token);

        Assert.Equal(resource.BackendId, await DefaultAccountAsync(scope.User("carol")));
    }

    [Fact]
    public async Task AddUsers_NonePolicy_LeavesAnExistingDefaultAlone()
    {
        var (scope, backend, resource) = await SetUpAsync(o => o with { DefaultAccountPolicy = DefaultAccountPolicy.None });
        await using var _ = scope;
        var other = scope.Resource("alloc-2");
        var otherInfo = await scope.Backend(o => o with { DefaultAccountPolicy = DefaultAccountPolicy.Individual }).CreateResourceAsync(other, scope.Id("alloc-2"), UserContext.Empty, Token);
        await scope.Backend(o => o with { DefaultAccountPolicy = DefaultAccountPolicy.Individual }).AddUsersAsync(other with { BackendId = otherInfo.BackendId }, [scope.User("dave")], MembershipDetails.None, Token);

        await backend.AddUsersAsync(resource, [scope.User("dave")], MembershipDetails.None, Token);

        Assert.Equal(otherInfo.BackendId, await DefaultAccountAsync(scope.User("dave")));
        Assert.Contains(scope.User("dave"), await backend.Client.ListAccountUsersAsync(resource.BackendId, Token));
    }

    [Fact]
    public async Task AddUsers_DefaultPartition_CreatesAPartitionAssociation()
    {
        var (scope, backend, resource) = await SetUpAsync(o => o with { DefaultPartition = "debug" });
        await using var _ = scope;

        await backend.AddUsersAsync(resource, [scope.User("erin")], MembershipDetails.None, Token);

        var rows = await SlurmCluster.SacctmgrAsync("show", "association", "where", $"account={resource.BackendId}", $"user={scope.User("erin")}", $"cluster={scope.Cluster}", "format=User,Partition");
        Assert.Equal($"{scope.User("erin")}|debug", rows.Trim());
    }

    [Fact]
    public async Task RemoveUsers_RemovesTheAssociation_AbsentIsSuccess()
    {
        var (scope, backend, resource) = await SetUpAsync();
        await using var _ = scope;
        await backend.AddUsersAsync(resource, [scope.User("frank"), scope.User("gina")], MembershipDetails.None, Token);

        var removed = await backend.RemoveUsersAsync(resource, [scope.User("frank"), scope.User("nobody-here")], MembershipDetails.None, Token);

        Assert.Equal([scope.User("frank"), scope.User("nobody-here")], removed.Order());
        Assert.Equal([scope.User("gina")], await backend.Client.ListAccountUsersAsync(resource.BackendId, Token));
    }

    [Fact]
    public async Task RemoveUsers_WithRunningJob_CancelsItFirst()
    {
        var (scope, backend, resource) = await SetUpAsync();
        await using var _ = scope;
        await backend.SetResourceLimitsAsync(resource, new Dictionary<string, decimal> { ["cpu"] = 1000 }, Token);
        await backend.AddUsersAsync(resource, ["root"], MembershipDetails.None, Token);
        var job = await Jobs.SubmitAsync(resource.BackendId, "sleep 300");
        await Jobs.WaitForStateAsync(job, "RUNNING");

        var removed = await backend.RemoveUsersAsync(resource, ["root"], MembershipDetails.None, Token);

        Assert.Equal(["root"], removed);
        Assert.StartsWith("CANCELLED", await Jobs.StateAsync(job), StringComparison.Ordinal);
        Assert.DoesNotContain("root", await backend.Client.ListAccountUsersAsync(resource.BackendId, Token));
    }

    [Fact]
    public async Task AddUsers_EmptyBackendId_Throws()
    {
        await using var scope = new ClusterScope();

        var error = await Assert.ThrowsAsync<BackendException>(() => scope.Backend().AddUsersAsync(scope.Resource("x"), ["a"], MembershipDetails.None, Token));

        Assert.Equal("Empty backend ID for resource", error.Message);
    }

    [Fact]
    public async Task HomeDirectories_ExistingUnderBasePath_AreSkipped_UnknownUserFailureIsOnlyLogged()
    {
        await using var scope = new ClusterScope();
        using var home = new Support.TempDirectory();
        Directory.CreateDirectory(Path.Combine(home.Path, "existing"));
        var backend = scope.Backend(common: c => c with { HomedirBasePath = home.Path });

        await backend.CreateHomeDirectoriesAsync(["existing", scope.User("nosuchuser"), "../etc"], "0077", Token);

        var helper = Assert.Single(scope.Runner.Commands);
        Assert.Equal("/sbin/mkhomedir_helper", helper.Program);
        Assert.Equal([scope.User("nosuchuser"), "0077"], helper.Arguments);
    }

    [Fact]
    public void PosixUsers_Lookup_RootAndMissing()
    {
        Assert.Equal(PosixUserLookup.Found, PosixUsers.Lookup("root", out var home));
        Assert.Equal("/root", home);
        Assert.Equal(PosixUserLookup.NotFound, PosixUsers.Lookup("no_such_user_xyz", out _));
    }

    [Fact]
    public void HomePath_OutsideTheBase_IsRefused()
    {
        Assert.Equal("/home/alice", SlurmBackend.HomePath("/home/", "alice"));
        Assert.Throws<UnsafeValueException>(() => SlurmBackend.HomePath("/home", ".."));
        Assert.Throws<UnsafeValueException>(() => SlurmBackend.HomePath("/home", "a/../../etc"));
    }
}
