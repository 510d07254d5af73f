using Microsoft.Extensions.Logging.Abstractions;
using SiteAgent.Backends.Model;
using SiteAgent.Backends.Slurm.Options;
using SiteAgent.Backends.Slurm.Tests.Support;
using static SiteAgent.Backends.Slurm.Tests.Backend.LimitsTests;

namespace SiteAgent.Backends.Slurm.Tests.Backend;

/// <summary>The cluster's accounts as importable resources, on recorded-format outputs.</summary>
public class ResourceListingTests
{
    private static CancellationToken Token => TestContext.Current!.Execution.CancellationToken;

    /// <summary>The account-level rows of the recorded accounts on this cluster (hpc_alloc-2 has no association here).</summary>
    private const string Associations = """
        hpc_alloc-1|hpc_proj-1|||cpu=600000,mem=600G|||normal|
        hpc_alloc-1|hpc_proj-1|alice|||||normal|
        hpc_org-a|root||||||normal|
        hpc_proj-1|hpc_org-a||||||normal|
        hpc_noorg|hpc_proj-2|||cpu=120000,billing=NONE|||normal|
        root|||||||normal|

        """;

    private const string Records = """
        hpc_alloc-1|allocation one|hpc_proj-1
        hpc_alloc-2|allocation two|hpc_proj-1
        hpc_org-a|org a|hpc_org-a
        hpc_proj-1|project one|hpc_proj-1
        hpc_noorg|made by hand|
        bad name|a space in the name|hpc_proj-1
        root|default root account|root

        """;

    private static SlurmBackend Backend(ReplayRunner runner) => new(
        new SlurmOptions { ClusterName = "testcluster" },
        new BackendContext
        {
            OfferingName = "listing-tests",
            OfferingUuid = Guid.NewGuid(),
            Components = [Component("cpu", AccountingType.Limit, 60000), Component("mem", AccountingType.Usage, 61440)],
            Common = Settings.CommonBackendSettings.Default,
            Commands = runner,
            LoggerFactory = NullLoggerFactory.Instance,
            TimeZone = TimeZoneInfo.Utc,
            DryRun = true,
        });

    [Test]
    public async Task ListResources_AllocationsWithParentAndWaldurLimits_ContainersAndForeignRecordsLeftOut()
    {
        var runner = new ReplayRunner().OnText(["list", "account"], Records).OnText([SlurmParser.AssociationsFormat], Associations);

        var resources = await Backend(runner).ListResourcesAsync(Token);

        // The customer, project and root accounts name themselves as organization: containers, not resources.
        // hpc_alloc-2 has only an account record, no association on this cluster; "bad name" is not a SLURM account id.
        await Assert.That(resources.Select(r => r.BackendId)).IsEquivalentTo(["hpc_alloc-1", "hpc_noorg"], CollectionOrdering.Matching);
        var allocation = resources[0];
        await Assert.That(allocation.ParentId).IsEqualTo("hpc_proj-1");
        await Assert.That(allocation.Limits).IsEquivalentTo(new Dictionary<string, decimal> { ["cpu"] = 10, ["mem"] = 10 });
        // Without an organization the parent in the tree is the parent id; an unreadable TRES is skipped.
        await Assert.That(resources[1].ParentId).IsEqualTo("hpc_proj-2");
        await Assert.That(resources[1].Limits).IsEquivalentTo(new Dictionary<string, decimal> { ["cpu"] = 2 });
    }

    [Test]
    public async Task ListResources_TwoReadsInAll_NoWrite()
    {
        var runner = new ReplayRunner().OnText(["list", "account"], Records).OnText([SlurmParser.AssociationsFormat], Associations);

        await Backend(runner).ListResourcesAsync(Token);

        await Assert.That(runner.Commands.Count).IsEqualTo(2);
        await Assert.That(runner.Commands.All(c => c.Effect == SiteAgent.Backends.Commands.CommandEffect.Read)).IsTrue();
        await Assert.That(runner.Lines.Last()).Contains("where account=hpc_alloc-1,hpc_alloc-2,hpc_org-a,hpc_proj-1,hpc_noorg,root cluster=testcluster");
        await Assert.That(runner.Lines.Last()).DoesNotContain("bad");
    }
}
