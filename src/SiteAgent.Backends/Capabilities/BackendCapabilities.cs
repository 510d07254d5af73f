namespace SiteAgent.Backends.Capabilities;

/// <summary>Names of the capabilities, as <c>backends list</c> shows them.</summary>
public static class BackendCapabilities
{
    /// <summary><see cref="IOrderProcessingBackend"/>.</summary>
    public const string OrderProcessing = "order_processing";

    /// <summary><see cref="IMembershipBackend"/>.</summary>
    public const string MembershipSync = "membership_sync";

    /// <summary><see cref="IUsageReportingBackend"/>.</summary>
    public const string UsageReporting = "usage_reporting";

    /// <summary><see cref="IUsernameManagementBackend"/>.</summary>
    public const string UsernameManagement = "username_management";

    /// <summary><see cref="IHomeDirectoryBackend"/>.</summary>
    public const string UserHomeDirectories = "user_home_directories";

    /// <summary><see cref="IDiagnosticsBackend"/>.</summary>
    public const string Diagnostics = "diagnostics";

    /// <summary><see cref="ILimitReadingBackend"/>.</summary>
    public const string LimitReading = "limit_reading";

    /// <summary><see cref="IResourceStatusBackend"/>.</summary>
    public const string ResourceStatus = "resource_status";

    /// <summary><see cref="IUserLimitsBackend"/>.</summary>
    public const string UserLimits = "user_limits";

    /// <summary><see cref="IPeriodicSettingsBackend"/>.</summary>
    public const string PeriodicSettings = "periodic_settings";

    /// <summary><see cref="IResourceListingBackend"/>.</summary>
    public const string ResourceListing = "resource_listing";

    /// <summary><see cref="IResourceApiKeyBackend"/>.</summary>
    public const string ResourceApiKeys = "resource_api_keys";

    /// <summary><see cref="IUserAttributesBackend"/>.</summary>
    public const string UserAttributes = "user_attributes";
}
