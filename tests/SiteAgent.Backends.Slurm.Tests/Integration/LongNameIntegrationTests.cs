using SiteAgent.Backends.Model;

namespace SiteAgent.Backends.Slurm.Tests.Integration;

/// <summary>Generated ids longer than 42 characters on the real cluster: shortened, or adopted when the reference made them whole.</summary>
public class LongNameIntegrationTests
{
    private const string LongSlug = "a-waldur-slug-of-fifty-characters-from-a-long-name";

    private static CancellationToken Token => TestContext.Current!.Execution.CancellationToken;

    [Test]
    public async Task Create_LongCustomerProjectAndResourceSlugs_BuildsTheTreeUnderShortenedIds()
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend();
        var resource = scope.Resource(LongSlug, project: LongSlug + "-p", customer: LongSlug + "-c");
        var allocation = backend.BackendIdFor(scope.Id(LongSlug));

        var info = await backend.CreateResourceAsync(resource, allocation, UserContext.Empty, Token);

        var customer = SlurmNames.Shorten(scope.Prefix + LongSlug + "-c");
        var project = SlurmNames.Shorten(scope.Prefix + LongSlug + "-p");
        await Assert.That(info.BackendId).IsEqualTo(allocation);
        foreach (var id in new[] { customer, project, allocation })
        {
            await Assert.That(id.Length).IsEqualTo(42).Because(id);
        }
        await Assert.That((await SlurmCluster.AccountRowAsync(customer))![1]).IsEqualTo("root");
        await Assert.That((await SlurmCluster.AccountRowAsync(project))![1]).IsEqualTo(customer);
        await Assert.That((await SlurmCluster.AccountRowAsync(allocation))![1]).IsEqualTo(project);
        await Assert.That((await SlurmCluster.AccountRowAsync(allocation))![3]).IsEqualTo("cpu=600,mem=10G");
    }

    [Test]
    public async Task Create_ProjectAccountUnderItsFullLongName_IsAdoptedAndNoShortenedTwinIsMade()
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend();
        var fullProject = scope.Prefix + LongSlug;
        await SlurmCluster.WriteAsync("add", "account", scope.Prefix + "org-a", "parent=root", $"cluster={scope.Cluster}");
        await SlurmCluster.WriteAsync("add", "account", fullProject, $"parent={scope.Prefix}org-a", $"cluster={scope.Cluster}");

        var info = await backend.CreateResourceAsync(scope.Resource("alloc-1", project: LongSlug), scope.Id("alloc-1"), UserContext.Empty, Token);

        await Assert.That((await SlurmCluster.AccountRowAsync(info.BackendId))![1]).IsEqualTo(fullProject);
        await Assert.That(await SlurmCluster.AccountRowAsync(SlurmNames.Shorten(fullProject))).IsNull();
    }

    [Test]
    public async Task Create_TwoProjectsSharingTheirFirst42Characters_EachGetsItsOwnProjectAccount()
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend();

        var first = await backend.CreateResourceAsync(scope.Resource("alloc-1", project: LongSlug + "-one"), scope.Id("alloc-1"), UserContext.Empty, Token);
        var second = await backend.CreateResourceAsync(scope.Resource("alloc-2", project: LongSlug + "-two"), scope.Id("alloc-2"), UserContext.Empty, Token);

        var firstProject = (await SlurmCluster.AccountRowAsync(first.BackendId))![1];
        var secondProject = (await SlurmCluster.AccountRowAsync(second.BackendId))![1];
        await Assert.That(secondProject).IsNotEqualTo(firstProject);
        await Assert.That(firstProject).IsEqualTo(SlurmNames.Shorten(scope.Prefix + LongSlug + "-one"));
        await Assert.That(secondProject).IsEqualTo(SlurmNames.Shorten(scope.Prefix + LongSlug + "-two"));
    }

    [Test]
    public async Task Terminate_LastAllocationOfALongNamedProject_RemovesTheShortenedProjectAccount()
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend();
        var resource = scope.Resource("alloc-1", project: LongSlug);
        var info = await backend.CreateResourceAsync(resource, scope.Id("alloc-1"), UserContext.Empty, Token);
        var project = SlurmNames.Shorten(scope.Prefix + LongSlug);
        await Assert.That(await SlurmCluster.AccountRowAsync(project)).IsNotNull();

        await backend.DeleteResourceAsync(resource with { BackendId = info.BackendId }, LongSlug, Token);

        await Assert.That(await SlurmCluster.AccountRowAsync(info.BackendId)).IsNull();
        await Assert.That(await SlurmCluster.AccountRowAsync(project)).IsNull();
        await Assert.That(await SlurmCluster.AccountRowAsync(scope.Prefix + "org-a")).IsNotNull();
    }
}
