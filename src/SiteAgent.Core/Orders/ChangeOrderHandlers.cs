using Microsoft.Extensions.Logging;
using SiteAgent.Backends;
using SiteAgent.Core.Observability;
using SiteAgent.Core.WaldurAccess;
using SiteAgent.Waldur.Models;

namespace SiteAgent.Core.Orders;

/// <summary>Update (new limits) and Terminate orders (modes.md §2.6, §2.7).</summary>
public sealed partial class ChangeOrderHandlers
{
    private readonly OrderContext _context;
    private readonly ILogger _logger;

    /// <summary>Creates the handlers.</summary>
    public ChangeOrderHandlers(OrderContext context)
    {
        _context = context;
        _logger = context.Session.Logger;
    }

    /// <summary>Applies an Update order's limits (or its new plan's quotas); true when complete.</summary>
    /// <remarks>Waldur itself stores the new limits on the resource when the order is done.</remarks>
    public async Task<bool> UpdateAsync(OrderDetails order, CancellationToken cancellationToken)
    {
        var resource = await GetResourceWithIdAsync(order, cancellationToken).ConfigureAwait(false);
        var request = resource.ToRequest();
        var limits = order.Limits is { Count: > 0 } ordered ? ordered : await PlanQuotasAsync(order, cancellationToken).ConfigureAwait(false);
        if (limits.Count == 0)
        {
            LogNothingToApply(_logger, order.Uuid);
            return true;
        }

        if (WaldurMapping.SameLimits(limits, request.Limits) && !_context.Backend.HasPrepaidComponents)
        {
            LogUnchanged(_logger, order.Uuid, WaldurMapping.Describe(limits));
            return true;
        }

        if (_context.Backend.HasPrepaidComponents)
        {
            // Prepaid caps depend on the duration too, so they are recomputed from the resource with its new limits.
            await _context.Backend.ApplyResourceLimitsAsync(request with { Limits = limits }, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await _context.Backend.SetResourceLimitsAsync(request, limits, cancellationToken).ConfigureAwait(false);
        }

        LogLimitsUpdated(_logger, request.BackendId, WaldurMapping.Describe(request.Limits), WaldurMapping.Describe(limits));
        return true;
    }

    /// <summary>Removes (or soft-deletes) the order's resource; true when complete.</summary>
    public async Task<bool> TerminateAsync(OrderDetails order, CancellationToken cancellationToken)
    {
        var resource = await _context.GetOrderResourceAsync(order, cancellationToken).ConfigureAwait(false);
        var request = resource.ToRequest();
        await _context.Backend.DeleteResourceAsync(request, order.ProjectSlug ?? request.ProjectSlug, cancellationToken).ConfigureAwait(false);
        LogDeleted(_logger, request.BackendId.Length > 0 ? request.BackendId : "(no backend id)", resource.Uuid);
        return true;
    }

    private async Task<Resource> GetResourceWithIdAsync(OrderDetails order, CancellationToken cancellationToken)
    {
        var resource = await _context.GetOrderResourceAsync(order, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(resource.BackendId))
        {
            throw new BackendException($"Resource {resource.Name} ({resource.Uuid:N}) has no backend id; it was never created on the backend");
        }

        return resource;
    }

    private async Task<IReadOnlyDictionary<string, decimal>> PlanQuotasAsync(OrderDetails order, CancellationToken cancellationToken) =>
        order.PlanUuid is { } plan ? await _context.PlanQuotasAsync(plan, cancellationToken).ConfigureAwait(false) : new Dictionary<string, decimal>();

    [LoggerMessage(EventId = LogEvents.LimitsUpdated, Level = LogLevel.Information, Message = "Backend resource {BackendId}: limits changed from {Old} to {New}")]
    private static partial void LogLimitsUpdated(ILogger logger, string backendId, string old, string @new);

    [LoggerMessage(EventId = LogEvents.LimitsUnchanged, Level = LogLevel.Information, Message = "Order {Order}: limits {Limits} are unchanged; nothing to apply")]
    private static partial void LogUnchanged(ILogger logger, Guid order, string limits);

    [LoggerMessage(EventId = LogEvents.NothingToApply, Level = LogLevel.Warning, Message = "Order {Order}: no new limits and no plan quotas; nothing to apply")]
    private static partial void LogNothingToApply(ILogger logger, Guid order);

    [LoggerMessage(EventId = LogEvents.ResourceDeleted, Level = LogLevel.Information, Message = "Resource {Resource}: backend resource {BackendId} removed")]
    private static partial void LogDeleted(ILogger logger, string backendId, Guid resource);
}
