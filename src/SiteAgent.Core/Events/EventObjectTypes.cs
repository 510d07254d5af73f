using SiteAgent.Backends.Capabilities;
using SiteAgent.Backends.Settings;
using SiteAgent.Core.Backends;
using SiteAgent.Core.Config;
using SiteAgent.Waldur.Models;

namespace SiteAgent.Core.Events;

/// <summary>Which object types an offering subscribes to, in subscription order.</summary>
public static class EventObjectTypes
{
    /// <summary>The membership-related types, subscribed when membership runs on events.</summary>
    public static readonly string[] Membership =
    [
        ObservableObjectType.UserRole, ObservableObjectType.Resource, ObservableObjectType.ServiceAccount,
        ObservableObjectType.CourseAccount, ObservableObjectType.OfferingUser, ObservableObjectType.OfferingResourcesSync,
    ];

    /// <summary>The capability a backend declares when it can rotate resource API keys.</summary>
    public const string ResourceApiKeysCapability = BackendCapabilities.ResourceApiKeys;

    /// <summary>
    /// Order with an order backend, and key rotation when that backend can rotate keys (Waldur servers
    /// before 8.1 refuse the type, so it is not asked for in vain); the six membership types when
    /// membership runs on events; importable resources and periodic limits when their flags are on.
    /// Empty when the offering does not use events.
    /// </summary>
    public static IReadOnlyList<string> For(OfferingConfig offering, BackendCatalog catalog)
    {
        var types = new List<string>();
        if (!offering.Stomp.Enabled)
        {
            return types;
        }

        if (offering.OrderProcessingBackend.Length > 0)
        {
            types.Add(ObservableObjectType.Order);
            if (catalog.Find(offering.OrderProcessingBackend)?.Has(ResourceApiKeysCapability) == true)
            {
                types.Add(ObservableObjectType.ResourceApiKeyRotation);
            }
        }

        if (MembershipOnEvents(offering))
        {
            types.AddRange(Membership);
        }

        if (offering.ResourceImportEnabled)
        {
            types.Add(ObservableObjectType.ImportableResources);
        }

        if (PeriodicLimitsEnabled(offering))
        {
            types.Add(ObservableObjectType.ResourcePeriodicLimits);
        }

        return types;
    }

    /// <summary>A membership backend is set and <c>stomp_membership_sync_enabled</c> is not false.</summary>
    public static bool MembershipOnEvents(OfferingConfig offering) =>
        offering.Stomp.Enabled && offering.MembershipSyncBackend.Length > 0 && offering.Stomp.MembershipSyncEnabled != false;

    /// <summary><c>backend_settings.periodic_limits.enabled</c> is true.</summary>
    public static bool PeriodicLimitsEnabled(OfferingConfig offering) =>
        offering.BackendSettingsSource?.Find("periodic_limits")?.Value is ConfigMapping periodic
        && periodic.Find("enabled")?.Value is ConfigScalar { Value: { } enabled }
        && enabled.Equals("true", StringComparison.OrdinalIgnoreCase);
}
