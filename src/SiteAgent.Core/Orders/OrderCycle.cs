using Microsoft.Extensions.Logging;
using SiteAgent.Core.Observability;
using SiteAgent.Core.Runtime;
using SiteAgent.Waldur;
using SiteAgent.Waldur.Models;
using SiteAgent.Waldur.Queries;

namespace SiteAgent.Core.Orders;

/// <summary>
/// One offering's order cycle: list pending-provider and executing orders and
/// process each, retrying transient Waldur failures with a fresh read of the order.
/// </summary>
/// <remarks>
/// The reference retried 10 times, 5 s apart, blocking the offering for up to ~45 s per bad order;
/// here a shorter exponential schedule is used and the order is simply picked up next cycle.
/// </remarks>
public sealed partial class OrderCycle
{
    private static readonly string[] ListStates = [OrderState.PendingProvider, OrderState.Executing];

    private readonly OrderContext _context;
    private readonly Heartbeat _heartbeat;
    private readonly IReadOnlyList<TimeSpan> _retryDelays;

    /// <summary>Creates the cycle; <paramref name="retryDelays"/> are the pauses before each retry of an order.</summary>
    public OrderCycle(OrderContext context, Heartbeat heartbeat, IReadOnlyList<TimeSpan>? retryDelays = null)
    {
        _context = context;
        _heartbeat = heartbeat;
        _retryDelays = retryDelays ?? [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8)];
    }

    /// <summary>Processes every listed order; returns the count per outcome.</summary>
    public async Task<IReadOnlyDictionary<OrderOutcome, int>> RunAsync(CancellationToken shutdown, CancellationToken abort)
    {
        var logger = _context.Session.Logger;
        var orders = await _context.Waldur.ListOrders(new OrderListQuery { OfferingUuid = _context.Session.Offering.OfferingUuid, States = ListStates })
            .ToListAsync(abort).ConfigureAwait(false);
        LogListed(logger, _context.Session.Name, orders.Count);
        var outcomes = Enum.GetValues<OrderOutcome>().ToDictionary(o => o, _ => 0);
        var processor = new OrderProcessor(_context);
        for (var i = 0; i < orders.Count && !shutdown.IsCancellationRequested; i++)
        {
            _heartbeat.TouchEvery10th(i);
            outcomes[await ProcessWithRetriesAsync(processor, orders[i], abort).ConfigureAwait(false)]++;
        }

        return outcomes;
    }

    /// <summary>Processes one order (read fresh from Waldur), retrying transient failures; used by event handlers.</summary>
    public async Task<OrderOutcome> ProcessOneAsync(Guid orderUuid, CancellationToken abort)
    {
        var order = await _context.Waldur.GetOrderAsync(orderUuid, cancellationToken: abort).ConfigureAwait(false);
        return await ProcessWithRetriesAsync(new OrderProcessor(_context), order, abort).ConfigureAwait(false);
    }

    private async Task<OrderOutcome> ProcessWithRetriesAsync(OrderProcessor processor, OrderDetails listed, CancellationToken abort)
    {
        var logger = _context.Session.Logger;
        var order = listed;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                if (attempt > 0)
                {
                    order = await _context.Waldur.GetOrderAsync(listed.Uuid, cancellationToken: abort).ConfigureAwait(false);
                }

                return await processor.ProcessAsync(order, abort).ConfigureAwait(false);
            }
            catch (WaldurException ex) when (attempt > 0 && !ex.IsTransient && ex is WaldurApiException)
            {
                // The re-read itself was refused (e.g. the order is gone): nothing more to do this cycle.
                LogGaveUp(logger, listed.Uuid, attempt + 1, ex.Message);
                return OrderOutcome.Left;
            }
            catch (Exception ex) when (OrderErrors.IsTransient(ex))
            {
                if (attempt >= _retryDelays.Count)
                {
                    LogGaveUp(logger, listed.Uuid, attempt + 1, ex.Message);
                    return OrderOutcome.Left;
                }

                LogTransient(logger, listed.Uuid, ex.Message, _retryDelays[attempt].TotalSeconds);
                await Task.Delay(_retryDelays[attempt], _context.Runtime.Time, abort).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(EventId = LogEvents.OrdersListed, Level = LogLevel.Information, Message = "Offering \"{Offering}\": {Count} pending-provider or executing orders")]
    private static partial void LogListed(ILogger logger, string offering, int count);

    [LoggerMessage(EventId = LogEvents.OrderTransientFailure, Level = LogLevel.Warning,
        Message = "Order {Order}: transient failure ({Reason}); keeping the order state and retrying in {Seconds} s")]
    private static partial void LogTransient(ILogger logger, Guid order, string reason, double seconds);

    [LoggerMessage(EventId = LogEvents.OrderGaveUp, Level = LogLevel.Error,
        Message = "Order {Order}: failed to process after {Attempts} attempts ({Reason}); it is left as it is for the next cycle")]
    private static partial void LogGaveUp(ILogger logger, Guid order, int attempts, string reason);
}
