using SiteAgent.Backends.Settings;
using SiteAgent.Core.Backends;
using SiteAgent.Waldur;

namespace SiteAgent.Core.Config;

/// <summary>Reads and validates one entry of <c>offerings</c>.</summary>
internal sealed class OfferingReader
{
    private readonly BackendCatalog _catalog;
    private readonly ISecretSink _secrets;

    public OfferingReader(BackendCatalog catalog, ISecretSink secrets)
    {
        _catalog = catalog;
        _secrets = secrets;
    }

    /// <summary>Reads the offering at <paramref name="index"/>; problems go to the reader's collector.</summary>
    public OfferingConfig Read(int index, SettingsReader reader)
    {
        var name = reader.RequiredString("name");
        var apiUrl = ReadApiUrl(reader);
        var uuid = ReadUuid(reader);
        var credentials = ReadCredentials(reader);
        var backendType = reader.RequiredString("backend_type").ToLowerInvariant();
        var stomp = StompReader.Read(reader, apiUrl);
        var offering = new OfferingConfig
        {
            Index = index,
            Name = name,
            WaldurApiUrl = apiUrl ?? new Uri("http://invalid/"),
            OfferingUuid = uuid,
            OfferingUuidText = reader.String("waldur_offering_uuid", string.Empty),
            Credentials = credentials,
            VerifySsl = reader.Boolean("verify_ssl", true),
            CaBundlePath = ReadCaBundle(reader),
            BackendType = backendType,
            OrderProcessingBackend = reader.String("order_processing_backend", string.Empty),
            MembershipSyncBackend = reader.String("membership_sync_backend", string.Empty),
            ReportingBackend = reader.String("reporting_backend", string.Empty),
            UsernameManagementBackend = ReadUsernameBackend(reader),
            Stomp = stomp,
            ResourceImportEnabled = reader.Boolean("resource_import_enabled", false),
            UsernameReconciliationEnabled = reader.Boolean("username_reconciliation_enabled", false),
            Components = ComponentsReader.Read(reader),
        };

        offering = new BackendSettingsBinder(_catalog, _secrets).Bind(offering, reader);
        reader.ReportUnknownKeys();
        return offering;
    }

    private static Uri? ReadApiUrl(SettingsReader reader)
    {
        var text = reader.RequiredString("waldur_api_url");
        if (text.Length == 0)
        {
            return null;
        }

        if (!HttpUrl.TryParse(text, out var url))
        {
            reader.Problems.Error(reader.Node("waldur_api_url")!, $"waldur_api_url must start with http:// or https://, got {SettingsReader.Quote(text)}");
            return null;
        }

        // The configured URL is the API root; relative paths are appended to it.
        return text.EndsWith('/') ? url : new Uri(text + "/");
    }

    private static Guid ReadUuid(SettingsReader reader)
    {
        var text = reader.RequiredString("waldur_offering_uuid");
        if (text.Length == 0)
        {
            return Guid.Empty;
        }

        if (Guid.TryParseExact(text, "N", out var uuid) || Guid.TryParseExact(text, "D", out uuid))
        {
            return uuid;
        }

        reader.Problems.Error(reader.Node("waldur_offering_uuid")!,
            $"expected a UUID (32 hex digits, dashes optional), got {SettingsReader.Quote(text)}");
        return Guid.Empty;
    }

    private static WaldurCredentials ReadCredentials(SettingsReader reader)
    {
        var token = reader.Secret("waldur_api_token");
        var tokenUrl = reader.String("oidc_token_url");
        var clientId = reader.String("oidc_client_id");
        var clientSecret = reader.Secret("oidc_client_secret");
        Uri? oidcUrl = null;
        if (tokenUrl is { Length: > 0 } && !HttpUrl.TryParse(tokenUrl, out oidcUrl))
        {
            reader.Problems.Error(reader.Node("oidc_token_url")!, "oidc_token_url must start with http:// or https://");
        }

        if (!string.IsNullOrEmpty(token))
        {
            return new StaticTokenCredentials(token);
        }

        if (oidcUrl is not null && !string.IsNullOrEmpty(clientId) && !string.IsNullOrEmpty(clientSecret))
        {
            return new OidcClientCredentials(oidcUrl, clientId, clientSecret);
        }

        reader.Problems.Error(reader.ChildPath("waldur_api_token"),
            "Either waldur_api_token or all of oidc_token_url, oidc_client_id, oidc_client_secret must be set",
            reader.Mapping.Location);
        return new StaticTokenCredentials(string.Empty);
    }

    private static string? ReadCaBundle(SettingsReader reader)
    {
        var path = reader.String("waldur_ca_bundle");
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        if (!File.Exists(path))
        {
            reader.Problems.Error(reader.Node("waldur_ca_bundle")!, $"CA bundle {path} does not exist (expected a PEM file with the CA certificates that sign Waldur's TLS certificate)");
        }

        return path;
    }

    private static string ReadUsernameBackend(SettingsReader reader)
    {
        if (!reader.Has("username_management_backend"))
        {
            return "base";
        }

        var value = reader.String("username_management_backend");
        if (value is null)
        {
            reader.Problems.Warning(reader.Node("username_management_backend")!,
                "null disables username generation; remove the key to use the default \"base\"");
        }

        return value ?? string.Empty;
    }
}
