using SiteAgent.Backends.Settings;
using SiteAgent.Core.Backends;

namespace SiteAgent.Core.Config;

/// <summary>Reads and validates the root mapping of the config file.</summary>
internal static class AgentConfigReader
{
    internal static readonly string[] LogLevels = ["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"];

    public static AgentConfig Read(string path, ConfigNode root, BackendCatalog catalog, ConfigProblems problems, ISecretSink secrets)
    {
        if (root is not ConfigMapping mapping)
        {
            problems.Error(root, $"the file must be a mapping with an 'offerings' list, got {root.KindName}");
            return new AgentConfig { SourcePath = path, Offerings = [] };
        }

        var reader = new SettingsReader(mapping, problems, secrets);
        var (timezoneName, timezone) = ReadTimezone(reader);
        var config = new AgentConfig
        {
            SourcePath = path,
            Timezone = timezoneName,
            TimeZone = timezone,
            GlobalProxy = ReadProxy(reader),
            LogLevel = reader.Choice("log_level", LogLevels, ignoreCase: true) ?? "INFO",
            ReportingPeriods = (int)(reader.Integer("reporting_periods", 1, 12) ?? 2),
            ExposeBackendErrorDetails = reader.Boolean("expose_backend_error_details", true),
            SentryDsn = ReadOptionalUrl(reader, "sentry_dsn", secret: true),
            ElasticApmServerUrl = ReadOptionalUrl(reader, "elastic_apm_server_url", secret: false),
            LogShipping = ReadLogShipping(reader),
            Offerings = ReadOfferings(reader, catalog, secrets),
        };
        reader.ReportUnknownKeys();
        return config;
    }

    private static List<OfferingConfig> ReadOfferings(SettingsReader reader, BackendCatalog catalog, ISecretSink secrets)
    {
        var offerings = new List<OfferingConfig>();
        var node = reader.Node("offerings");
        switch (node)
        {
            case null:
                reader.Problems.Error("offerings", "field required: the agent needs at least one offering", reader.Mapping.Location);
                break;
            case ConfigSequence { Items.Count: 0 }:
                reader.Problems.Error(node, "no offerings: the agent needs at least one offering to serve");
                break;
            case ConfigSequence sequence:
                var offeringReader = new OfferingReader(catalog, secrets);
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    if (sequence.Items[i] is ConfigMapping item)
                    {
                        offerings.Add(offeringReader.Read(i, new SettingsReader(item, reader.Problems, secrets)));
                    }
                    else
                    {
                        reader.Problems.Error(sequence.Items[i], $"expected an offering mapping, got {sequence.Items[i].KindName}");
                    }
                }

                break;
            default:
                reader.Problems.Error(node, $"expected a list of offerings, got {node.KindName}");
                break;
        }

        return offerings;
    }

    private static (string Name, TimeZoneInfo Zone) ReadTimezone(SettingsReader reader)
    {
        var name = reader.String("timezone");
        if (name is null)
        {
            return ("UTC", TimeZoneInfo.Utc);
        }

        if (name.Length > 0 && TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone))
        {
            return (name, zone);
        }

        reader.Problems.Error(reader.Node("timezone")!, $"Unknown timezone {SettingsReader.Quote(name)}: expected an IANA zone name such as UTC or Europe/Tallinn");
        return ("UTC", TimeZoneInfo.Utc);
    }

    private static string ReadProxy(SettingsReader reader)
    {
        var proxy = reader.String("global_proxy", string.Empty);
        if (proxy.Length > 0 && !Uri.TryCreate(proxy, UriKind.Absolute, out _))
        {
            reader.Problems.Error(reader.Node("global_proxy")!, $"expected a proxy URL such as http://proxy:3128, got {SettingsReader.Quote(proxy)}");
        }

        return proxy;
    }

    private static string? ReadOptionalUrl(SettingsReader reader, string key, bool secret)
    {
        var value = secret ? reader.Secret(key) : reader.String(key);
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (!HttpUrl.TryParse(value, out _))
        {
            reader.Problems.Error(reader.Node(key)!, $"{key} must be a valid URL");
            return null;
        }

        reader.Problems.Warning(reader.Node(key)!, $"{key} is accepted for compatibility but this agent does not send data to it");
        return value;
    }

    private static LogShippingConfig ReadLogShipping(SettingsReader reader)
    {
        if (reader.Section("log_shipping") is not { } section)
        {
            return LogShippingConfig.Disabled;
        }

        var config = new LogShippingConfig(
            section.Boolean("enabled", false),
            (int)(section.Integer("ship_interval_seconds", 10, 86400) ?? 60),
            (int)(section.Integer("buffer_size_mb", 1, 1024) ?? 1),
            section.Choice("log_level", LogLevels, ignoreCase: true) ?? "WARNING");
        section.ReportUnknownKeys();
        return config;
    }
}
