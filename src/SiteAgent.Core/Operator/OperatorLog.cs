using Microsoft.Extensions.Logging;
using SiteAgent.Core.Observability;

namespace SiteAgent.Core.Operator;

/// <summary>Log lines the one-shot operator commands share (one event id each, whichever command writes them).</summary>
public static partial class OperatorLog
{
    /// <summary>An offering could not be processed; the command continues with the next.</summary>
    [LoggerMessage(EventId = LogEvents.OperatorOfferingFailed, Level = LogLevel.Error, Message = "Offering \"{Offering}\": {Error}; continuing with the next offering")]
    public static partial void OfferingFailed(ILogger logger, string offering, string error);

    /// <summary>A one-shot step starts on an offering.</summary>
    [LoggerMessage(EventId = LogEvents.OperatorSyncStarted, Level = LogLevel.Information, Message = "{Step} for offering {Offering}")]
    public static partial void StepStarted(ILogger logger, string step, string offering);
}
