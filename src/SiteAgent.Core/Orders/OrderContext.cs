using SiteAgent.Backends.Capabilities;
using SiteAgent.Core.Offerings;
using SiteAgent.Core.Runtime;
using SiteAgent.Waldur;

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
}
