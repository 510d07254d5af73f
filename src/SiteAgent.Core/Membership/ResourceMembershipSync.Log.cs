using Microsoft.Extensions.Logging;
using SiteAgent.Core.Observability;

namespace SiteAgent.Core.Membership;

/// <summary>Log messages of <see cref="ResourceMembershipSync"/>.</summary>
public sealed partial class ResourceMembershipSync
{
    [LoggerMessage(EventId = LogEvents.MembershipResourceMissing, Level = LogLevel.Warning,
        Message = "Resource {Resource}: the {Backend} backend has no resource {BackendId}; its membership is not synced. Check the resource's backend_id in Waldur")]
    private static partial void LogMissing(ILogger logger, Guid resource, string backendId, string backend);

    [LoggerMessage(EventId = LogEvents.ResourceStatusChanged, Level = LogLevel.Debug, Message = "Resource {Resource}: {Operation} done (changed: {Changed})")]
    private static partial void LogStatus(ILogger logger, Guid resource, string operation, bool changed);

    [LoggerMessage(EventId = LogEvents.UserLimitsSynced, Level = LogLevel.Information, Message = "Resource {Resource}: per-user limits set on the backend for {Users}")]
    private static partial void LogUserLimits(ILogger logger, Guid resource, string users);

    [LoggerMessage(EventId = LogEvents.MembershipStatusesReported, Level = LogLevel.Information, Message = "Resource {Resource}: membership statuses sent ({Stored} stored; skipped: {Skipped})")]
    private static partial void LogStatuses(ILogger logger, Guid resource, int stored, string skipped);

    [LoggerMessage(EventId = LogEvents.MembershipStatusesRefused, Level = LogLevel.Warning, Message = "Resource {Resource}: Waldur did not take the membership statuses: {Reason}")]
    private static partial void LogStatusesRefused(ILogger logger, Guid resource, string reason);

    [LoggerMessage(EventId = LogEvents.MembershipResourceTransient, Level = LogLevel.Warning,
        Message = "Resource {Resource}: transient failure during membership sync ({Reason}); nothing marked, the next cycle tries again")]
    private static partial void LogTransient(ILogger logger, Guid resource, string reason);

    [LoggerMessage(EventId = LogEvents.MembershipResourceFailed, Level = LogLevel.Error, Message = "Resource {Resource} ({BackendId}): membership sync failed: {Reason}; marking it erred in Waldur")]
    private static partial void LogFailed(ILogger logger, Guid resource, string backendId, string reason, Exception exception);

    [LoggerMessage(EventId = LogEvents.ResourceStateWriteFailed, Level = LogLevel.Error, Message = "Resource {Resource}: could not mark it {State} in Waldur: {Reason}")]
    private static partial void LogStateWriteFailed(ILogger logger, Guid resource, string state, string reason);
}
