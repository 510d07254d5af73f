using SiteAgent.Backends.Settings;

namespace SiteAgent.Backends.Slurm.Options;

/// <summary>Periodic-settings commands from Waldur (<c>periodic_limits</c>).</summary>
/// <param name="Enabled">Commands are applied; off, each is answered with a refusal.</param>
/// <param name="EmulatorMode">Send the settings to an emulator HTTP API instead of changing SLURM.</param>
/// <param name="EmulatorBaseUrl">Base URL of that API (http or https).</param>
/// <param name="LimitType">Limit written when a command names none: GrpTRESMins, MaxTRESMins or GrpTRES.</param>
public sealed record PeriodicLimitsOptions(bool Enabled, bool EmulatorMode, string EmulatorBaseUrl, string LimitType)
{
    /// <summary>Limit types the configuration may choose as the default.</summary>
    public static readonly string[] LimitTypes = ["GrpTRESMins", "MaxTRESMins", "GrpTRES"];

    /// <summary>Emulator URL when none is configured.</summary>
    public const string DefaultEmulatorBaseUrl = "http://localhost:8080";

    /// <summary>Off.</summary>
    public static PeriodicLimitsOptions Disabled { get; } = new(false, false, DefaultEmulatorBaseUrl, "GrpTRESMins");

    /// <summary>Reads the block.</summary>
    public static PeriodicLimitsOptions Read(SettingsReader reader)
    {
        var options = new PeriodicLimitsOptions(
            reader.Boolean("enabled", false),
            reader.Boolean("emulator_mode", false),
            ReadEmulatorBaseUrl(reader),
            reader.Choice("limit_type", LimitTypes) ?? "GrpTRESMins");
        reader.ReportUnknownKeys();
        return options;
    }

    private static string ReadEmulatorBaseUrl(SettingsReader reader)
    {
        var url = reader.String("emulator_base_url", DefaultEmulatorBaseUrl);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            reader.Problems.Error(reader.Node("emulator_base_url")!,
                $"must be an http:// or https:// URL without query or fragment (the agent appends /api/apply-periodic-settings), got {SettingsReader.Quote(url)}");
        }

        return url;
    }
}
