using SiteAgent.Backends.Capabilities;
using SiteAgent.Backends.Settings;
using SiteAgent.Core.Backends;

namespace SiteAgent.Core.Config;

/// <summary>
/// Checks that every backend an offering names is in this build and can play its role, then lets
/// each of those backends read <c>backend_settings</c> with its own settings type. Keys that neither
/// the shared settings nor any named backend reads are reported as unknown.
/// </summary>
internal sealed class BackendSettingsBinder
{
    private static readonly (string Key, string Capability, string Role)[] Roles =
    [
        ("order_processing_backend", BackendCapabilities.OrderProcessing, "process orders"),
        ("membership_sync_backend", BackendCapabilities.MembershipSync, "synchronise memberships"),
        ("reporting_backend", BackendCapabilities.UsageReporting, "report usage"),
        ("username_management_backend", BackendCapabilities.UsernameManagement, "manage usernames"),
    ];

    private readonly BackendCatalog _catalog;
    private readonly ISecretSink _secrets;

    public BackendSettingsBinder(BackendCatalog catalog, ISecretSink secrets)
    {
        _catalog = catalog;
        _secrets = secrets;
    }

    /// <summary>Returns the offering with its shared and per-backend settings filled in.</summary>
    public OfferingConfig Bind(OfferingConfig offering, SettingsReader reader)
    {
        var (named, anyMissing) = NamedBackends(offering, reader);
        var settingsNode = reader.Node("backend_settings");
        var mapping = settingsNode switch
        {
            null or ConfigScalar { Value: null } => new ConfigMapping(reader.ChildPath("backend_settings"), reader.Mapping.Location, []),
            ConfigMapping m => m,
            _ => null,
        };
        if (mapping is null)
        {
            reader.Problems.Error(settingsNode!, $"expected a mapping, got {settingsNode!.KindName}");
            return offering;
        }

        SecretKeys.Register(mapping, _secrets);
        var settingsReader = new SettingsReader(mapping, reader.Problems, _secrets);
        var common = CommonBackendSettings.Read(settingsReader);
        var perBackend = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var id in named)
        {
            perBackend[id] = _catalog.Find(id)!.ReadSettings(settingsReader);
        }

        // Keys of a backend missing from this build cannot be judged; its absence is already an error.
        if (!anyMissing)
        {
            settingsReader.ReportUnknownKeys();
        }

        return offering with
        {
            CommonSettings = common,
            BackendSettingsSource = mapping,
            BackendSettings = perBackend,
            UsernameManagementBackend = ResolveUsernameBackend(offering, reader),
        };
    }

    private (List<string> Named, bool AnyMissing) NamedBackends(OfferingConfig offering, SettingsReader reader)
    {
        var named = new List<string>();
        var anyMissing = false;
        if (offering.BackendType.Length > 0)
        {
            if (_catalog.Find(offering.BackendType) is null)
            {
                anyMissing = true;
                reader.Problems.Error(reader.Node("backend_type")!,
                    $"backend \"{offering.BackendType}\" is not in this build (available: {_catalog.IdList}); " +
                    "build the agent with it (see README, \"Choosing backends\")");
            }
            else
            {
                named.Add(offering.BackendType);
            }
        }

        foreach (var (key, capability, role) in Roles)
        {
            var id = Value(offering, key);
            if (id.Length == 0 || (key == "username_management_backend" && !reader.Has(key)))
            {
                continue;
            }

            var descriptor = _catalog.Find(id);
            var node = reader.Node(key)!;
            if (descriptor is null)
            {
                anyMissing = true;
                var hint = Suggestions.Closest(id, _catalog.All.Select(d => d.Id)) is { } near ? $"; did you mean \"{near}\"?" : string.Empty;
                reader.Problems.Error(node, $"backend \"{id}\" is not in this build (available: {_catalog.IdList}){hint}");
            }
            else if (!descriptor.Has(capability))
            {
                reader.Problems.Error(node,
                    $"backend \"{id}\" cannot {role} (its capabilities: {string.Join(", ", descriptor.Capabilities)})");
            }
            else if (!named.Contains(id))
            {
                named.Add(id);
            }
        }

        return (named, anyMissing);
    }

    // The default "base" is used only when this build has it; otherwise username generation is off.
    private string ResolveUsernameBackend(OfferingConfig offering, SettingsReader reader) =>
        !reader.Has("username_management_backend") && _catalog.Find("base") is null ? string.Empty : offering.UsernameManagementBackend;

    private static string Value(OfferingConfig offering, string key) => key switch
    {
        "order_processing_backend" => offering.OrderProcessingBackend,
        "membership_sync_backend" => offering.MembershipSyncBackend,
        "reporting_backend" => offering.ReportingBackend,
        _ => offering.UsernameManagementBackend,
    };
}
