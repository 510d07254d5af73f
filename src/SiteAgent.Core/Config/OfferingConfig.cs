using SiteAgent.Backends.Model;
using SiteAgent.Backends.Settings;
using SiteAgent.Waldur;

namespace SiteAgent.Core.Config;

/// <summary>One entry of <c>offerings</c> after validation.</summary>
public sealed record OfferingConfig
{
    /// <summary>Position in the file's list, 0-based (as in <c>offerings[1]</c>).</summary>
    public required int Index { get; init; }

    /// <summary>Human-readable name, for logs.</summary>
    public required string Name { get; init; }

    /// <summary>Waldur API root, always ending in <c>/</c>; paths such as <c>marketplace-orders/</c> are appended.</summary>
    public required Uri WaldurApiUrl { get; init; }

    /// <summary>Waldur offering uuid.</summary>
    public required Guid OfferingUuid { get; init; }

    /// <summary>The uuid as written in the file (the agent identity name keeps its form).</summary>
    public string OfferingUuidText { get; init; } = string.Empty;

    /// <summary>How the agent authenticates to Waldur.</summary>
    public required WaldurCredentials Credentials { get; init; }

    /// <summary>Verify the TLS certificates of Waldur and of the OIDC provider.</summary>
    public bool VerifySsl { get; init; } = true;

    /// <summary>Extra CA certificates (PEM) trusted for Waldur besides the system store; <c>waldur_ca_bundle</c>.</summary>
    public string? CaBundlePath { get; init; }

    /// <summary>Legacy backend family, lower-cased; selects the settings schema.</summary>
    public required string BackendType { get; init; }

    /// <summary>Backend id for order processing; empty disables it.</summary>
    public string OrderProcessingBackend { get; init; } = string.Empty;

    /// <summary>Backend id for membership sync; empty disables it.</summary>
    public string MembershipSyncBackend { get; init; } = string.Empty;

    /// <summary>Backend id for usage reporting; empty disables it.</summary>
    public string ReportingBackend { get; init; } = string.Empty;

    /// <summary>Username-management backend id; empty means no username generation.</summary>
    public string UsernameManagementBackend { get; init; } = "base";

    /// <summary>STOMP (event) processing settings.</summary>
    public StompConfig Stomp { get; init; } = StompConfig.Disabled;

    /// <summary>Answer "importable resources" requests in event mode.</summary>
    public bool ResourceImportEnabled { get; init; }

    /// <summary>Pull backend-assigned usernames back into Waldur.</summary>
    public bool UsernameReconciliationEnabled { get; init; }

    /// <summary><c>backend_settings</c> keys shared by every backend.</summary>
    public CommonBackendSettings CommonSettings { get; init; } = CommonBackendSettings.Default;

    /// <summary><c>backend_settings</c> as written in the file (for <c>config show</c>).</summary>
    public ConfigMapping? BackendSettingsSource { get; init; }

    /// <summary>Each named backend's own typed settings, by backend id.</summary>
    public IReadOnlyDictionary<string, object> BackendSettings { get; init; } = new Dictionary<string, object>();

    /// <summary><c>backend_components</c>, in file order, defaults materialised.</summary>
    public IReadOnlyList<ComponentDefinition> Components { get; init; } = [];

    /// <summary>Who owns membership sync: event mode when true, polling otherwise.</summary>
    public bool MembershipSyncUsesStomp => Stomp.MembershipSyncEnabled ?? Stomp.Enabled;
}

/// <summary>STOMP settings of an offering.</summary>
public sealed record StompConfig(
    bool Enabled,
    bool? MembershipSyncEnabled,
    string WsHost,
    int WsPort,
    string WsPath,
    bool UseTls)
{
    /// <summary>Event processing off.</summary>
    public static StompConfig Disabled { get; } = new(false, null, string.Empty, 443, "/rmqws-stomp", true);
}
