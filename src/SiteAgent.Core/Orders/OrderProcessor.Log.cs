using Microsoft.Extensions.Logging;
using SiteAgent.Core.Observability;

namespace SiteAgent.Core.Orders;

/// <summary>Log messages of <see cref="OrderProcessor"/>.</summary>
public sealed partial class OrderProcessor
{
    [LoggerMessage(EventId = LogEvents.OrderProcessing, Level = LogLevel.Information, Message = "Order {Order}: processing {Type} of resource \"{Resource}\" (state {State})")]
    private static partial void LogProcessing(ILogger logger, Guid order, string type, string resource, string state);

    [LoggerMessage(EventId = LogEvents.OrderApproved, Level = LogLevel.Information, Message = "Order {Order}: approved by provider")]
    private static partial void LogApproved(ILogger logger, Guid order);

    [LoggerMessage(EventId = LogEvents.OrderRejected, Level = LogLevel.Information, Message = "Order {Order}: rejected by provider (backend decision)")]
    private static partial void LogRejected(ILogger logger, Guid order);

    [LoggerMessage(EventId = LogEvents.OrderKeptPending, Level = LogLevel.Information, Message = "Order {Order}: kept pending, will re-evaluate on next cycle")]
    private static partial void LogKeptPending(ILogger logger, Guid order);

    [LoggerMessage(EventId = LogEvents.EvaluationFailed, Level = LogLevel.Warning, Message = "Order {Order}: evaluation or approval failed, keeping it pending: {Reason}")]
    private static partial void LogEvaluationFailed(ILogger logger, Guid order, string reason);

    [LoggerMessage(EventId = LogEvents.OrderDone, Level = LogLevel.Information, Message = "Order {Order}: {Type} of \"{Resource}\" is done")]
    private static partial void LogDone(ILogger logger, Guid order, string type, string resource);

    [LoggerMessage(EventId = LogEvents.OrderErred, Level = LogLevel.Error, Message = "Order {Order}: {Type} of \"{Resource}\" failed: {Reason}")]
    private static partial void LogErred(ILogger logger, Guid order, string type, string resource, string reason);

    [LoggerMessage(EventId = LogEvents.SetErredFailed, Level = LogLevel.Error, Message = "Order {Order}: could not mark the order erred: {Reason}")]
    private static partial void LogSetErredFailed(ILogger logger, Guid order, string reason);

    [LoggerMessage(EventId = LogEvents.OrderNotFinished, Level = LogLevel.Warning, Message = "Order {Order}: processing is not finished; it stays executing for the next cycle")]
    private static partial void LogNotFinished(ILogger logger, Guid order);

    [LoggerMessage(EventId = LogEvents.BackendNotReady, Level = LogLevel.Warning, Message = "Order {Order}: backend not ready ({Reason}); will retry on next cycle")]
    private static partial void LogNotReady(ILogger logger, Guid order, string reason);

    [LoggerMessage(EventId = LogEvents.OrderStateChanged, Level = LogLevel.Warning, Message = "Order {Order}: no longer executing in Waldur ({State}); not marking it done")]
    private static partial void LogStateChanged(ILogger logger, Guid order, string state);

    [LoggerMessage(EventId = LogEvents.OrderUnexpectedState, Level = LogLevel.Warning, Message = "Order {Order}: unexpected state {State}; skipping")]
    private static partial void LogUnexpectedState(ILogger logger, Guid order, string state);

    [LoggerMessage(EventId = LogEvents.OrderTypeUnknown, Level = LogLevel.Warning, Message = "Order {Order}: type {Type} is not processed by the agent")]
    private static partial void LogTypeUnknown(ILogger logger, Guid order, string type);
}
