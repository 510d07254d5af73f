using SiteAgent.Backends.Model;
using SiteAgent.Core.Membership;

namespace SiteAgent.Core.Tests.Membership;

public sealed class TeamDiffTests
{
    private static TeamMember Member(string username) => new(Guid.NewGuid(), username + "@example.org", username, username + "@example.org", "PROJECT.MEMBER", username, "OK");

    private static readonly TeamMember NoUsername = new(Guid.NewGuid(), "new@example.org", "New", "new@example.org", "PROJECT.MEMBER", string.Empty, "Requested");

    [Fact]
    public void Compute_ExistingNewStale_IgnoringCase_MembersWithoutUsernameLeftOut()
    {
        var diff = TeamDiff.Compute([Member("Alice.Smith"), Member("bob"), NoUsername], ["alice.smith", "carol", "svc-robot"], new HashSet<string> { "svc-robot" }, restricted: false);

        Assert.Equal(["Alice.Smith"], diff.Existing);
        Assert.Equal(["bob"], diff.New);
        // carol left the team; the service account is not a member but belongs there.
        Assert.Equal(["carol"], diff.Stale);
    }

    [Fact]
    public void Quirk_RestrictedResource_RemovesFormerMembersToo()
    {
        // The reference removed only current members (present in team and backend) and left carol in place.
        var diff = TeamDiff.Compute([Member("alice")], ["alice", "carol", "svc-robot"], new HashSet<string> { "svc-robot" }, restricted: true);

        Assert.Empty(diff.New);
        Assert.Empty(diff.Existing);
        Assert.Equal(["alice", "carol"], diff.Stale);
    }
}
