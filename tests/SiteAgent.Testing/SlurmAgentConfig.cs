using System.Globalization;
using System.Text;

namespace SiteAgent.Testing;

/// <summary>
/// The agent config the integration tests and the orders bench run with: one SLURM offering whose
/// account names carry a per-run prefix, so runs on the shared test cluster never meet.
/// </summary>
public static class SlurmAgentConfig
{
    /// <summary>The YAML of one offering against an emulator at <paramref name="apiUrl"/>.</summary>
    /// <param name="offeringName">The offering's <c>name</c>.</param>
    /// <param name="apiUrl">The emulator's API root.</param>
    /// <param name="token">The agent's API token.</param>
    /// <param name="offeringUuid">The offering's UUID.</param>
    /// <param name="accountPrefix">Put before <c>c_</c>, <c>p_</c> and <c>a_</c> for the customer, project and allocation prefixes; empty for none.</param>
    /// <param name="clusterName">The SLURM cluster.</param>
    /// <param name="extraSettings">Additional <c>backend_settings</c> keys with their YAML values.</param>
    /// <param name="kinds">What follows <paramref name="accountPrefix"/> for the customer, project and allocation prefixes; <c>c_</c>, <c>p_</c>, <c>a_</c> when null.</param>
    /// <param name="components">The <c>backend_components</c> entries one per line as <c>name: {…}</c>; a limit-based <c>cpu</c> and a usage <c>mem</c> when null.</param>
    public static string Yaml(
        string offeringName,
        string apiUrl,
        string token,
        Guid offeringUuid,
        string? accountPrefix,
        string clusterName,
        IReadOnlyDictionary<string, string>? extraSettings = null,
        IReadOnlyList<string>? kinds = null,
        IReadOnlyList<string>? components = null)
    {
        kinds ??= ["c_", "p_", "a_"];
        if (kinds.Count != 3)
        {
            // Components passed positionally land here: both are string lists, so say which argument is wrong.
            throw new ArgumentException($"kinds takes the customer, project and allocation prefix parts (3 entries), not {kinds.Count}; pass components by name", nameof(kinds));
        }

        string Prefix(int level) => accountPrefix is null ? string.Empty : accountPrefix + kinds[level];
        var settings = new StringBuilder();
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string>())
        {
            settings.Append("      ").Append(key).Append(": ").Append(value).Append('\n');
        }

        return string.Create(CultureInfo.InvariantCulture, $$"""
            timezone: "UTC"
            offerings:
              - name: "{{offeringName}}"
                waldur_api_url: "{{apiUrl}}"
                waldur_api_token: "{{token}}"
                waldur_offering_uuid: "{{offeringUuid:N}}"
                backend_type: "slurm"
                order_processing_backend: "slurm"
                membership_sync_backend: "slurm"
                reporting_backend: "slurm"
                backend_settings:
                  default_account: "root"
                  customer_prefix: "{{Prefix(0)}}"
                  project_prefix: "{{Prefix(1)}}"
                  allocation_prefix: "{{Prefix(2)}}"
                  cluster_name: "{{clusterName}}"
                  enable_user_homedir_account_creation: false

            """) + settings + "    backend_components:\n"
            + string.Concat((components ?? DefaultComponents).Select(c => "      " + c + "\n"));
    }

    /// <summary>CPU in k-Hours billed by limit, RAM in GB-Hours billed by usage.</summary>
    public static readonly string[] DefaultComponents =
    [
        """cpu: {measured_unit: "k-Hours", unit_factor: 60000, accounting_type: "limit", label: "CPU"}""",
        """mem: {measured_unit: "gb-Hours", unit_factor: 61440, accounting_type: "usage", label: "RAM"}""",
    ];

    /// <summary>CPU in CPU-minutes and RAM in MB-minutes, both billed by usage: SLURM's own units, so short test jobs show.</summary>
    public static readonly string[] MinuteComponents =
    [
        """cpu: {measured_unit: "CPU-minutes", unit_factor: 1, accounting_type: "usage", label: "CPU"}""",
        """mem: {measured_unit: "MB-minutes", unit_factor: 1, accounting_type: "usage", label: "RAM"}""",
    ];
}
