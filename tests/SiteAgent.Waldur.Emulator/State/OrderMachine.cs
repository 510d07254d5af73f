using SiteAgent.Waldur.Emulator.Http;

namespace SiteAgent.Waldur.Emulator.State;

/// <summary>Order transitions and their effect on the resource, as Waldur's order views and callbacks apply them.</summary>
/// <remarks>
/// The provider drives pending-provider → executing (approve) or → rejected (reject), and executing → done/erred.
/// A transition from a wrong state answers 409 "Valid states for operation: …" (Waldur's StateValidator raises
/// IncorrectStateException, which is 409 Conflict). Effects on the resource: approve moves an Update/Terminate
/// resource to Updating/Terminating; done makes Create/Restore → OK, Update → OK with the order's limits and
/// plan, Terminate → Terminated; erred makes the resource Erred; rejecting a Create terminates its resource.
/// </remarks>
public static class OrderMachine
{
    private static readonly string[] Terminal = [OrderStates.Done, OrderStates.Canceled, OrderStates.Rejected];

    public static void Approve(EmulatorState state, Order order, User by)
    {
        Require(order, OrderStates.PendingProvider);
        order.State = OrderStates.Executing;
        order.ProviderReviewedBy = by;
        order.ProviderReviewedAt = state.Now;
        order.Resource.State = order.Type switch
        {
            OrderTypes.Update => ResourceStates.Updating,
            OrderTypes.Terminate => ResourceStates.Terminating,
            _ => order.Resource.State,
        };
        Touch(state, order);
    }

    public static void Reject(EmulatorState state, Order order, User by, string? comment)
    {
        Require(order, OrderStates.PendingProvider);
        order.State = OrderStates.Rejected;
        order.ProviderReviewedBy = by;
        order.ProviderReviewedAt = state.Now;
        order.ProviderRejectionComment = comment ?? "";
        if (order.Type is OrderTypes.Create) order.Resource.State = ResourceStates.Terminated;
        Touch(state, order);
    }

    public static void Done(EmulatorState state, Order order)
    {
        Require(order, OrderStates.Executing);
        order.State = OrderStates.Done;
        order.CompletedAt = state.Now;
        var resource = order.Resource;
        switch (order.Type)
        {
            case OrderTypes.Terminate:
                resource.State = ResourceStates.Terminated;
                break;
            case OrderTypes.Update:
                if (order.Limits.Count > 0) resource.Limits = new Dictionary<string, long>(order.Limits);
                if (order.Plan is { } plan) resource.Plan = plan;
                resource.State = ResourceStates.Ok;
                break;
            default:
                resource.State = ResourceStates.Ok;
                break;
        }
        resource.ErrorMessage = resource.ErrorTraceback = "";
        Touch(state, order);
    }

    public static void Erred(EmulatorState state, Order order, string message, string traceback)
    {
        if (Terminal.Contains(order.State))
            throw ApiError.InvalidState(OrderStates.PendingConsumer, OrderStates.PendingProvider, OrderStates.Executing, OrderStates.Erred);
        order.State = OrderStates.Erred;
        order.ErrorMessage = message;
        order.ErrorTraceback = traceback;
        order.ErrorUpdatedAt = state.Now;
        order.Resource.State = ResourceStates.Erred;
        order.Resource.ErrorMessage = message;
        order.Resource.ErrorTraceback = traceback;
        Touch(state, order);
    }

    private static void Require(Order order, string valid)
    {
        if (order.State != valid) throw ApiError.InvalidState(valid);
    }

    private static void Touch(EmulatorState state, Order order)
    {
        state.Touch(order);
        state.Touch(order.Resource);
    }
}
