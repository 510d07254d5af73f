using Microsoft.Extensions.Logging;
using SiteAgent.Backends.Capabilities;
using SiteAgent.Core.Config;
using SiteAgent.Core.Observability;
using SiteAgent.Core.Orders;
using SiteAgent.Waldur;
using SiteAgent.Waldur.Models;

namespace SiteAgent.Core.Events.Handlers;

/// <summary>
/// <c>order</c>: states nothing can be done about are skipped without a call; otherwise the order is
/// read fresh and processed exactly as the polling mode does, transient Waldur failures retried with
/// back-off. An order still not finished is picked up again by reconciliation.
/// </summary>
public sealed partial class OrderEventHandler(EventServices services)
    : EventHandler<OrderEvent>(services, ObservableObjectType.Order, EventJsonContext.Default.OrderEvent)
{
    private static readonly HashSet<string> IgnoredStates =
        ["done", "erred", "pending-consumer", "canceled", "rejected", "pending-project", "pending-start-date"];

    /// <inheritdoc />
    protected override async Task HandleAsync(OfferingConfig offering, OrderEvent message, CancellationToken cancellationToken)
    {
        var order = EventUuid.Required(message.OrderUuid, "order_uuid");
        if (message.OrderState is { } state && IgnoredStates.Contains(state))
        {
            LogIgnored(Services.Logger, offering.Name, order, state);
            return;
        }

        var session = await Services.SessionAsync(offering, offering.OrderProcessingBackend, ServiceName, OrderProcessMode.ProcessorName, cancellationToken).ConfigureAwait(false);
        var context = new OrderContext(Services.Runtime, session, (IOrderProcessingBackend)session.Backend,
            session.Waldur.WithRetry(write: WaldurRetrySettings.None), Services.Sessions);
        var outcome = await new OrderCycle(context, Services.Heartbeat).ProcessOneAsync(order, cancellationToken).ConfigureAwait(false);
        LogProcessed(Services.Logger, offering.Name, order, outcome.ToString());
    }

    [LoggerMessage(EventId = LogEvents.EventOrderIgnored, Level = LogLevel.Debug, Message = "Offering \"{Offering}\": order {Order} is {State}; nothing to do")]
    private static partial void LogIgnored(ILogger logger, string offering, Guid order, string state);

    [LoggerMessage(EventId = LogEvents.EventOrderProcessed, Level = LogLevel.Information, Message = "Offering \"{Offering}\": order {Order} processed from its event: {Outcome}")]
    private static partial void LogProcessed(ILogger logger, string offering, Guid order, string outcome);
}
