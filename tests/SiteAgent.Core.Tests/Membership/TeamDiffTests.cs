using SiteAgent.Backends.Model;
using SiteAgent.Core.Membership;

namespace SiteAgent.Core.Tests.Membership;

public sealed class TeamDiffTests
{
    private static TeamMember Member(string username) => new(Guid.NewGuid(), username + "@example.org", username, username + "@example.org", "PROJECT.MEMBER", username, "OK");

    private static readonly TeamMember NoUsername = new(Guid.NewGuid(), "new@example.org", "New", "new@example.org", "PROJECT.MEMBER", string.Empty, "Requested");

    [Test]
    public async Task Compute_ExistingNewStale_IgnoringCase_MembersWithoutUsernameLeftOut()
    {
        var diff = TeamDiff.Compute([Member("Alice.Smith"), Member("bob"), NoUsername], ["alice.smith", "carol", "svc-robot"], new HashSet<string> { "svc-robot" }, restricted: false);

        await Assert.That(diff.Existing).IsEquivalentTo(["Alice.Smith"], CollectionOrdering.Matching);
        await Assert.That(diff.New).IsEquivalentTo(["bob"], CollectionOrdering.Matching);
        // carol left the team; the service account is not a member but belongs there.
        await Assert.That(diff.Stale).IsEquivalentTo(["carol"], CollectionOrdering.Matching);
    }

    [Test]
    public async Task Quirk_RestrictedResource_RemovesFormerMembersToo()
    {
        // The reference removed only current members (present in team and backend) and left carol in place.
        var diff = TeamDiff.Compute([Member("alice")], ["alice", "carol", "svc-robot"], new HashSet<string> { "svc-robot" }, restricted: true);

        await Assert.That(diff.New).IsEmpty();
        await Assert.That(diff.Existing).IsEmpty();
        await Assert.That(diff.Stale).IsEquivalentTo(["alice", "carol"], CollectionOrdering.Matching);
    }
}
