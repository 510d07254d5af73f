using SiteAgent.Backends;
using SiteAgent.TestBackend;
using SiteAgent.Waldur.Emulator.Faults;

namespace SiteAgent.Core.Tests.Orders;

/// <summary>
/// The order state machine without SLURM: the real processors against the in-process emulator and the
/// in-memory backend. Approval, provisioning, done only after a fresh read, erred with the reason.
/// </summary>
public sealed class OrderProcessingTests
{
    private static readonly Guid Create = Guid.Parse("c1c1c1c1c1c14c1c8c1c1c1c1c1c1c01");
    private static readonly Guid Second = Guid.Parse("c2c2c2c2c2c24c2c8c2c2c2c2c2c2c02");
    private static readonly Guid Existing = Guid.Parse("e1e1e1e1e1e14e1e8e1e1e1e1e1e1e01");

    internal static string CreateOrder(Guid uuid, string state = "pending-provider", string name = "Alloc One", string offering = "memory") =>
        $"  - {{uuid: {uuid:N}, type: Create, state: {state}, offering: {offering}, project: proj, resource_name: {name}, limits: {{cpu: 10}}}}\n";

    // A resource that exists in Waldur and in the store (created by an earlier order).
    private static string ExistingResource(string backendId = "tb_existing") =>
        $"resources:\n  - {{uuid: {Existing:N}, name: Existing, slug: existing, offering: memory, project: proj, plan: Default, state: OK, backend_id: {backendId}, limits: {{cpu: 5}}}}\n";

    [Test]
    public async Task PendingProviderCreate_IsApproved_Created_ThenDoneAfterAFreshRead()
    {
        await using var world = await OrderWorld.StartAsync("orders:\n" + CreateOrder(Create));

        var clean = await world.CycleAsync();

        await Assert.That(clean).IsTrue();
        await Assert.That(world.OrderState(Create).State).IsEqualTo("done");
        var resource = world.ResourceOf(Create);
        await Assert.That((resource.State, resource.BackendId)).IsEqualTo(("OK", "tb_alloc-one"));
        var stored = world.Store.Find("tb_alloc-one");
        await Assert.That(stored!.Owner).IsEqualTo(resource.Uuid);
        await Assert.That(stored.Limits["cpu"]).IsEqualTo(10m);
        // Approve, claim the id, create, and only after re-reading the order (still executing) mark it done.
        var posts = world.Posts().Select(p => p.Action).ToList();
        await Assert.That(posts.IndexOf("approve_by_provider")).IsLessThan(posts.IndexOf("set_backend_id"));
        await Assert.That(posts[^1]).IsEqualTo("set_state_done");
        var requests = world.World.Emulator.Requests;
        var done = requests.ToList().FindIndex(r => r.Path.EndsWith("/set_state_done/", StringComparison.Ordinal));
        var freshRead = requests.Take(done).Last(r => r.Method == "GET" && r.Path.Contains("/marketplace-orders/", StringComparison.Ordinal));
        await Assert.That(freshRead.Path).IsEqualTo($"/api/marketplace-orders/{Create:N}/");
        await world.World.AssertNoContractViolationsAsync();
    }

    [Test]
    public async Task OrderMovedOnDuringProvisioning_IsNotMarkedDone()
    {
        await using var world = await OrderWorld.StartAsync("orders:\n" + CreateOrder(Create, state: "executing"));
        // The consumer cancels while the backend works: the fresh read must see it.
        world.CountCreations(_ => world.World.Emulator.Read(s => s.Orders.Find(Create.ToString("N"))!.State = "canceled"));

        await world.CycleAsync();

        await Assert.That(world.OrderState(Create).State).IsEqualTo("canceled");
        await Assert.That(world.Posts().Select(p => p.Action)).DoesNotContain("set_state_done");
        await Assert.That(world.Posts().Select(p => p.Action)).DoesNotContain("set_state_erred");
        await Assert.That(world.CreationsApplied).IsEqualTo(1);
    }

    [Test]
    public async Task ExecutingUpdate_ChangesTheLimits_ThenTerminate_RemovesTheResource()
    {
        var update = Guid.Parse("d1d1d1d1d1d14d1d8d1d1d1d1d1d1d01");
        var terminate = Guid.Parse("d2d2d2d2d2d24d2d8d2d2d2d2d2d2d02");
        await using var world = await OrderWorld.StartAsync(ExistingResource() +
            $"orders:\n  - {{uuid: {update:N}, type: Update, state: executing, resource: {Existing:N}, limits: {{cpu: 30}}}}\n");
        world.Store.Put("tb_existing", new StoredResource { Owner = Existing, Project = "proj", Limits = { ["cpu"] = 5 } });

        await world.CycleAsync();

        await Assert.That(world.OrderState(update).State).IsEqualTo("done");
        await Assert.That(world.Store.Find("tb_existing")!.Limits["cpu"]).IsEqualTo(30m);

        world.World.Emulator.Seed($"orders:\n  - {{uuid: {terminate:N}, type: Terminate, state: executing, resource: {Existing:N}}}\n", yaml: true);
        await world.CycleAsync();

        await Assert.That(world.OrderState(terminate).State).IsEqualTo("done");
        await Assert.That(world.ResourceOf(terminate).State).IsEqualTo("Terminated");
        await Assert.That(world.Store.Ids).IsEmpty();
    }

    [Test]
    public async Task BackendFailure_ErrsTheOrderWithItsMessage_ReleasesTheClaim_AndTheNextOrderStillRuns()
    {
        await using var world = await OrderWorld.StartAsync("orders:\n" + CreateOrder(Create, state: "executing") + CreateOrder(Second, state: "executing", name: "Alloc Two"));
        world.Store.BeforeOperation = op =>
        {
            if (op == "create tb_alloc-one")
            {
                throw new BackendException("the allocation service refused tb_alloc-one: no capacity left");
            }
        };

        var clean = await world.CycleAsync();

        await Assert.That(clean).IsTrue();
        var (state, error) = world.OrderState(Create);
        await Assert.That(state).IsEqualTo("erred");
        await Assert.That(error).IsEqualTo("the allocation service refused tb_alloc-one: no capacity left");
        // Nothing was made under the claimed id, so the resource no longer holds it.
        await Assert.That(world.ResourceOf(Create).BackendId).IsEqualTo(string.Empty);
        await Assert.That(world.OrderState(Second).State).IsEqualTo("done");
        await Assert.That(world.Store.Ids).IsEquivalentTo(["tb_alloc-two"], CollectionOrdering.Matching);
    }

    [Test]
    public async Task WaldurRefusesDone_TheOrderIsErredWithWaldursMessage()
    {
        await using var world = await OrderWorld.StartAsync("orders:\n" + CreateOrder(Create, state: "executing"));
        world.World.Emulator.Faults.Add(new FaultRule
        {
            Path = "/api/marketplace-orders/*/set_state_done/", Status = 400, Times = 1,
            Body = new System.Text.Json.Nodes.JsonObject { ["detail"] = "Order limits exceed the plan maximum" },
        });

        await world.CycleAsync();

        var (state, error) = world.OrderState(Create);
        await Assert.That(state).IsEqualTo("erred");
        await Assert.That(error).StartsWith("The backend work for this order is done, but ");
        await Assert.That(error).Contains("Order limits exceed the plan maximum");
    }

    [Test]
    public async Task UnsafeSlug_IsRefusedBeforeAnyClaimOrBackendWrite_AndTheOrderErred()
    {
        var resource = Guid.Parse("f1f1f1f1f1f14f1f8f1f1f1f1f1f1f01");
        await using var world = await OrderWorld.StartAsync(
            $"resources:\n  - {{uuid: {resource:N}, name: Bad, slug: 'bad;rm -rf', offering: memory, project: proj, plan: Default, state: Creating}}\n" +
            $"orders:\n  - {{uuid: {Create:N}, type: Create, state: executing, resource: {resource:N}, limits: {{cpu: 10}}}}\n");

        await world.CycleAsync();

        var (state, error) = world.OrderState(Create);
        await Assert.That(state).IsEqualTo("erred");
        await Assert.That(error).Contains("resource backend_id \"tb_bad;rm -rf\" refused");
        await Assert.That(world.Posts().Select(p => p.Action)).DoesNotContain("set_backend_id");
        await Assert.That(world.Store.Operations).IsEmpty();
    }
}
