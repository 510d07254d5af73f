using Microsoft.Extensions.Logging;
using SiteAgent.Backends;
using SiteAgent.Backends.Model;
using SiteAgent.Core.Observability;
using SiteAgent.Core.WaldurAccess;
using SiteAgent.Waldur.Models;

namespace SiteAgent.Core.Orders;

/// <summary>Update (new limits) and Terminate orders.</summary>
public sealed partial class ChangeOrderHandlers
{
    private readonly OrderContext _context;
    private readonly BackendIdClaims _claims;
    private readonly ILogger _logger;

    /// <summary>Creates the handlers.</summary>
    public ChangeOrderHandlers(OrderContext context, BackendIdClaims claims)
    {
        _context = context;
        _claims = claims;
        _logger = context.Session.Logger;
    }

    /// <summary>Applies an Update order's limits (or its new plan's quotas); true when complete.</summary>
    /// <remarks>
    /// Waldur itself stores the new limits on the resource when the order is done. Prepaid caps depend on
    /// the duration too, so they are recomputed from the resource with the order's limits merged into its
    /// own: a component the order does not mention keeps its cap, and a plan quota of 0 caps at 0. Other
    /// backends set only the order's limits. The backend object must be the resource's own.
    /// </remarks>
    /// <exception cref="NotOwnedException">Another resource of the offering holds the same backend id.</exception>
    public async Task<bool> UpdateAsync(OrderDetails order, CancellationToken cancellationToken)
    {
        var resource = await GetResourceWithIdAsync(order, cancellationToken).ConfigureAwait(false);
        var request = resource.ToRequest();
        var prepaid = _context.Backend.HasPrepaidComponents;
        var limits = order.Limits is { Count: > 0 } ordered ? ordered : await PlanQuotasAsync(order, prepaid, cancellationToken).ConfigureAwait(false);
        if (limits.Count == 0)
        {
            LogNothingToApply(_logger, order.Uuid);
            return true;
        }

        if (WaldurMapping.SameLimits(limits, request.Limits) && !prepaid)
        {
            LogUnchanged(_logger, order.Uuid, WaldurMapping.Describe(limits));
            return true;
        }

        await RequireNoOtherHolderAsync(request, "change the limits of", cancellationToken).ConfigureAwait(false);
        if (prepaid)
        {
            var merged = new Dictionary<string, decimal>(request.Limits, StringComparer.Ordinal);
            foreach (var (component, value) in limits)
            {
                merged[component] = value;
            }

            await _context.Backend.ApplyResourceLimitsAsync(request with { Limits = merged }, LimitReapplication.Update, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await _context.Backend.SetResourceLimitsAsync(request, limits, cancellationToken).ConfigureAwait(false);
        }

        LogLimitsUpdated(_logger, request.BackendId, WaldurMapping.Describe(request.Limits), WaldurMapping.Describe(limits));
        return true;
    }

    /// <summary>Removes (or soft-deletes) the order's resource; true when complete.</summary>
    /// <remarks>
    /// A backend id another live resource of the offering holds is not this resource's to remove: the
    /// termination is complete with nothing removed. The backend applies its own ownership rule likewise.
    /// </remarks>
    public async Task<bool> TerminateAsync(OrderDetails order, CancellationToken cancellationToken)
    {
        var resource = await _context.GetOrderResourceAsync(order, cancellationToken).ConfigureAwait(false);
        var request = resource.ToRequest();
        if (request.BackendId.Length > 0
            && await _claims.OtherHoldersAsync(request.Uuid, request.BackendId, HolderStates.NotTerminated, cancellationToken).ConfigureAwait(false) is { } held)
        {
            _claims.ReportNotOwned(resource.Uuid, request.BackendId, $"backend id {request.BackendId} is also {held}; terminating removes nothing");
            return true;
        }

        await _context.Backend.DeleteResourceAsync(request, order.ProjectSlug ?? request.ProjectSlug, cancellationToken).ConfigureAwait(false);
        LogTerminated(_logger, request.BackendId.Length > 0 ? request.BackendId : "(no backend id)", resource.Uuid);
        return true;
    }

    // The Waldur half of ownership for a limiting write; the backend checks its own half.
    private async Task RequireNoOtherHolderAsync(ResourceRequest request, string operation, CancellationToken cancellationToken)
    {
        if (await _claims.OtherHoldersAsync(request.Uuid, request.BackendId, HolderStates.NotTerminated, cancellationToken).ConfigureAwait(false) is { } held)
        {
            var reason = $"backend id {request.BackendId} is also {held}";
            _claims.ReportNotOwned(request.Uuid, request.BackendId, reason);
            throw new NotOwnedException(
                $"Not going to {operation} backend resource {request.BackendId} for resource {request.Name} ({request.Uuid:N}): {reason}. " +
                "Nothing was changed; check which resource the backend object belongs to and correct the backend_id in Waldur.");
        }
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

    // Zero quotas matter to a prepaid recomputation (0 caps at 0); set directly, a 0 of a usage component would cap it, so they are left out.
    private async Task<IReadOnlyDictionary<string, decimal>> PlanQuotasAsync(OrderDetails order, bool withZeros, CancellationToken cancellationToken)
    {
        var quotas = order.PlanUuid is { } plan ? await _context.PlanQuotasAsync(plan, cancellationToken).ConfigureAwait(false) : new Dictionary<string, decimal>();
        return withZeros ? quotas : quotas.Where(q => q.Value != 0).ToDictionary(q => q.Key, q => q.Value, StringComparer.Ordinal);
    }

    [LoggerMessage(EventId = LogEvents.LimitsUpdated, Level = LogLevel.Information, Message = "Backend resource {BackendId}: limits changed from {Old} to {New}")]
    private static partial void LogLimitsUpdated(ILogger logger, string backendId, string old, string @new);

    [LoggerMessage(EventId = LogEvents.LimitsUnchanged, Level = LogLevel.Information, Message = "Order {Order}: limits {Limits} are unchanged; nothing to apply")]
    private static partial void LogUnchanged(ILogger logger, Guid order, string limits);

    [LoggerMessage(EventId = LogEvents.NothingToApply, Level = LogLevel.Warning, Message = "Order {Order}: no new limits and no plan quotas; nothing to apply")]
    private static partial void LogNothingToApply(ILogger logger, Guid order);

    [LoggerMessage(EventId = LogEvents.ResourceDeleted, Level = LogLevel.Information, Message = "Resource {Resource}: termination of backend resource {BackendId} is complete")]
    private static partial void LogTerminated(ILogger logger, string backendId, Guid resource);
}
