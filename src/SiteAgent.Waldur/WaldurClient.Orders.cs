using SiteAgent.Waldur.Models;
using SiteAgent.Waldur.Operations;
using SiteAgent.Waldur.Queries;

namespace SiteAgent.Waldur;

// Marketplace orders: listing, reading and the provider's state transitions.
public sealed partial class WaldurClient
{
    /// <summary>Lists orders (<c>marketplace_orders_list</c>); enumerate for all pages.</summary>
    public WaldurPages<OrderDetails> ListOrders(OrderListQuery? query = null) =>
        Pages(WaldurOperations.MarketplaceOrdersList, null, q => query?.AppendTo(q), Json.ListOrderDetails);

    /// <summary>Reads one order (<c>marketplace_orders_retrieve</c>); <paramref name="fields"/> trims the answer (uuid and state are always included).</summary>
    public Task<OrderDetails> GetOrderAsync(Guid orderUuid, IReadOnlyList<string>? fields = null, CancellationToken cancellationToken = default) =>
        GetAsync(
            WaldurOperations.MarketplaceOrdersRetrieve,
            orderUuid,
            new Http.QueryBuilder().AddEach("field", FieldSelection.Including(fields, "uuid", "state")),
            Json.OrderDetails,
            cancellationToken);

    /// <summary>Creates an order (<c>marketplace_orders_create</c>, federation target).</summary>
    /// <remarks>Guarded: a repeat creates a second order; look the order up before repeating. Dry-run answers an order with an empty uuid.</remarks>
    public Task<OrderDetails> CreateOrderAsync(OrderCreateRequest request, CancellationToken cancellationToken = default) =>
        WriteAsync(
            WaldurOperations.MarketplaceOrdersCreate,
            null,
            request,
            Json.OrderCreateRequest,
            Json.OrderDetails,
            () => new OrderDetails { Uuid = Guid.Empty, State = OrderState.PendingConsumer, Type = request.Type ?? OrderType.Create },
            cancellationToken);

    /// <summary>Approves a pending-provider order (<c>marketplace_orders_approve_by_provider</c>); sends <c>{}</c>.</summary>
    /// <remarks>Guarded: a repeat after success fails with HTTP 400; re-read the order's state before repeating.</remarks>
    public Task<OrderInfoResponse> ApproveOrderByProviderAsync(Guid orderUuid, CancellationToken cancellationToken = default) =>
        WriteAsync(
            WaldurOperations.MarketplaceOrdersApproveByProvider,
            orderUuid,
            new OrderApproveByProviderRequest(),
            Json.OrderApproveByProviderRequest,
            Json.OrderInfoResponse,
            () => new OrderInfoResponse { Detail = "dry-run" },
            cancellationToken);

    /// <summary>Rejects a pending-provider order (<c>marketplace_orders_reject_by_provider</c>); sends <c>{}</c> unless a comment is given.</summary>
    /// <remarks>Guarded: a repeat after success fails with HTTP 400.</remarks>
    public Task RejectOrderByProviderAsync(Guid orderUuid, string? comment = null, CancellationToken cancellationToken = default) =>
        WriteAsync(
            WaldurOperations.MarketplaceOrdersRejectByProvider,
            orderUuid,
            new OrderProviderRejectionRequest { ProviderRejectionComment = comment },
            Json.OrderProviderRejectionRequest,
            cancellationToken);

    /// <summary>Stores the remote order id of an asynchronous backend (<c>marketplace_orders_set_backend_id</c>).</summary>
    /// <remarks>Idempotent.</remarks>
    public Task<StatusResponse> SetOrderBackendIdAsync(Guid orderUuid, string backendId, CancellationToken cancellationToken = default) =>
        WriteAsync(
            WaldurOperations.MarketplaceOrdersSetBackendId,
            orderUuid,
            new OrderBackendIdRequest { BackendId = backendId },
            Json.OrderBackendIdRequest,
            Json.StatusResponse,
            DryRunStatus,
            cancellationToken);

    /// <summary>Marks an executing order done (<c>marketplace_orders_set_state_done</c>); no body.</summary>
    /// <remarks>Guarded: call it only after a fresh read shows <c>executing</c>; a repeat fails with HTTP 400.</remarks>
    public Task SetOrderStateDoneAsync(Guid orderUuid, CancellationToken cancellationToken = default) =>
        WriteAsync(WaldurOperations.MarketplaceOrdersSetStateDone, orderUuid, cancellationToken);

    /// <summary>Marks an order erred with a message and traceback (<c>marketplace_orders_set_state_erred</c>).</summary>
    /// <remarks>Guarded: never call it for an order already done.</remarks>
    public Task SetOrderStateErredAsync(Guid orderUuid, string errorMessage, string errorTraceback, CancellationToken cancellationToken = default) =>
        WriteAsync(
            WaldurOperations.MarketplaceOrdersSetStateErred,
            orderUuid,
            new OrderErrorDetailsRequest { ErrorMessage = errorMessage, ErrorTraceback = errorTraceback },
            Json.OrderErrorDetailsRequest,
            cancellationToken);
}
