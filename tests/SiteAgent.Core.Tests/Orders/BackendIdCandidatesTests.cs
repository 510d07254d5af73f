using SiteAgent.Core.Orders;

namespace SiteAgent.Core.Tests.Orders;

public class BackendIdCandidatesTests
{
    [Test]
    public async Task For_ProjectSlugPolicy_GivesBaseThenNumberedLowerCased()
    {
        var candidates = BackendIdCandidates.For("Hpc_", "Climate", 4).ToList();

        await Assert.That(candidates).IsEquivalentTo(["hpc_climate", "hpc_climate-0", "hpc_climate-1", "hpc_climate-2"], CollectionOrdering.Matching);
    }

    [Test]
    public async Task For_DefaultPolicyRetries_StayOnTheResourceSlug()
    {
        // The reference switched to "<project_slug>-<i>" after a collision even under the default policy.
        var candidates = BackendIdCandidates.For("a_", "alloc-7", 3).ToList();

        await Assert.That(candidates).IsEquivalentTo(["a_alloc-7", "a_alloc-7-0", "a_alloc-7-1"], CollectionOrdering.Matching);
    }

    [Test]
    [Arguments(false, false, 50, 1)]
    [Arguments(true, false, 50, 50)]
    [Arguments(false, true, 7, 7)]
    [Arguments(true, true, 0, 1)]
    public async Task Attempts_OnlyRetryWhenACandidateCanBeRefused(bool projectSlugPolicy, bool uniquenessCheck, int maxRetries, int expected)
    {
        await Assert.That(BackendIdCandidates.Attempts(projectSlugPolicy, uniquenessCheck, maxRetries)).IsEqualTo(expected);
    }
}
