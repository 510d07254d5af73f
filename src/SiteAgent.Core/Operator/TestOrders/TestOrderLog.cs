using Microsoft.Extensions.Logging;
using SiteAgent.Core.Observability;

namespace SiteAgent.Core.Operator.TestOrders;

/// <summary>The log lines of <c>test-order</c>.</summary>
internal static partial class TestOrderLog
{
    [LoggerMessage(EventId = LogEvents.TestOrderChecking, Level = LogLevel.Information, Message = "Checking order {OrderUuid} (type: {OrderType}) with the {Backend} backend")]
    public static partial void Checking(ILogger logger, string orderUuid, string orderType, string backend);

    [LoggerMessage(EventId = LogEvents.TestOrderRendered, Level = LogLevel.Debug, Message = "Rendered template {Template}: {Text}")]
    public static partial void Rendered(ILogger logger, string template, string text);

    [LoggerMessage(EventId = LogEvents.TestOrderBackendOperation, Level = LogLevel.Information, Message = "Backend operation: {Operation}")]
    public static partial void BackendOperation(ILogger logger, string operation);

    [LoggerMessage(EventId = LogEvents.TestOrderWriteRefused, Level = LogLevel.Warning,
        Message = "test-order never writes to the backend; refused: {Command}")]
    public static partial void WriteRefused(ILogger logger, string command);
}
