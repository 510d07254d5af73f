using SiteAgent.TestBackend;
using SiteAgent.Waldur.Emulator.Faults;

namespace SiteAgent.Core.Tests.Orders;

/// <summary>
/// Creation survives failures at every step: the backend id is claimed in Waldur before the backend object
/// exists, so an interrupted run is completed by the next cycle with exactly one object, and an id that
/// something else owns is never claimed or written to. Transient Waldur failures are retried with a fresh read.
/// </summary>
public sealed class CrashSafeCreationTests
{
    private static readonly Guid Create = Guid.Parse("c1c1c1c1c1c14c1c8c1c1c1c1c1c1c01");
    private static readonly Guid Other = Guid.Parse("0e0e0e0e0e0e4e0e8e0e0e0e0e0e0e01");

    private static string Orders(string state = "executing") => "orders:\n" + OrderProcessingTests.CreateOrder(Create, state);

    // An agent killed mid-cycle: the operation in flight never returns.
    private static Action<string> CrashOn(string operation, CancellationTokenSource process) => op =>
    {
        if (op == operation && !process.IsCancellationRequested)
        {
            process.Cancel();
            process.Token.ThrowIfCancellationRequested();
        }
    };

    [Test]
    public async Task CrashBetweenClaimAndCreate_NextCycleCreatesUnderTheClaimedId_ExactlyOnce()
    {
        await using var world = await OrderWorld.StartAsync(Orders());
        world.CountCreations();
        using var process = new CancellationTokenSource();
        world.Store.BeforeOperation = CrashOn("create tb_alloc-one", process);

        await Assert.ThrowsAsync<OperationCanceledException>(() => world.CycleAsync(process.Token));

        // The claim is in Waldur; nothing exists on the backend yet.
        await Assert.That(world.ResourceOf(Create).BackendId).IsEqualTo("tb_alloc-one");
        await Assert.That(world.Store.Ids).IsEmpty();
        await Assert.That(world.OrderState(Create).State).IsEqualTo("executing");

        await world.CycleAsync();

        await Assert.That(world.OrderState(Create).State).IsEqualTo("done");
        await Assert.That(world.Store.Ids).IsEquivalentTo(["tb_alloc-one"], CollectionOrdering.Matching);
        await Assert.That(world.Store.Find("tb_alloc-one")!.Owner).IsEqualTo(world.ResourceOf(Create).Uuid);
        await Assert.That(world.CreationsApplied).IsEqualTo(1);
    }

    [Test]
    public async Task CrashAfterCreate_NextCycleAdoptsTheResource_WithoutASecondCreation()
    {
        await using var world = await OrderWorld.StartAsync(Orders());
        using var process = new CancellationTokenSource();
        world.CountCreations(CrashOn("create tb_alloc-one", process));

        await Assert.ThrowsAsync<OperationCanceledException>(() => world.CycleAsync(process.Token));
        await Assert.That(world.Store.Ids).IsEquivalentTo(["tb_alloc-one"], CollectionOrdering.Matching);
        await Assert.That(world.OrderState(Create).State).IsEqualTo("executing");

        await world.CycleAsync();

        await Assert.That(world.OrderState(Create).State).IsEqualTo("done");
        await Assert.That(world.ResourceOf(Create).BackendId).IsEqualTo("tb_alloc-one");
        await Assert.That(world.CreationsApplied).IsEqualTo(1);
        await Assert.That(world.Store.Operations.Where(o => o.StartsWith("create ", StringComparison.Ordinal))).HasSingleItem();
    }

    [Test]
    public async Task ClaimAppliedButItsAnswerLost_IsRetriedWithAFreshRead_AndCreatesOnce()
    {
        await using var world = await OrderWorld.StartAsync(Orders());
        world.CountCreations();
        world.World.Emulator.Faults.Add(new FaultRule { Path = "/api/marketplace-provider-resources/*/set_backend_id/", Status = 503, Times = 1, AfterHandling = true });

        await world.CycleAsync();

        await Assert.That(world.OrderState(Create).State).IsEqualTo("done");
        await Assert.That(world.CreationsApplied).IsEqualTo(1);
        await Assert.That(world.ResourceOf(Create).BackendId).IsEqualTo("tb_alloc-one");
        // The retry started from a fresh read of the order.
        await Assert.That(world.World.Emulator.Requests.Count(r => r.Method == "GET" && r.Path == $"/api/marketplace-orders/{Create:N}/")).IsGreaterThanOrEqualTo(2);
    }

    [Test]
    public async Task TransientFailuresOfApproveAndDone_AreRetried_NothingIsDoneTwice()
    {
        await using var world = await OrderWorld.StartAsync(Orders("pending-provider"));
        world.CountCreations();
        world.World.Emulator.Faults.Add(new FaultRule { Path = "/api/marketplace-orders/*/approve_by_provider/", Status = 503, Times = 1 });
        world.World.Emulator.Faults.Add(new FaultRule { Path = "/api/marketplace-orders/*/set_state_done/", Status = 502, Times = 1 });

        await world.CycleAsync();

        await Assert.That(world.OrderState(Create).State).IsEqualTo("done");
        await Assert.That(world.CreationsApplied).IsEqualTo(1);
        await Assert.That(world.Posts().Count(p => p.Action == "set_backend_id")).IsEqualTo(1);
        await Assert.That(world.Posts().Select(p => p.Action)).DoesNotContain("set_state_erred");
    }

    [Test]
    public async Task TransientFailureBeyondTheRetries_LeavesTheOrderForTheNextCycle_NotErred()
    {
        await using var world = await OrderWorld.StartAsync(Orders());
        var fault = world.World.Emulator.Faults.Add(new FaultRule { Path = "/api/marketplace-orders/*/set_state_done/", Status = 503 });

        await world.CycleAsync();

        await Assert.That(world.OrderState(Create).State).IsEqualTo("executing");
        await Assert.That(world.Posts().Select(p => p.Action)).DoesNotContain("set_state_erred");

        world.World.Emulator.Faults.Remove(fault);
        world.CountCreations();
        await world.CycleAsync();

        await Assert.That(world.OrderState(Create).State).IsEqualTo("done");
        await Assert.That(world.CreationsApplied).IsEqualTo(0);
    }

    [Test]
    public async Task IdsHeldByAnotherResourceOrOwnedOnTheBackend_AreNeverClaimed()
    {
        // Another resource holds the first candidate in Waldur; the backend has the second under someone else's name.
        await using var world = await OrderWorld.StartAsync(
            $"resources:\n  - {{uuid: {Other:N}, name: Other, slug: other, offering: memory, project: proj, plan: Default, state: OK, backend_id: tb_alloc-one}}\n" + Orders());
        world.Store.Put("tb_alloc-one-0", new StoredResource { Owner = Guid.NewGuid(), Project = "proj", Limits = { ["cpu"] = 7 } });

        await world.CycleAsync();

        await Assert.That(world.OrderState(Create).State).IsEqualTo("done");
        await Assert.That(world.ResourceOf(Create).BackendId).IsEqualTo("tb_alloc-one-1");
        var claims = world.Posts().Where(p => p.Action == "set_backend_id").Select(p => p.Body).ToList();
        await Assert.That(claims).HasSingleItem();
        await Assert.That(claims[0]).Contains("tb_alloc-one-1");
        await Assert.That(world.Store.Find("tb_alloc-one-0")!.Limits["cpu"]).IsEqualTo(7m);
    }

    [Test]
    public async Task InterruptedClaimTakenMeanwhileBySomeoneElse_IsReleased_AndANewIdChosen()
    {
        await using var world = await OrderWorld.StartAsync(Orders());
        var resource = world.ResourceOf(Create).Uuid;
        world.World.Emulator.Read(s => s.Resources.Find(resource.ToString("N"))!.BackendId = "tb_alloc-one");
        var stranger = Guid.NewGuid();
        world.Store.Put("tb_alloc-one", new StoredResource { Owner = stranger, Project = "proj", Limits = { ["cpu"] = 3 } });

        await world.CycleAsync();

        await Assert.That(world.OrderState(Create).State).IsEqualTo("done");
        await Assert.That(world.ResourceOf(Create).BackendId).IsEqualTo("tb_alloc-one-0");
        var untouched = world.Store.Find("tb_alloc-one")!;
        await Assert.That((untouched.Owner, untouched.Limits["cpu"])).IsEqualTo((stranger, 3m));
    }

    [Test]
    public async Task RestoreOntoAnIdThatIsNotItsOwn_ErrsTheOrder_AndWritesNothing()
    {
        var restore = Guid.Parse("a0a0a0a0a0a04a0a8a0a0a0a0a0a0a01");
        var resource = Guid.Parse("a1a1a1a1a1a14a1a8a1a1a1a1a1a1a01");
        await using var world = await OrderWorld.StartAsync(
            $"resources:\n  - {{uuid: {resource:N}, name: Old, slug: old, offering: memory, project: proj, plan: Default, state: Terminated, backend_id: tb_old}}\n" +
            $"orders:\n  - {{uuid: {restore:N}, type: Restore, state: executing, resource: {resource:N}}}\n");
        world.Store.Put("tb_old", new StoredResource { Owner = Guid.NewGuid(), Project = "proj", Limits = { ["cpu"] = 3 } });

        await world.CycleAsync();

        var (state, error) = world.OrderState(restore);
        await Assert.That(state).IsEqualTo("erred");
        await Assert.That(error).Contains("Cannot restore resource Old");
        await Assert.That(world.Store.Operations.Where(o => !o.StartsWith("owner ", StringComparison.Ordinal) && !o.StartsWith("exists ", StringComparison.Ordinal))).IsEmpty();
    }
}
