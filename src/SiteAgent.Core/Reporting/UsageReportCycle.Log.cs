using Microsoft.Extensions.Logging;
using SiteAgent.Core.Observability;

namespace SiteAgent.Core.Reporting;

/// <summary>Log messages of <see cref="UsageReportCycle"/>.</summary>
public sealed partial class UsageReportCycle
{
    [LoggerMessage(EventId = LogEvents.ReportStarted, Level = LogLevel.Information, Message = "Offering \"{Offering}\": reporting usage of {Count} resources for {Periods}")]
    private static partial void LogStarted(ILogger logger, string offering, int count, string periods);

    [LoggerMessage(EventId = LogEvents.ReportPeriodReadFailed, Level = LogLevel.Error,
        Message = "Offering \"{Offering}\": reading the usage of {Period} from the backend failed: {Reason}; nothing is reported for {Period} this cycle, the other periods are")]
    private static partial void LogPeriodReadFailed(ILogger logger, string offering, string period, string reason);

    [LoggerMessage(EventId = LogEvents.ReportMonthRolledOver, Level = LogLevel.Warning,
        Message = "Offering \"{Offering}\": the month {Period} ended while its usage was read; it is reported by the next cycle as a past month")]
    private static partial void LogMonthRolledOver(ILogger logger, string offering, string period);

    [LoggerMessage(EventId = LogEvents.ReportRecordsUnavailable, Level = LogLevel.Error,
        Message = "Offering \"{Offering}\": Waldur's usage records of {Period} could not be read ({Reason}); {Period} is reported next cycle")]
    private static partial void LogRecordsUnavailable(ILogger logger, string offering, string period, string reason);

    [LoggerMessage(EventId = LogEvents.ReportResourceUnknown, Level = LogLevel.Warning,
        Message = "Resource {Resource}: the {Backend} backend has no resource {BackendId} and no usage of it; nothing is reported. Check the resource's backend_id in Waldur")]
    private static partial void LogResourceUnknown(ILogger logger, System.Guid resource, string backendId, string backend);

    [LoggerMessage(EventId = LogEvents.ReportResourceFailed, Level = LogLevel.Error,
        Message = "Resource {Resource}: usage of {BackendId} in {Period} could not be read: {Reason}; it is reported next cycle")]
    private static partial void LogResourceFailed(ILogger logger, System.Guid resource, string backendId, string period, string reason);

    [LoggerMessage(EventId = LogEvents.PastPeriodClosed, Level = LogLevel.Information,
        Message = "Resource {Resource}: Waldur does not accept usage for {Period} any more (backfilling past billing periods is off); skipped")]
    private static partial void LogPastPeriodClosed(ILogger logger, System.Guid resource, string period);

    [LoggerMessage(EventId = LogEvents.PastPeriodRejected, Level = LogLevel.Warning, Message = "Resource {Resource}: Waldur refused usage of past period {Period} (HTTP 400): {Body}")]
    private static partial void LogPastPeriodRejected(ILogger logger, System.Guid resource, string period, string body);

    [LoggerMessage(EventId = LogEvents.UsageSubmitFailed, Level = LogLevel.Error, Message = "Resource {Resource}: submitting usage of {Period} failed: {Reason}; the next cycle tries again")]
    private static partial void LogSubmitFailed(ILogger logger, System.Guid resource, string period, string reason);

    [LoggerMessage(EventId = LogEvents.UsageSubmitRetry, Level = LogLevel.Warning,
        Message = "Resource {Resource}: transient failure submitting usage of {Period} ({Reason}); reading its records again and retrying in {Seconds} s")]
    private static partial void LogRetry(ILogger logger, System.Guid resource, string period, string reason, double seconds);

    [LoggerMessage(EventId = LogEvents.ReportPeriodSummary, Level = LogLevel.Information,
        Message = "Offering \"{Offering}\": {Period}: totals submitted {Submitted}, unchanged {Unchanged}; per-user usages sent {UserUsages}; anomalies {Anomalies}, skipped {Skipped}, failed {Failed}")]
    private static partial void LogPeriodSummary(ILogger logger, string offering, string period, int submitted, int unchanged, int userUsages, int anomalies, int skipped, int failed);

    [LoggerMessage(EventId = LogEvents.UsageComponentsUnknown, Level = LogLevel.Warning,
        Message = "Offering \"{Offering}\": the backend reports usage of {Components}, which the Waldur offering has no component for; that usage is not submitted")]
    private static partial void LogUnknownComponents(ILogger logger, string offering, string components);

    [LoggerMessage(EventId = LogEvents.BackfillZeroTotal, Level = LogLevel.Information,
        Message = "Resource {Resource} ({BackendId}): the backend reports no usage in {Period}; reporting zero for every configured component (reconciling stale records)")]
    private static partial void LogZeroTotal(ILogger logger, Guid resource, string backendId, string period);
}
