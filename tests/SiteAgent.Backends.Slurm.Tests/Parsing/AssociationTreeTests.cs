using SiteAgent.Backends.Slurm.Tests.Support;

namespace SiteAgent.Backends.Slurm.Tests.Parsing;

/// <summary>The association tree read of diagnostics and drift: orphaned associations (their parent is gone) and the accounts under a root.</summary>
public class AssociationTreeTests
{
    [Test]
    public async Task HealthyTree_HasNoOrphans_AndListsTheAccountsBelowRoot()
    {
        var tree = SlurmParser.ParseAssociationTree(Fixture.Text("sacctmgr-association-tree.txt"));

        await Assert.That(tree.Count).IsEqualTo(13);
        await Assert.That(tree[0]).IsEqualTo(new TreeAssociation(1, 0, "root", string.Empty));
        await Assert.That(tree[5]).IsEqualTo(new TreeAssociation(3728, 3727, "demo_a_climate", "alice"));
        await Assert.That(AssociationTree.Orphans(tree)).IsEmpty();
        await Assert.That(AssociationTree.AccountsBelow(tree, "root").Order()).IsEquivalentTo(
            new[] { "demo_a_climate", "demo_a_climate-0", "demo_a_climate-1", "demo_c_rocket-research", "demo_p_climate" }, CollectionOrdering.Matching);
        await Assert.That(AssociationTree.AccountsBelow(tree, "demo_p_climate")).Count().IsEqualTo(3);
        await Assert.That(AssociationTree.AccountsBelow(tree, "no_such_account")).IsEmpty();
    }

    [Test]
    public async Task RemovedParent_ItsChildrenAreReportedAsOrphans()
    {
        var tree = SlurmParser.ParseAssociationTree(Fixture.Text("sacctmgr-association-tree-orphans.txt"));

        var orphans = AssociationTree.Orphans(tree);

        await Assert.That(orphans.Select(o => (o.Id, o.ParentId, o.Account))).IsEquivalentTo(
            new[] { (3727L, 3726L, "demo_a_climate"), (3730L, 3726L, "demo_a_climate-0"), (3733L, 3726L, "demo_a_climate-1") }, CollectionOrdering.Matching);
        // The accounts below the lost project are no longer reachable from root.
        await Assert.That(AssociationTree.AccountsBelow(tree, "root")).IsEquivalentTo(new[] { "demo_c_rocket-research" });
    }

    [Test]
    public async Task BannersAndShortLines_AreSkipped() =>
        await Assert.That(SlurmParser.ParseAssociationTree("sacctmgr: warning: something\n\n12|x|acct|\n7|1|acct|u\n")).IsEquivalentTo(new[] { new TreeAssociation(7, 1, "acct", "u") });
}
