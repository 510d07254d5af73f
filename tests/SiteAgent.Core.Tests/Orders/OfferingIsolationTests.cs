using SiteAgent.Core.Observability;
using SiteAgent.TestBackend;
using SiteAgent.Waldur.Emulator.Faults;

namespace SiteAgent.Core.Tests.Orders;

/// <summary>One cycle walks every offering; an offering that fails does not stop the next one.</summary>
public sealed class OfferingIsolationTests
{
    private static readonly Guid First = Guid.Parse("c1c1c1c1c1c14c1c8c1c1c1c1c1c1c01");
    private static readonly Guid Second = Guid.Parse("c2c2c2c2c2c24c2c8c2c2c2c2c2c2c02");

    // An executing Create order in each offering: "Memory" first in the config, then "Other" on its own store.
    private static Task<OrderWorld> TwoOfferingsAsync(MemoryStore secondStore) => OrderWorld.StartAsync("orders:\n"
        + OrderProcessingTests.CreateOrder(First, state: "executing")
        + OrderProcessingTests.CreateOrder(Second, state: "executing", name: "Alloc Two", offering: "other"), secondStore);

    [Test]
    public async Task FailingOffering_IsReported_AndTheNextOfferingsOrdersAreStillProcessed()
    {
        var secondStore = MemoryStore.Create();
        await using var world = await TwoOfferingsAsync(secondStore);
        // Waldur refuses to show the first offering to the agent: its cycle cannot start.
        world.World.Emulator.Faults.Add(new FaultRule { Path = $"/api/marketplace-provider-offerings/{OrderWorld.Offering}/", Status = 403 });

        var clean = await world.CycleAsync();

        await Assert.That(clean).IsFalse();
        await Assert.That(world.OrderState(First).State).IsEqualTo("executing");
        await Assert.That(world.OrderState(Second).State).IsEqualTo("done");
        await Assert.That(secondStore.Ids).IsEquivalentTo(["tb_alloc-two"], CollectionOrdering.Matching);
        await Assert.That(world.Store.Operations).IsEmpty();
        await Assert.That(world.World.Logs.Messages(LogEvents.OfferingFailed).Single()).Contains("\"Memory\"");
    }

    [Test]
    public async Task FailingBackendOfOneOffering_DoesNotReachTheOtherOfferingsBackend()
    {
        var secondStore = MemoryStore.Create();
        await using var world = await TwoOfferingsAsync(secondStore);
        world.Store.BeforeOperation = _ => throw new InvalidOperationException("store of the first offering is broken");

        await world.CycleAsync();

        await Assert.That(world.OrderState(First).State).IsEqualTo("erred");
        await Assert.That(world.OrderState(Second).State).IsEqualTo("done");
        await Assert.That(secondStore.Find("tb_alloc-two")!.Owner).IsEqualTo(world.ResourceOf(Second).Uuid);
    }
}
