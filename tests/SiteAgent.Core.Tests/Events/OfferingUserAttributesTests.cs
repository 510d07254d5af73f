using System.Text;
using SiteAgent.Backends.Capabilities;
using SiteAgent.Backends.Slurm;
using SiteAgent.Core.Events;
using SiteAgent.Core.Events.Handlers;
using SiteAgent.Core.Tests.Orders;

namespace SiteAgent.Core.Tests.Events;

/// <summary><c>offering_user</c> <c>create</c>/<c>attribute_update</c>: attributes reach a membership backend that keeps them.</summary>
public class OfferingUserAttributesTests
{
    private const string MembershipOnMemory = "\n    membership_sync_backend: \"memory\"";

    private static Task HandleAsync(OrderWorld world, EventServices services, string json) =>
        new OfferingUserEventHandler(services).HandleAsync(world.World.Offering, Encoding.UTF8.GetBytes(json), CancellationToken.None);

    [Test]
    [Arguments("attribute_update")]
    [Arguments("create")]
    public async Task AttributesSent_AreWrittenToTheMembershipBackend(string action)
    {
        await using var world = await OrderWorld.StartAsync("", offeringKeys: MembershipOnMemory);
        using var services = new EventServices(world.World.Runtime, world.World.Heartbeat);

        await HandleAsync(world, services, $$"""
            {"action": "{{action}}", "offering_user_uuid": "{{Guid.NewGuid():N}}", "username": "alice", "state": "Requested",
             "attributes": {"email": "alice@example.org", "affiliations": ["staff"]}, "changed_attributes": ["email"]}
            """);

        var alice = world.Store.UserAttributes["alice"];
        await Assert.That(alice["email"]).IsEqualTo("\"alice@example.org\"");
        await Assert.That(alice["affiliations"]).IsEqualTo("[\"staff\"]");
        await Assert.That(string.Join("\n", world.World.Logs.Entries.Select(e => e.Message))).Contains("attributes of user alice written to the backend (affiliations, email)");
    }

    [Test]
    public async Task EmptyAttributes_OrNoMembershipBackend_WriteNothing()
    {
        await using var withMembership = await OrderWorld.StartAsync("", offeringKeys: MembershipOnMemory);
        using var services = new EventServices(withMembership.World.Runtime, withMembership.World.Heartbeat);
        await HandleAsync(withMembership, services, """{"action": "attribute_update", "username": "alice", "attributes": {}}""");
        await Assert.That(withMembership.Store.Operations.Any(o => o.StartsWith("update-user-attributes", StringComparison.Ordinal))).IsFalse();

        await using var ordersOnly = await OrderWorld.StartAsync("");
        using var orderServices = new EventServices(ordersOnly.World.Runtime, ordersOnly.World.Heartbeat);
        await HandleAsync(ordersOnly, orderServices, """{"action": "attribute_update", "username": "alice", "attributes": {"email": "a@example.org"}}""");
        await Assert.That(ordersOnly.Store.UserAttributes).IsEmpty();
    }

    [Test]
    public async Task BackendRefusesTheUsername_FailureIsLogged_AndTheMessageCountsAsHandled()
    {
        await using var world = await OrderWorld.StartAsync("", offeringKeys: MembershipOnMemory);
        using var services = new EventServices(world.World.Runtime, world.World.Heartbeat);

        await HandleAsync(world, services, """{"action": "attribute_update", "username": "bad;name", "attributes": {"email": "a@example.org"}}""");

        await Assert.That(world.Store.UserAttributes).IsEmpty();
        await Assert.That(string.Join("\n", world.World.Logs.Entries.Select(e => e.Message))).Contains("writing the attributes of user bad;name to the backend failed");
    }

    [Test]
    public async Task Slurm_DoesNotKeepUserAttributes_NorRotateKeys()
    {
        await Assert.That(typeof(IUserAttributesBackend).IsAssignableFrom(typeof(SlurmBackend))).IsFalse();
        await Assert.That(typeof(IResourceApiKeyBackend).IsAssignableFrom(typeof(SlurmBackend))).IsFalse();
    }
}
