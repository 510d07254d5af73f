using SiteAgent.Waldur.Emulator.State;

namespace SiteAgent.Waldur.Emulator.Tests;

/// <summary>The provider-side order transitions and their effect on the resource.</summary>
public sealed class OrderStateMachineTests
{
    private static string Order(string uuid, string action) => $"/api/marketplace-orders/{uuid}/{action}/";

    [Test]
    public async Task CreateOrder_ApproveThenDone_ResourceBecomesOk()
    {
        await using var emulator = await TestEmulator.StartAsync();

        await Assert.That((await emulator.PostAsync(Order(Ids.PendingOrder, "approve_by_provider"))).Status).IsEqualTo(200);
        var (_, order, _) = await emulator.GetAsync($"/api/marketplace-orders/{Ids.PendingOrder}/?field=state");
        await Assert.That(order!["state"]!.GetValue<string>()).IsEqualTo("executing");
        await Assert.That((await emulator.PostAsync(Order(Ids.PendingOrder, "set_state_done"), null)).Status).IsEqualTo(200);

        // Nothing else runs in this emulator now, so its state is read without the lock
        // (an awaited assertion cannot run under a lock).
        var s = emulator.Host.State;
        var done = s.Orders.Find(Ids.PendingOrder)!;
        await Assert.That(done.State).IsEqualTo(OrderStates.Done);
        await Assert.That(done.CompletedAt).IsNotNull();
        await Assert.That(done.Resource.State).IsEqualTo(ResourceStates.Ok);
        emulator.AssertNoViolations();
    }

    [Test]
    public async Task SetStateDone_OnDoneOrder_Answers409WithValidStates()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await emulator.PostAsync(Order(Ids.ExecutingOrder, "set_state_done"), null);

        var (status, body, _) = await emulator.PostAsync(Order(Ids.ExecutingOrder, "set_state_done"), null);

        await Assert.That(status).IsEqualTo(409);
        await Assert.That(body!["detail"]!.GetValue<string>()).IsEqualTo("Valid states for operation: executing.");
    }

    [Test]
    [Arguments("approve_by_provider")]
    [Arguments("reject_by_provider")]
    public async Task ProviderReview_OfExecutingOrder_Answers409(string action)
    {
        await using var emulator = await TestEmulator.StartAsync();

        var (status, body, _) = await emulator.PostAsync(Order(Ids.ExecutingOrder, action));

        await Assert.That(status).IsEqualTo(409);
        await Assert.That(body!["detail"]!.GetValue<string>()).IsEqualTo("Valid states for operation: pending-provider.");
        await Assert.That(emulator.Read(s => s.Orders.Find(Ids.ExecutingOrder)!.State)).IsEqualTo(OrderStates.Executing);
    }

    [Test]
    public async Task SetStateDone_OnPendingOrder_Answers409()
    {
        await using var emulator = await TestEmulator.StartAsync();

        await Assert.That((await emulator.PostAsync(Order(Ids.PendingOrder, "set_state_done"), null)).Status).IsEqualTo(409);
    }

    [Test]
    public async Task RejectCreate_TerminatesItsResource()
    {
        await using var emulator = await TestEmulator.StartAsync();

        await emulator.PostAsync(Order(Ids.PendingOrder, "reject_by_provider"), """{"provider_rejection_comment": "no capacity"}""");

        // Nothing else runs in this emulator now, so its state is read without the lock
        // (an awaited assertion cannot run under a lock).
        var s = emulator.Host.State;
        var order = s.Orders.Find(Ids.PendingOrder)!;
        await Assert.That(order.State).IsEqualTo(OrderStates.Rejected);
        await Assert.That(order.ProviderRejectionComment).IsEqualTo("no capacity");
        await Assert.That(order.Resource.State).IsEqualTo(ResourceStates.Terminated);
    }

    [Test]
    public async Task ErredCreate_MarksResourceErred_AndCannotBeErredAfterDone()
    {
        await using var emulator = await TestEmulator.StartAsync();

        await emulator.PostAsync(Order(Ids.ExecutingOrder, "set_state_erred"), """{"error_message": "account exists", "error_traceback": "trace"}""");
        var order = emulator.Read(s => s.Orders.Find(Ids.ExecutingOrder)!);
        await Assert.That((order.State, order.Resource.State, order.ErrorMessage)).IsEqualTo((OrderStates.Erred, ResourceStates.Erred, "account exists"));

        await emulator.PostAsync(Order(Ids.PendingOrder, "approve_by_provider"));
        await emulator.PostAsync(Order(Ids.PendingOrder, "set_state_done"), null);
        await Assert.That((await emulator.PostAsync(Order(Ids.PendingOrder, "set_state_erred"), """{"error_message": "late"}""")).Status).IsEqualTo(409);
    }

    [Test]
    public async Task UpdateOrder_Done_CopiesOrderLimitsToResource()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var (_, created, _) = await emulator.PostAsync($"/api/marketplace-resources/{Ids.Resource}/update_limits/", """{"limits": {"cpu": 250}}""");
        var orderUuid = created!["order_uuid"]!.GetValue<string>();

        await emulator.PostAsync(Order(orderUuid, "approve_by_provider"));
        await Assert.That(emulator.Read(s => s.Resources.Find(Ids.Resource)!.State)).IsEqualTo(ResourceStates.Updating);
        await emulator.PostAsync(Order(orderUuid, "set_state_done"), null);

        var resource = emulator.Read(s => s.Resources.Find(Ids.Resource)!);
        await Assert.That((resource.State, resource.Limits["cpu"])).IsEqualTo((ResourceStates.Ok, 250L));
        emulator.AssertNoViolations();
    }

    [Test]
    public async Task TerminateOrder_Done_TerminatesResource()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var (_, created, _) = await emulator.PostAsync($"/api/marketplace-resources/{Ids.Resource}/terminate/");
        var orderUuid = created!["order_uuid"]!.GetValue<string>();

        await emulator.PostAsync(Order(orderUuid, "approve_by_provider"));
        await Assert.That(emulator.Read(s => s.Resources.Find(Ids.Resource)!.State)).IsEqualTo(ResourceStates.Terminating);
        await emulator.PostAsync(Order(orderUuid, "set_state_done"), null);

        await Assert.That(emulator.Read(s => s.Resources.Find(Ids.Resource)!.State)).IsEqualTo(ResourceStates.Terminated);
        var (_, list, _) = await emulator.GetAsync($"/api/marketplace-orders/?resource_uuid={Ids.Resource}&type=Terminate&state=done");
        await Assert.That(list!.AsArray()).HasSingleItem();
    }
}
