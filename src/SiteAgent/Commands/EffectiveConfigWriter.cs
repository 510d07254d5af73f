using System.Globalization;
using SiteAgent.Backends.Model;
using SiteAgent.Backends.Settings;
using SiteAgent.Core.Config;
using SiteAgent.Waldur;
using SiteAgent.Waldur.Secrets;

namespace SiteAgent.Commands;

/// <summary>Renders the effective configuration as YAML for <c>config show</c>, with every secret masked.</summary>
public static class EffectiveConfigWriter
{
    /// <summary>The YAML text.</summary>
    public static string Write(AgentConfig config)
    {
        var yaml = new YamlText();
        yaml.Comment($"Effective configuration of {config.SourcePath} (defaults filled in, secrets masked)");
        yaml.Scalar("timezone", config.Timezone);
        yaml.Scalar("log_level", config.LogLevel);
        yaml.Scalar("reporting_periods", config.ReportingPeriods);
        yaml.Scalar("expose_backend_error_details", config.ExposeBackendErrorDetails);
        yaml.Scalar("global_proxy", config.GlobalProxy);
        yaml.Scalar("sentry_dsn", config.SentryDsn is null ? null : SecretRedactor.Mask);
        yaml.Scalar("elastic_apm_server_url", config.ElasticApmServerUrl);
        yaml.Begin("log_shipping");
        yaml.Scalar("enabled", config.LogShipping.Enabled);
        yaml.Scalar("ship_interval_seconds", config.LogShipping.ShipIntervalSeconds);
        yaml.Scalar("buffer_size_mb", config.LogShipping.BufferSizeMb);
        yaml.Scalar("log_level", config.LogShipping.LogLevel);
        yaml.End();
        yaml.Begin("offerings");
        foreach (var offering in config.Offerings)
        {
            yaml.BeginItem();
            WriteOffering(yaml, offering);
            yaml.End();
        }

        yaml.End();
        return yaml.ToString();
    }

    private static void WriteOffering(YamlText yaml, OfferingConfig offering)
    {
        yaml.Scalar("name", offering.Name);
        yaml.Scalar("waldur_api_url", offering.WaldurApiUrl.ToString());
        yaml.Scalar("waldur_offering_uuid", offering.OfferingUuid.ToString("N"));
        switch (offering.Credentials)
        {
            case StaticTokenCredentials:
                yaml.Scalar("waldur_api_token", SecretRedactor.Mask);
                break;
            case OidcClientCredentials oidc:
                yaml.Scalar("oidc_token_url", oidc.TokenUrl.ToString());
                yaml.Scalar("oidc_client_id", oidc.ClientId);
                yaml.Scalar("oidc_client_secret", SecretRedactor.Mask);
                break;
        }

        yaml.Scalar("verify_ssl", offering.VerifySsl);
        yaml.Scalar("waldur_ca_bundle", offering.CaBundlePath);
        yaml.Scalar("backend_type", offering.BackendType);
        yaml.Scalar("order_processing_backend", offering.OrderProcessingBackend);
        yaml.Scalar("membership_sync_backend", offering.MembershipSyncBackend);
        yaml.Scalar("reporting_backend", offering.ReportingBackend);
        yaml.Scalar("username_management_backend", offering.UsernameManagementBackend);
        yaml.Scalar("stomp_enabled", offering.Stomp.Enabled);
        yaml.Scalar("stomp_membership_sync_enabled", offering.Stomp.MembershipSyncEnabled);
        yaml.Scalar("stomp_ws_host", offering.Stomp.WsHost);
        yaml.Scalar("stomp_ws_port", offering.Stomp.WsPort);
        yaml.Scalar("stomp_ws_path", offering.Stomp.WsPath);
        yaml.Scalar("websocket_use_tls", offering.Stomp.UseTls);
        yaml.Scalar("resource_import_enabled", offering.ResourceImportEnabled);
        yaml.Scalar("username_reconciliation_enabled", offering.UsernameReconciliationEnabled);
        yaml.Comment("backend_settings as written in the file");
        WriteSettings(yaml, offering);
        yaml.Begin("backend_components");
        foreach (var component in offering.Components)
        {
            WriteComponent(yaml, component);
        }

        yaml.End();
    }

    private static void WriteSettings(YamlText yaml, OfferingConfig offering)
    {
        var source = offering.BackendSettingsSource;
        if (source is null || source.Entries.Count == 0)
        {
            yaml.Raw("backend_settings", "{}");
            return;
        }

        yaml.Begin("backend_settings");
        WriteNode(yaml, source);
        yaml.End();
    }

    private static void WriteNode(YamlText yaml, ConfigMapping mapping)
    {
        foreach (var entry in mapping.Entries)
        {
            switch (entry.Value)
            {
                case ConfigScalar scalar:
                    yaml.Scalar(entry.Key, IsSecret(entry.Key, scalar) ? SecretRedactor.Mask : scalar.Value);
                    break;
                case ConfigMapping child:
                    yaml.Begin(entry.Key);
                    WriteNode(yaml, child);
                    yaml.End();
                    break;
                case ConfigSequence sequence:
                    yaml.Begin(entry.Key);
                    foreach (var item in sequence.Items)
                    {
                        yaml.ListScalar(item is ConfigScalar s ? SecretRedactor.Shared.Redact(s.Value) : "(nested)");
                    }

                    yaml.End();
                    break;
            }
        }
    }

    private static void WriteComponent(YamlText yaml, ComponentDefinition component)
    {
        yaml.Begin(component.Type);
        yaml.Scalar("measured_unit", component.MeasuredUnit);
        yaml.Scalar("accounting_type", component.AccountingType.ToWire());
        yaml.Scalar("label", component.Label);
        yaml.Scalar("unit_factor", component.UnitFactor);
        if (component.UnitFactorReporting is { } reporting)
        {
            yaml.Scalar("unit_factor_reporting", reporting);
        }

        if (component.Limit is { } limit)
        {
            yaml.Scalar("limit", limit);
        }

        if (component.TargetComponents.Count > 0)
        {
            yaml.Begin("target_components");
            foreach (var target in component.TargetComponents)
            {
                yaml.Raw(target.Type, "{factor: " + target.Factor.ToString(CultureInfo.InvariantCulture) + "}");
            }

            yaml.End();
        }

        yaml.End();
    }

    // A value is masked when the key names a credential or the value is a known secret.
    private static bool IsSecret(string key, ConfigScalar scalar) =>
        scalar.Value is { Length: > 0 } value && (SecretKeys.LooksSecret(key) || SecretRedactor.Shared.Redact(value) != value);
}
