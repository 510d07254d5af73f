using SiteAgent.Backends.Settings;

namespace SiteAgent.Core.Config;

/// <summary>Reads an offering's STOMP keys.</summary>
internal static class StompReader
{
    public static StompConfig Read(SettingsReader reader, Uri? apiUrl)
    {
        var enabled = reader.Boolean("stomp_enabled", false);
        var membership = reader.Boolean("stomp_membership_sync_enabled");
        if (membership == true && !enabled)
        {
            reader.Problems.Warning(reader.Node("stomp_membership_sync_enabled")!,
                "MISCONFIGURATION: stomp_membership_sync_enabled is true but stomp_enabled is false, so membership sync " +
                "will not run at all for this offering; set stomp_enabled: true or remove stomp_membership_sync_enabled");
        }

        var useTls = reader.Boolean("websocket_use_tls", true);
        // The reference derives the default port from verify_ssl; the scheme in use is what matters.
        var port = reader.Integer("stomp_ws_port", 1, 65535) ?? (useTls ? 443 : 80);
        return new StompConfig(
            enabled,
            membership,
            reader.String("stomp_ws_host") ?? apiUrl?.Host ?? string.Empty,
            (int)port,
            reader.String("stomp_ws_path", "/rmqws-stomp"),
            useTls);
    }
}
