using SiteAgent.Core.Orders;

namespace SiteAgent.Core.Tests.Orders;

public class BackendIdCandidatesTests
{
    [Fact]
    public void For_ProjectSlugPolicy_GivesBaseThenNumberedLowerCased()
    {
        var candidates = BackendIdCandidates.For("Hpc_", "Climate", 4).ToList();

        Assert.Equal(["hpc_climate", "hpc_climate-0", "hpc_climate-1", "hpc_climate-2"], candidates);
    }

    [Fact]
    public void For_DefaultPolicyRetries_StayOnTheResourceSlug()
    {
        // The reference switched to "<project_slug>-<i>" after a collision even under the default policy.
        var candidates = BackendIdCandidates.For("a_", "alloc-7", 3).ToList();

        Assert.Equal(["a_alloc-7", "a_alloc-7-0", "a_alloc-7-1"], candidates);
    }

    [Theory]
    [InlineData(false, false, 50, 1)]
    [InlineData(true, false, 50, 50)]
    [InlineData(false, true, 7, 7)]
    [InlineData(true, true, 0, 1)]
    public void Attempts_OnlyRetryWhenACandidateCanBeRefused(bool projectSlugPolicy, bool uniquenessCheck, int maxRetries, int expected)
    {
        Assert.Equal(expected, BackendIdCandidates.Attempts(projectSlugPolicy, uniquenessCheck, maxRetries));
    }

    [Theory]
    [InlineData(1, 50, 50)]
    [InlineData(1, 0, 1)]
    [InlineData(7, 3, 7)]
    public void Candidates_TakenOnesArePassedOverWithinTheRetryBudget(int attempts, int maxRetries, int expected)
    {
        Assert.Equal(expected, BackendIdCandidates.Candidates(attempts, maxRetries));
    }
}
