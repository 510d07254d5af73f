using Microsoft.Extensions.Logging;
using SiteAgent.Backends.Capabilities;
using SiteAgent.Core.Observability;
using SiteAgent.Core.WaldurAccess;
using SiteAgent.Waldur;
using SiteAgent.Waldur.Models;

namespace SiteAgent.Core.Membership;

/// <summary>
/// The limit pull: the backend's limits of a resource, in Waldur units, written to Waldur when they
/// differ (membership sync every cycle, <c>sync-resource-limits</c> once).
/// </summary>
public static partial class LimitPull
{
    /// <summary>Pulls one resource's limits; true when Waldur's were replaced.</summary>
    public static async Task<bool> PullAsync(ILimitReadingBackend reader, WaldurClient waldur, Resource resource, ILogger logger, CancellationToken cancellationToken)
    {
        var limits = await reader.GetResourceLimitsAsync(resource.BackendId!, cancellationToken).ConfigureAwait(false);
        if (limits.Count == 0)
        {
            LogNoLimits(logger, resource.Uuid, resource.BackendId!);
            return false;
        }

        var current = resource.Limits ?? new Dictionary<string, decimal>();
        if (WaldurMapping.SameLimits(limits, current))
        {
            return false;
        }

        await waldur.SetProviderResourceLimitsAsync(resource.Uuid, WaldurMapping.ToWholeLimits(limits), cancellationToken).ConfigureAwait(false);
        LogLimits(logger, resource.Uuid, WaldurMapping.Describe(current), WaldurMapping.Describe(limits));
        return true;
    }

    [LoggerMessage(EventId = LogEvents.BackendLimitsMissing, Level = LogLevel.Warning, Message = "Resource {Resource}: no limits found in the backend for {BackendId}; Waldur's limits are left alone")]
    private static partial void LogNoLimits(ILogger logger, Guid resource, string backendId);

    [LoggerMessage(EventId = LogEvents.LimitsSyncedToWaldur, Level = LogLevel.Information, Message = "Resource {Resource}: limits in Waldur set from the backend: {Old} → {New}")]
    private static partial void LogLimits(ILogger logger, Guid resource, string old, string @new);
}
