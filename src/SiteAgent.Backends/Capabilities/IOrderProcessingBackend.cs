using SiteAgent.Backends.Model;

namespace SiteAgent.Backends.Capabilities;

/// <summary>Creates, changes and removes backend resources for marketplace orders.</summary>
[BackendCapability(BackendCapabilities.OrderProcessing)]
public interface IOrderProcessingBackend
{
    /// <summary>Reads a resource that Waldur says exists; null when the backend has no such resource.</summary>
    Task<BackendResourceInfo?> PullResourceAsync(ResourceRequest resource, CancellationToken cancellationToken);

    /// <summary>True when the backend has the resource; cheaper than a pull, which also reads users and usage.</summary>
    async Task<bool> ExistsAsync(ResourceRequest resource, CancellationToken cancellationToken) =>
        await PullResourceAsync(resource, cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>
    /// The backend id a generated candidate (<c>lower(allocation_prefix + base)</c>) becomes on this backend,
    /// for example shortened to its length limit. The core claims this id in Waldur before creating the
    /// resource, so it must be the final one. Throws <see cref="UnsafeValueException"/> for a value that can
    /// never be a safe id. The default keeps the candidate.
    /// </summary>
    string BackendIdFor(string candidate) => candidate;

    /// <summary>
    /// Why <paramref name="backendId"/> cannot be claimed for <paramref name="resource"/> (it exists, or it
    /// names an object the resource's tree uses, such as its project), or null when it is free. The core
    /// asks before it claims an id in Waldur. The default checks existence only.
    /// </summary>
    async Task<string?> WhyIdIsTakenAsync(ResourceRequest resource, string backendId, CancellationToken cancellationToken) =>
        await ExistsAsync(resource with { BackendId = backendId }, cancellationToken).ConfigureAwait(false)
            ? $"backend resource {backendId} already exists"
            : null;

    /// <summary>
    /// Whether the backend object under <see cref="ResourceRequest.BackendId"/> is the resource's own (see
    /// the backend's ownership rule), absent, or another's. The default counts any existing object as owned.
    /// </summary>
    async Task<Ownership> CheckOwnershipAsync(ResourceRequest resource, CancellationToken cancellationToken) =>
        await ExistsAsync(resource, cancellationToken).ConfigureAwait(false) ? Ownership.Owned : Ownership.Absent;

    /// <summary>
    /// Creates the resource under <paramref name="backendId"/> with its limits and returns what was
    /// created. Throws <see cref="DuplicateResourceException"/> when the id is taken, and
    /// <see cref="ResourceNotCreatedException"/> when it failed before anything existed under the id.
    /// </summary>
    Task<BackendResourceInfo> CreateResourceAsync(
        ResourceRequest resource, string backendId, UserContext userContext, CancellationToken cancellationToken);

    /// <summary>Applies new limits (Waldur units) to an existing resource; returns a remote order id or null.</summary>
    Task<string?> SetResourceLimitsAsync(
        ResourceRequest resource, IReadOnlyDictionary<string, decimal> waldurLimits, CancellationToken cancellationToken);

    /// <summary>Removes (or soft-deletes) the resource; absent resources are success. Returns a remote order id or null.</summary>
    Task<string?> DeleteResourceAsync(ResourceRequest resource, string projectSlug, CancellationToken cancellationToken);

    /// <summary>True when limits depend on the resource's duration (prepaid components), so updates re-apply them.</summary>
    bool HasPrepaidComponents => false;

    /// <summary>
    /// Re-applies the limits computed from the resource itself (its limits, created and end dates) and
    /// returns them in Waldur units. The core calls it for UPDATE orders of prepaid backends (with the
    /// order's limits merged into the resource's) and for a CREATE or RESTORE that finds the resource still
    /// present (soft-deleted with zero limits, or an interrupted creation). <paramref name="reapplication"/>
    /// decides what happens to caps the resource does not set. The default applies
    /// <see cref="ResourceRequest.Limits"/> unchanged.
    /// </summary>
    async Task<IReadOnlyDictionary<string, decimal>> ApplyResourceLimitsAsync(
        ResourceRequest resource, LimitReapplication reapplication, CancellationToken cancellationToken)
    {
        await SetResourceLimitsAsync(resource, resource.Limits, cancellationToken).ConfigureAwait(false);
        return resource.Limits;
    }

    /// <summary>Decides on an order waiting for the provider; the default accepts.</summary>
    Task<PendingOrderDecision> EvaluatePendingOrderAsync(OrderSummary order, CancellationToken cancellationToken) =>
        Task.FromResult(PendingOrderDecision.Accept);
}
