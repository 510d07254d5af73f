using SiteAgent.Waldur.Emulator.State;

namespace SiteAgent.Waldur.Emulator.Tests;

/// <summary>modes.md §2: the provider-side order transitions and their effect on the resource.</summary>
public sealed class OrderStateMachineTests
{
    private static string Order(string uuid, string action) => $"/api/marketplace-orders/{uuid}/{action}/";

    [Fact]
    public async Task CreateOrder_ApproveThenDone_ResourceBecomesOk()
    {
        await using var emulator = await TestEmulator.StartAsync();

        Assert.Equal(200, (await emulator.PostAsync(Order(Ids.PendingOrder, "approve_by_provider"))).Status);
        var (_, order, _) = await emulator.GetAsync($"/api/marketplace-orders/{Ids.PendingOrder}/?field=state");
        Assert.Equal("executing", order!["state"]!.GetValue<string>());
        Assert.Equal(200, (await emulator.PostAsync(Order(Ids.PendingOrder, "set_state_done"), null)).Status);

        emulator.Read(s =>
        {
            var done = s.Orders.Find(Ids.PendingOrder)!;
            Assert.Equal(OrderStates.Done, done.State);
            Assert.NotNull(done.CompletedAt);
            Assert.Equal(ResourceStates.Ok, done.Resource.State);
            return 0;
        });
        emulator.AssertNoViolations();
    }

    [Fact]
    public async Task SetStateDone_OnDoneOrder_Answers409WithValidStates()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await emulator.PostAsync(Order(Ids.ExecutingOrder, "set_state_done"), null);

        var (status, body, _) = await emulator.PostAsync(Order(Ids.ExecutingOrder, "set_state_done"), null);

        Assert.Equal(409, status);
        Assert.Equal("Valid states for operation: executing.", body!["detail"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("approve_by_provider")]
    [InlineData("reject_by_provider")]
    public async Task ProviderReview_OfExecutingOrder_Answers409(string action)
    {
        await using var emulator = await TestEmulator.StartAsync();

        var (status, body, _) = await emulator.PostAsync(Order(Ids.ExecutingOrder, action));

        Assert.Equal(409, status);
        Assert.Equal("Valid states for operation: pending-provider.", body!["detail"]!.GetValue<string>());
        Assert.Equal(OrderStates.Executing, emulator.Read(s => s.Orders.Find(Ids.ExecutingOrder)!.State));
    }

    [Fact]
    public async Task SetStateDone_OnPendingOrder_Answers409()
    {
        await using var emulator = await TestEmulator.StartAsync();

        Assert.Equal(409, (await emulator.PostAsync(Order(Ids.PendingOrder, "set_state_done"), null)).Status);
    }

    [Fact]
    public async Task RejectCreate_TerminatesItsResource()
    {
        await using var emulator = await TestEmulator.StartAsync();

        await emulator.PostAsync(Order(Ids.PendingOrder, "reject_by_provider"), """{"provider_rejection_comment": "no capacity"}""");

        emulator.Read(s =>
        {
            var order = s.Orders.Find(Ids.PendingOrder)!;
            Assert.Equal(OrderStates.Rejected, order.State);
            Assert.Equal("no capacity", order.ProviderRejectionComment);
            Assert.Equal(ResourceStates.Terminated, order.Resource.State);
            return 0;
        });
    }

    [Fact]
    public async Task ErredCreate_MarksResourceErred_AndCannotBeErredAfterDone()
    {
        await using var emulator = await TestEmulator.StartAsync();

        await emulator.PostAsync(Order(Ids.ExecutingOrder, "set_state_erred"), """{"error_message": "account exists", "error_traceback": "trace"}""");
        var order = emulator.Read(s => s.Orders.Find(Ids.ExecutingOrder)!);
        Assert.Equal((OrderStates.Erred, ResourceStates.Erred, "account exists"), (order.State, order.Resource.State, order.ErrorMessage));

        await emulator.PostAsync(Order(Ids.PendingOrder, "approve_by_provider"));
        await emulator.PostAsync(Order(Ids.PendingOrder, "set_state_done"), null);
        Assert.Equal(409, (await emulator.PostAsync(Order(Ids.PendingOrder, "set_state_erred"), """{"error_message": "late"}""")).Status);
    }

    [Fact]
    public async Task UpdateOrder_Done_CopiesOrderLimitsToResource()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var (_, created, _) = await emulator.PostAsync($"/api/marketplace-resources/{Ids.Resource}/update_limits/", """{"limits": {"cpu": 250}}""");
        var orderUuid = created!["order_uuid"]!.GetValue<string>();

        await emulator.PostAsync(Order(orderUuid, "approve_by_provider"));
        Assert.Equal(ResourceStates.Updating, emulator.Read(s => s.Resources.Find(Ids.Resource)!.State));
        await emulator.PostAsync(Order(orderUuid, "set_state_done"), null);

        var resource = emulator.Read(s => s.Resources.Find(Ids.Resource)!);
        Assert.Equal((ResourceStates.Ok, 250L), (resource.State, resource.Limits["cpu"]));
        emulator.AssertNoViolations();
    }

    [Fact]
    public async Task TerminateOrder_Done_TerminatesResource()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var (_, created, _) = await emulator.PostAsync($"/api/marketplace-resources/{Ids.Resource}/terminate/");
        var orderUuid = created!["order_uuid"]!.GetValue<string>();

        await emulator.PostAsync(Order(orderUuid, "approve_by_provider"));
        Assert.Equal(ResourceStates.Terminating, emulator.Read(s => s.Resources.Find(Ids.Resource)!.State));
        await emulator.PostAsync(Order(orderUuid, "set_state_done"), null);

        Assert.Equal(ResourceStates.Terminated, emulator.Read(s => s.Resources.Find(Ids.Resource)!.State));
        var (_, list, _) = await emulator.GetAsync($"/api/marketplace-orders/?resource_uuid={Ids.Resource}&type=Terminate&state=done");
        Assert.Single(list!.AsArray());
    }
}
