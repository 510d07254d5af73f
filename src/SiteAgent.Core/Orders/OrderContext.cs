using SiteAgent.Backends.Capabilities;
using SiteAgent.Core.Offerings;
using SiteAgent.Core.Runtime;
using SiteAgent.Backends;
using SiteAgent.Waldur;
using SiteAgent.Waldur.Models;

namespace SiteAgent.Core.Orders;

/// <summary>What the handlers of one offering's orders share during a cycle.</summary>
public sealed record OrderContext(
    AgentRuntime Runtime,
    OfferingSession Session,
    IOrderProcessingBackend Backend,
    WaldurClient Waldur,
    OfferingSessionFactory Sessions)
{
    /// <summary>True in dry-run: writes are planned, not made.</summary>
    public bool DryRun => Runtime.DryRun;

    /// <summary>Reads the resource the order is about, as the provider sees it.</summary>
    /// <exception cref="BackendException">The order names no resource.</exception>
    public Task<Resource> GetOrderResourceAsync(OrderDetails order, CancellationToken cancellationToken)
    {
        var resourceUuid = order.MarketplaceResourceUuid ?? throw new BackendException($"Order {order.Uuid:N} names no resource");
        return Waldur.GetProviderResourceAsync(resourceUuid, cancellationToken: cancellationToken);
    }

    /// <summary>The plan's quotas (Waldur units), zeros included.</summary>
    public async Task<IReadOnlyDictionary<string, decimal>> PlanQuotasAsync(Guid plan, CancellationToken cancellationToken)
    {
        var details = await Waldur.GetPlanAsync(plan, cancellationToken).ConfigureAwait(false);
        return (details.Quotas ?? new Dictionary<string, decimal>()).ToDictionary(q => q.Key, q => q.Value, StringComparer.Ordinal);
    }
}
