using Microsoft.Extensions.Logging;
using SiteAgent.Backends;
using SiteAgent.Backends.Model;
using SiteAgent.Core.Observability;
using SiteAgent.Core.WaldurAccess;
using SiteAgent.Waldur;
using SiteAgent.Waldur.Models;

namespace SiteAgent.Core.Orders;

/// <summary>
/// One order through the provider-side order state machine: evaluate and approve pending-provider
/// orders, provision executing ones by type, then mark them done or erred.
/// </summary>
/// <remarks>
/// Invariants: evaluation and approval failures never err an order; transient Waldur failures leave
/// the order untouched (the caller retries it); an order is marked done only after a fresh read shows
/// it still executing and the backend confirms the work; post-processing never errs an order.
/// </remarks>
public sealed partial class OrderProcessor
{
    private readonly OrderContext _context;
    private readonly ILogger _logger;
    private readonly CreateOrderHandler _create;
    private readonly ChangeOrderHandlers _change;
    private readonly OrderPostProcessor _postProcessor;

    /// <summary>Creates the processor for one offering's cycle.</summary>
    public OrderProcessor(OrderContext context)
    {
        _context = context;
        _logger = context.Session.Logger;
        var users = new UserContextBuilder(context);
        var claims = new BackendIdClaims(context);
        _create = new CreateOrderHandler(context, users, claims);
        _change = new ChangeOrderHandlers(context, claims);
        _postProcessor = new OrderPostProcessor(context, users);
    }

    /// <summary>Processes one order. Transient Waldur failures propagate so the caller can retry with a fresh read.</summary>
    public async Task<OrderOutcome> ProcessAsync(OrderDetails order, CancellationToken cancellationToken)
    {
        var provisioningStarted = false;
        try
        {
            switch (order.State)
            {
                case OrderState.Done or OrderState.Erred:
                    return OrderOutcome.Skipped;
                case OrderState.PendingProvider:
                    var (approved, outcome) = await EvaluateAsync(order, cancellationToken).ConfigureAwait(false);
                    if (approved is null)
                    {
                        return outcome;
                    }

                    order = approved;
                    break;
                case OrderState.Executing:
                    break;
                default:
                    LogUnexpectedState(_logger, order.Uuid, order.State);
                    return OrderOutcome.Skipped;
            }

            provisioningStarted = true;
            LogProcessing(_logger, order.Uuid, order.Type ?? "?", order.ResourceName ?? string.Empty, order.State);
            CreatedResource? created = null;
            var done = order.Type switch
            {
                OrderType.Create or OrderType.Restore => (created = await _create.ProcessAsync(order, cancellationToken).ConfigureAwait(false)) is not null,
                OrderType.Update => await _change.UpdateAsync(order, cancellationToken).ConfigureAwait(false),
                OrderType.Terminate => await _change.TerminateAsync(order, cancellationToken).ConfigureAwait(false),
                _ => LogUnknownType(order),
            };
            if (!done)
            {
                LogNotFinished(_logger, order.Uuid);
                return OrderOutcome.Left;
            }

            return await CompleteAsync(order, created, cancellationToken).ConfigureAwait(false);
        }
        catch (BackendNotReadyException ex)
        {
            LogNotReady(_logger, order.Uuid, ex.Message);
            return OrderOutcome.Left;
        }
        catch (Exception ex) when (OrderErrors.IsTransient(ex) || ex is OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex) when (!provisioningStarted)
        {
            LogEvaluationFailed(_logger, order.Uuid, ex.Message);
            return OrderOutcome.Left;
        }
        catch (Exception ex)
        {
            return await ErrAsync(order, ex, cancellationToken).ConfigureAwait(false);
        }
    }

    // Returns the order re-read after approval, or null with the outcome when it is not to be provisioned now.
    private async Task<(OrderDetails? Approved, OrderOutcome Outcome)> EvaluateAsync(OrderDetails order, CancellationToken cancellationToken)
    {
        var decision = await _context.Backend.EvaluatePendingOrderAsync(order.ToSummary(), cancellationToken).ConfigureAwait(false);
        switch (decision)
        {
            case PendingOrderDecision.Reject:
                await _context.Waldur.RejectOrderByProviderAsync(order.Uuid, cancellationToken: cancellationToken).ConfigureAwait(false);
                LogRejected(_logger, order.Uuid);
                return (null, OrderOutcome.Rejected);
            case PendingOrderDecision.Pending:
                LogKeptPending(_logger, order.Uuid);
                return (null, OrderOutcome.Left);
        }

        await _context.Waldur.ApproveOrderByProviderAsync(order.Uuid, cancellationToken).ConfigureAwait(false);
        LogApproved(_logger, order.Uuid);
        if (_context.DryRun)
        {
            // Nothing was approved; plan the rest as if Waldur had moved the order on.
            return (order with { State = OrderState.Executing }, OrderOutcome.Left);
        }

        var fresh = await _context.Waldur.GetOrderAsync(order.Uuid, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (fresh.State != OrderState.Executing)
        {
            LogStateChanged(_logger, order.Uuid, fresh.State);
            return (null, OrderOutcome.Left);
        }

        return (fresh, OrderOutcome.Left);
    }

    /// <remarks>
    /// Post-processing runs whenever the backend work is complete and the order is not erred here, also
    /// when Waldur moved the order on meanwhile (the fresh read or a 409): the resource exists either way.
    /// Any other refusal of <c>set_state_done</c> (400, 403, 404…) is not a race but Waldur saying no; left
    /// executing, the order would be provisioned again every cycle. It is erred with Waldur's message.
    /// </remarks>
    private async Task<OrderOutcome> CompleteAsync(OrderDetails order, CreatedResource? created, CancellationToken cancellationToken)
    {
        var fresh = _context.DryRun ? order : await _context.Waldur.GetOrderAsync(order.Uuid, ["uuid", "state"], cancellationToken).ConfigureAwait(false);
        if (fresh.State != OrderState.Executing)
        {
            LogStateChanged(_logger, order.Uuid, fresh.State);
            await PostProcessAsync(order, created, cancellationToken).ConfigureAwait(false);
            return OrderOutcome.Left;
        }

        try
        {
            await _context.Waldur.SetOrderStateDoneAsync(order.Uuid, cancellationToken).ConfigureAwait(false);
        }
        catch (WaldurApiException ex) when (ex.StatusCode == 409)
        {
            // The order moved on meanwhile; never err an order whose work is done.
            LogStateChanged(_logger, order.Uuid, "refused set_state_done: " + ex.Message);
            await PostProcessAsync(order, created, cancellationToken).ConfigureAwait(false);
            return OrderOutcome.Left;
        }
        catch (WaldurApiException ex) when (!ex.IsTransient)
        {
            return await ErrAsync(order, new BackendException("The backend work for this order is done, but " + ex.Message), cancellationToken).ConfigureAwait(false);
        }

        LogDone(_logger, order.Uuid, order.Type ?? "?", order.ResourceName ?? string.Empty);
        await PostProcessAsync(order, created, cancellationToken).ConfigureAwait(false);
        return OrderOutcome.Done;
    }

    private Task PostProcessAsync(OrderDetails order, CreatedResource? created, CancellationToken cancellationToken) =>
        created is null ? Task.CompletedTask : _postProcessor.RunAsync(order.Uuid, created, cancellationToken);

    private async Task<OrderOutcome> ErrAsync(OrderDetails order, Exception error, CancellationToken cancellationToken)
    {
        var (message, traceback) = OrderErrors.Details(error, _context.Runtime.Config.ExposeBackendErrorDetails);
        LogErred(_logger, order.Uuid, order.Type ?? "?", order.ResourceName ?? string.Empty, error.Message);
        try
        {
            await _context.Waldur.SetOrderStateErredAsync(order.Uuid, message, traceback, cancellationToken).ConfigureAwait(false);
            return OrderOutcome.Erred;
        }
        catch (WaldurException ex)
        {
            LogSetErredFailed(_logger, order.Uuid, ex.Message);
            return OrderOutcome.Left;
        }
    }

    private bool LogUnknownType(OrderDetails order)
    {
        LogTypeUnknown(_logger, order.Uuid, order.Type ?? "(none)");
        return false;
    }
}
