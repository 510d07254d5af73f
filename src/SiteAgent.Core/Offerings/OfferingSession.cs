using Microsoft.Extensions.Logging;
using SiteAgent.Backends;
using SiteAgent.Backends.Model;
using SiteAgent.Backends.Registry;
using SiteAgent.Core.Config;
using SiteAgent.Core.Users;
using SiteAgent.Waldur;
using SiteAgent.Waldur.Models;

namespace SiteAgent.Core.Offerings;

/// <summary>Everything one cycle of one offering works with: its client, what Waldur says about it, and its backend.</summary>
/// <remarks>Rebuilt each cycle, like the reference's processors, so Waldur-side changes (components, partitions) are picked up.</remarks>
public sealed class OfferingSession
{
    /// <summary>Creates a session.</summary>
    public OfferingSession(
        OfferingConfig offering,
        WaldurClient waldur,
        ProviderOfferingDetails details,
        BackendDescriptor descriptor,
        object backend,
        BackendContext backendContext,
        OfferingUsersDirectory users,
        ILogger logger)
    {
        Offering = offering;
        Waldur = waldur;
        Details = details;
        Descriptor = descriptor;
        Backend = backend;
        BackendContext = backendContext;
        Users = users;
        Logger = logger;
    }

    /// <summary>The offering's config.</summary>
    public OfferingConfig Offering { get; }

    /// <summary>Its Waldur client.</summary>
    public WaldurClient Waldur { get; }

    /// <summary>The offering as Waldur returned it at the start of the cycle.</summary>
    public ProviderOfferingDetails Details { get; }

    /// <summary>The registry entry of the role's backend.</summary>
    public BackendDescriptor Descriptor { get; }

    /// <summary>The role's backend instance (cast to the capability needed).</summary>
    public object Backend { get; }

    /// <summary>The context the backend was built with (for building sibling backends, e.g. username management).</summary>
    public BackendContext BackendContext { get; }

    /// <summary>Service provider uuid of the offering, when known.</summary>
    public Guid? ServiceProviderUuid { get; init; }

    /// <summary>Offering users, listed once per cycle.</summary>
    public OfferingUsersDirectory Users { get; }

    /// <summary>Logger for this offering's processing.</summary>
    public ILogger Logger { get; }

    /// <summary>Offering plugin options (username and account-name policies).</summary>
    public OfferingPluginOptions PluginOptions => Details.PluginOptions ?? new OfferingPluginOptions();

    /// <summary>The offering's name for logs.</summary>
    public string Name => Offering.Name;
}
