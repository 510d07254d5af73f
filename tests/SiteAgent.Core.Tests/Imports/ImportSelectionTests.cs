using SiteAgent.Backends.Model;
using SiteAgent.Core.Imports;

namespace SiteAgent.Core.Tests.Imports;

/// <summary>Which backend resources are offered for import, and which values are kept out of Waldur queries.</summary>
public class ImportSelectionTests
{
    private static BackendResourceInfo Listed(string id, string parent) => new() { BackendId = id, ParentId = parent };

    private static readonly HashSet<string> Known = new(["hpc_known"], StringComparer.OrdinalIgnoreCase);

    [Test]
    public async Task From_UnknownUnderPrefix_BecomesCandidateWithTheSlugAfterThePrefix()
    {
        var selection = ImportSelection.From([Listed("hpc_alloc-1", "hpc_proj-1"), Listed("HPC_KNOWN", "hpc_proj-1"), Listed("other", "site_group")], Known, "hpc_");

        var candidate = await Assert.That(selection.Candidates).HasSingleItem();
        await Assert.That((candidate!.Resource.BackendId, candidate.ProjectSlug)).IsEqualTo(("hpc_alloc-1", "proj-1"));
        await Assert.That((selection.Known, selection.OutsidePrefix, selection.Rejected.Count)).IsEqualTo((1, 1, 0));
    }

    [Test]
    public async Task From_PrefixMatchIgnoresCase()
    {
        var selection = ImportSelection.From([Listed("hpc_alloc-1", "hpc_proj-1")], Known, "HPC_");

        await Assert.That(selection.Candidates.Single().ProjectSlug).IsEqualTo("proj-1");
    }

    [Test]
    public async Task From_EmptyPrefix_TheWholeParentIdIsTheSlug()
    {
        var selection = ImportSelection.From([Listed("alloc", "proj_7")], Known, string.Empty);

        await Assert.That(selection.Candidates.Single().ProjectSlug).IsEqualTo("proj_7");
    }

    [Test]
    [Arguments("hpc_", "the project slug")]
    [Arguments("hpc_a&b=c", "may only hold letters, digits")]
    [Arguments("hpc_-x", "not start with '-'")]
    [Arguments("hpc_p 1", "may only hold letters, digits")]
    [Arguments("hpc_p\n1", "may only hold letters, digits")]
    public async Task From_SlugThatCannotGoIntoAQuery_IsRejectedWithTheReason(string parent, string reason)
    {
        var selection = ImportSelection.From([Listed("hpc_alloc-1", parent)], Known, "hpc_");

        await Assert.That(selection.Candidates).IsEmpty();
        var rejected = await Assert.That(selection.Rejected).HasSingleItem();
        await Assert.That(rejected!.BackendId).IsEqualTo("hpc_alloc-1");
        await Assert.That(rejected.Reason).Contains(reason);
        await Assert.That(rejected.Reason).DoesNotContain("\n");
    }

    [Test]
    [Arguments("")]
    [Arguments("a/../b")]
    [Arguments("-rf")]
    [Arguments("x?backend_id=y")]
    public async Task From_BackendIdThatCannotGoIntoAQuery_IsRejected(string id)
    {
        var selection = ImportSelection.From([Listed(id, "hpc_proj-1")], Known, "hpc_");

        await Assert.That(selection.Candidates).IsEmpty();
        await Assert.That(selection.Rejected.Single().Reason).Contains("backend id");
    }

    [Test]
    public async Task Refusal_OverLongValue_NamesTheLength()
    {
        await Assert.That(ImportSelection.Refusal("project slug", new string('a', 256))).IsEqualTo("the project slug has 256 characters; at most 255 are accepted");
        await Assert.That(ImportSelection.Refusal("project slug", new string('a', 255))).IsNull();
    }
}
