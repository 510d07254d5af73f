using System.IO;
using SiteAgent.Backends.Model;
using SiteAgent.Backends.Slurm.Options;

namespace SiteAgent.Backends.Slurm.Tests.Integration;

[NotInParallel(JobsGroup.Key)]
public class MembershipIntegrationTests
{
    private static CancellationToken Token => TestContext.Current!.Execution.CancellationToken;

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

    [Test]
    public async Task AddUsers_CommonPolicy_DefaultAccountIsTheConfiguredOne()
    {
        var (scope, backend, resource) = await SetUpAsync();
        await using var _ = scope;

        var added = await backend.AddUsersAsync(resource, [scope.User("alice"), scope.User("bob")], MembershipDetails.None, Token);

        await Assert.That(added.Order()).IsEquivalentTo([scope.User("alice"), scope.User("bob")], CollectionOrdering.Matching);
        await Assert.That((await backend.Client.ListAccountUsersAsync(resource.BackendId, Token)).Order()).IsEquivalentTo([scope.User("alice"), scope.User("bob")], CollectionOrdering.Matching);
        await Assert.That(await DefaultAccountAsync(scope.User("alice"))).IsEqualTo("root");
        // Idempotent: the association exists, nothing is added twice.
        await Assert.That(await backend.AddUsersAsync(resource, [scope.User("alice")], MembershipDetails.None, Token)).IsEquivalentTo([scope.User("alice")], CollectionOrdering.Matching);
        var pulled = await backend.PullResourceAsync(resource, Token);
        await Assert.That(pulled!.Users.Order()).IsEquivalentTo([scope.User("alice"), scope.User("bob")], CollectionOrdering.Matching);
    }

    [Test]
    public async Task AddUsers_IndividualPolicy_DefaultAccountIsTheAllocation()
    {
        var (scope, backend, resource) = await SetUpAsync(o => o with { DefaultAccountPolicy = DefaultAccountPolicy.Individual });
        await using var _ = scope;

        await backend.AddUsersAsync(resource, [scope.User("carol")], MembershipDetails.None, Token);

        await Assert.That(await DefaultAccountAsync(scope.User("carol"))).IsEqualTo(resource.BackendId);
    }

    [Test]
    public async Task AddUsers_NonePolicy_LeavesAnExistingDefaultAlone()
    {
        var (scope, backend, resource) = await SetUpAsync(o => o with { DefaultAccountPolicy = DefaultAccountPolicy.None });
        await using var _ = scope;
        var other = scope.Resource("alloc-2");
        var otherInfo = await scope.Backend(o => o with { DefaultAccountPolicy = DefaultAccountPolicy.Individual }).CreateResourceAsync(other, scope.Id("alloc-2"), UserContext.Empty, Token);
        await scope.Backend(o => o with { DefaultAccountPolicy = DefaultAccountPolicy.Individual }).AddUsersAsync(other with { BackendId = otherInfo.BackendId }, [scope.User("dave")], MembershipDetails.None, Token);

        await backend.AddUsersAsync(resource, [scope.User("dave")], MembershipDetails.None, Token);

        await Assert.That(await DefaultAccountAsync(scope.User("dave"))).IsEqualTo(otherInfo.BackendId);
        await Assert.That(await backend.Client.ListAccountUsersAsync(resource.BackendId, Token)).Contains(scope.User("dave"));
    }

    [Test]
    public async Task AddUsers_DefaultPartition_CreatesAPartitionAssociation()
    {
        var (scope, backend, resource) = await SetUpAsync(o => o with { DefaultPartition = "debug" });
        await using var _ = scope;

        await backend.AddUsersAsync(resource, [scope.User("erin")], MembershipDetails.None, Token);

        var rows = await SlurmCluster.SacctmgrAsync("show", "association", "where", $"account={resource.BackendId}", $"user={scope.User("erin")}", $"cluster={scope.Cluster}", "format=User,Partition");
        await Assert.That(rows.Trim()).IsEqualTo($"{scope.User("erin")}|debug");
    }

    [Test]
    public async Task RemoveUsers_RemovesTheAssociation_AbsentIsSuccess()
    {
        var (scope, backend, resource) = await SetUpAsync();
        await using var _ = scope;
        await backend.AddUsersAsync(resource, [scope.User("frank"), scope.User("gina")], MembershipDetails.None, Token);

        var removed = await backend.RemoveUsersAsync(resource, [scope.User("frank"), scope.User("nobody-here")], MembershipDetails.None, Token);

        await Assert.That(removed.Order()).IsEquivalentTo([scope.User("frank"), scope.User("nobody-here")], CollectionOrdering.Matching);
        await Assert.That(await backend.Client.ListAccountUsersAsync(resource.BackendId, Token)).IsEquivalentTo([scope.User("gina")], CollectionOrdering.Matching);
    }

    [Test]
    public async Task RemoveUsers_WithRunningJob_CancelsItFirst()
    {
        var (scope, backend, resource) = await SetUpAsync();
        await using var _ = scope;
        await backend.SetResourceLimitsAsync(resource, new Dictionary<string, decimal> { ["cpu"] = 1000 }, Token);
        await backend.AddUsersAsync(resource, ["root"], MembershipDetails.None, Token);
        var job = await Jobs.SubmitAsync(resource.BackendId, "sleep 300");
        await Jobs.WaitForStateAsync(job, "RUNNING");

        var removed = await backend.RemoveUsersAsync(resource, ["root"], MembershipDetails.None, Token);

        await Assert.That(removed).IsEquivalentTo(["root"], CollectionOrdering.Matching);
        await Assert.That(await Jobs.StateAsync(job)).StartsWith("CANCELLED");
        await Assert.That(await backend.Client.ListAccountUsersAsync(resource.BackendId, Token)).DoesNotContain("root");
    }

    [Test]
    public async Task AddUsers_EmptyBackendId_Throws()
    {
        await using var scope = new ClusterScope();

        var error = await Assert.ThrowsExactlyAsync<BackendException>(() => scope.Backend().AddUsersAsync(scope.Resource("x"), ["a"], MembershipDetails.None, Token));

        await Assert.That(error!.Message).IsEqualTo("Empty backend ID for resource");
    }

    [Test]
    public async Task HomeDirectories_ExistingUnderBasePath_AreSkipped_UnknownUserFailureIsOnlyLogged()
    {
        await using var scope = new ClusterScope();
        using var home = new Support.TempDirectory();
        Directory.CreateDirectory(Path.Combine(home.Path, "existing"));
        var backend = scope.Backend(common: c => c with { HomedirBasePath = home.Path });

        await backend.CreateHomeDirectoriesAsync(["existing", scope.User("nosuchuser"), "../etc"], "0077", Token);

        var helper = await Assert.That(scope.Runner.Commands).HasSingleItem();
        await Assert.That(helper.Program).IsEqualTo("/sbin/mkhomedir_helper");
        await Assert.That(helper.Arguments).IsEquivalentTo([scope.User("nosuchuser"), "0077"], CollectionOrdering.Matching);
    }

    [Test]
    public async Task PosixUsers_Lookup_RootAndMissing()
    {
        await Assert.That(PosixUsers.Lookup("root", out var home)).IsEqualTo(PosixUserLookup.Found);
        await Assert.That(home).IsEqualTo("/root");
        await Assert.That(PosixUsers.Lookup("no_such_user_xyz", out _)).IsEqualTo(PosixUserLookup.NotFound);
    }

    [Test]
    public async Task HomePath_OutsideTheBase_IsRefused()
    {
        await Assert.That(SlurmBackend.HomePath("/home/", "alice")).IsEqualTo("/home/alice");
        Assert.ThrowsExactly<UnsafeValueException>(() => SlurmBackend.HomePath("/home", ".."));
        Assert.ThrowsExactly<UnsafeValueException>(() => SlurmBackend.HomePath("/home", "a/../../etc"));
    }
}
