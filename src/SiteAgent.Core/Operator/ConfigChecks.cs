using SiteAgent.Backends.Model;
using SiteAgent.Core.Config;

namespace SiteAgent.Core.Operator;

/// <summary>What diagnostics says about the config itself: a summary without secrets, and file permissions.</summary>
public static class ConfigChecks
{
    private const UnixFileMode GroupOrOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite;

    /// <summary>Adds the config lines to <paramref name="report"/>.</summary>
    public static void Add(CheckReport report, AgentConfig config)
    {
        report.Add("config", "config file", CheckStatus.Ok,
            $"{config.SourcePath}: {config.Offerings.Count} offering(s), timezone {config.Timezone}, log level {config.LogLevel}" +
            (config.GlobalProxy.Length > 0 ? ", global proxy set" : string.Empty));
        report.Add("config", "config permissions", Permissions(config.SourcePath, out var reason), reason);
        foreach (var path in config.Offerings.Select(o => o.CaBundlePath).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            report.Add("config", "CA bundle", File.Exists(path) ? CheckStatus.Ok : CheckStatus.Fail,
                File.Exists(path) ? path : $"{path} does not exist; fix ca_bundle_path");
        }
    }

    /// <summary>One offering's settings in one line; the token is named by kind only.</summary>
    public static string OfferingSummary(OfferingConfig offering)
    {
        var backends = $"order={Or(offering.OrderProcessingBackend)} membership={Or(offering.MembershipSyncBackend)} reporting={Or(offering.ReportingBackend)}";
        var stomp = offering.Stomp.Enabled ? $", STOMP {offering.Stomp.WsHost}:{offering.Stomp.WsPort}{offering.Stomp.WsPath}" : string.Empty;
        return $"uuid {offering.OfferingUuid:N}, {offering.WaldurApiUrl}, {backends}, {(offering.Credentials is SiteAgent.Waldur.OidcClientCredentials ? "OIDC client" : "static token")} (not shown), TLS verify {(offering.VerifySsl ? "on" : "off")}{stomp}";
    }

    /// <summary>
    /// OK when only the owner can read the file; WARN when group or others can (it holds API tokens).
    /// </summary>
    public static CheckStatus Permissions(string path, out string reason)
    {
        UnixFileMode mode;
        if (OperatingSystem.IsWindows())
        {
            reason = "file permissions are not checked on this platform";
            return CheckStatus.Ok;
        }

        try
        {
            mode = File.GetUnixFileMode(path);
        }
        catch (IOException e)
        {
            reason = $"cannot read the permissions of {path}: {e.Message}";
            return CheckStatus.Warn;
        }

        var octal = Convert.ToString((int)mode & 0x1FF, 8).PadLeft(4, '0');
        if ((mode & GroupOrOthers) == 0)
        {
            reason = $"{path} mode {octal}: only its owner can read it";
            return CheckStatus.Ok;
        }

        reason = $"{path} mode {octal}: group or others can read or change the API tokens it holds; run chmod 600 {path}";
        return CheckStatus.Warn;
    }

    private static string Or(string backend) => backend.Length == 0 ? "(none)" : backend;
}
