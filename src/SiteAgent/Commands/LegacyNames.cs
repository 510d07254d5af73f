namespace SiteAgent.Commands;

/// <summary>
/// The reference agent's console commands. Installed as symlinks to this binary, each behaves as the
/// subcommand it maps to, with the reference's defaults (e.g. a config file in the working directory).
/// </summary>
public static class LegacyNames
{
    /// <summary>Reference command name → subcommand (empty: the agent itself).</summary>
    public static readonly IReadOnlyDictionary<string, string> Map = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["waldur_site_agent"] = string.Empty,
        ["waldur_site_diagnostics"] = "diagnostics",
        ["waldur_site_healthz"] = "healthz",
        ["waldur_site_load_components"] = "load-components",
        ["waldur_site_create_homedirs"] = "create-homedirs",
        ["waldur_sync_offering_users"] = "sync-offering-users",
        ["waldur_sync_resource_limits"] = "sync-resource-limits",
        ["waldur_site_test_order"] = "test-order",
        ["waldur_site_load_historical_usage"] = "load-historical-usage",
        ["waldur_site_diagnose_slurm_account"] = "diagnose-account",
    };

    /// <summary>The arguments to parse for an invocation as <paramref name="programPath"/>, and whether it was a reference name.</summary>
    public static (string[] Arguments, bool IsLegacy) Translate(string programPath, string[] args)
    {
        var name = Path.GetFileName(programPath);
        if (!Map.TryGetValue(name, out var subcommand))
        {
            return (args, false);
        }

        return (subcommand.Length == 0 ? args : [subcommand, .. args], true);
    }
}
