using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SiteAgent.Waldur.Secrets;

/// <summary>
/// The agent's one secret redactor: removes secrets from every text that leaves the process (logs,
/// exception messages, dry-run plans, diagnostics, config summaries). It removes the exact values
/// it was given (configured tokens, passwords and client secrets, every OIDC access token fetched)
/// and anything shaped like a credential (query parameters such as <c>token=…</c>,
/// <c>Authorization</c> headers, STOMP <c>passcode</c> headers, JSON secret fields).
/// </summary>
/// <remarks>
/// It lives in the Waldur client, the lowest layer that emits secrets, so the client and the agent
/// share it. The STOMP library, which knows no Waldur, prints its passcode as the same <see cref="Mask"/>.
/// </remarks>
public sealed partial class SecretRedactor
{
    /// <summary>What replaces a secret, everywhere.</summary>
    public const string Mask = "********";

    // Property names whose values are secrets in Waldur bodies (api_key of resource API keys,
    // token of service accounts) and in anything a caller might pass through free-form objects.
    private static readonly string[] SecretNameParts = ["secret", "password", "passcode", "token", "api_key", "apikey", "private_key", "credential"];

    private readonly Lock _gate = new();
    private volatile string[] _values = [];

    /// <summary>The process-wide redactor used by logging, error output and config summaries.</summary>
    public static SecretRedactor Shared { get; } = new();

    /// <summary>Remembers a secret to remove; values shorter than 4 characters are ignored as too common.</summary>
    public void Add(string? secret)
    {
        if (secret is { Length: >= 4 })
        {
            AddSecrets([secret]);
        }
    }

    /// <summary>Adds exact secret values to redact from now on; values shorter than 4 characters are ignored.</summary>
    public void AddSecrets(IEnumerable<string> secrets)
    {
        lock (_gate)
        {
            // Longest first, so a secret that contains another is masked whole.
            _values = _values.Concat(secrets.Where(s => s is { Length: >= 4 })).Distinct(StringComparer.Ordinal)
                .OrderByDescending(s => s.Length).ToArray();
        }
    }

    /// <summary>The text with every secret replaced by <see cref="Mask"/> (or <c>[REDACTED]</c> for query parameters, as the reference does).</summary>
    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        foreach (var secret in _values)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        text = AuthorizationHeader().Replace(text, m => m.Groups["prefix"].Value + Mask);
        text = QueryParameter().Replace(text, m => m.Groups["name"].Value + "=[REDACTED]");
        text = PasscodeHeader().Replace(text, m => m.Groups["prefix"].Value + Mask);
        text = JsonSecretField().Replace(text, m => m.Groups["prefix"].Value + Mask + "\"");
        return text;
    }

    /// <summary>True when a JSON property of this name holds a secret.</summary>
    public static bool IsSecretName(string name)
    {
        foreach (var part in SecretNameParts)
        {
            if (name.Contains(part, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A compact copy of a JSON document with secret-named values masked and known secrets removed.</summary>
    public string RedactJson(ReadOnlySpan<byte> json)
    {
        var output = new ArrayBufferWriter<byte>(json.Length + 16);
        var reader = new Utf8JsonReader(json);
        using (var writer = new Utf8JsonWriter(output))
        {
            while (reader.Read())
            {
                Copy(ref reader, writer);
            }
        }

        return Redact(Encoding.UTF8.GetString(output.WrittenSpan));
    }

    private static void Copy(ref Utf8JsonReader reader, Utf8JsonWriter writer)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.PropertyName:
                var name = reader.GetString()!;
                writer.WritePropertyName(name);
                if (IsSecretName(name))
                {
                    reader.Read();
                    var isNull = reader.TokenType == JsonTokenType.Null;
                    reader.Skip();
                    if (isNull)
                    {
                        writer.WriteNullValue();
                    }
                    else
                    {
                        writer.WriteStringValue(Mask);
                    }
                }

                break;
            case JsonTokenType.StartObject:
                writer.WriteStartObject();
                break;
            case JsonTokenType.EndObject:
                writer.WriteEndObject();
                break;
            case JsonTokenType.StartArray:
                writer.WriteStartArray();
                break;
            case JsonTokenType.EndArray:
                writer.WriteEndArray();
                break;
            case JsonTokenType.String:
                writer.WriteStringValue(reader.GetString());
                break;
            case JsonTokenType.Number:
                writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true);
                break;
            case JsonTokenType.True:
                writer.WriteBooleanValue(true);
                break;
            case JsonTokenType.False:
                writer.WriteBooleanValue(false);
                break;
            case JsonTokenType.Null:
                writer.WriteNullValue();
                break;
        }
    }

    [GeneratedRegex(@"(?<prefix>\b(?:Authorization|Proxy-Authorization)\s*[:=]\s*(?:(?:Token|Bearer|Basic)\s+)?)[^\s,;""']+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AuthorizationHeader();

    // The reference's Sentry scrubber names, plus access_token and client_secret.
    [GeneratedRegex(@"\b(?<name>secretKey|secret_key|secret-key|api_key|apiKey|api-key|token|access_token|password|client_secret|passcode)=[^&\s""']+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QueryParameter();

    [GeneratedRegex(@"(?<prefix>\bpasscode\s*:\s*)[^\s]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PasscodeHeader();

    [GeneratedRegex(@"(?<prefix>""(?:[a-z_]*token|password|[a-z_]*secret|passcode|api_key)""\s*:\s*"")[^""]*""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex JsonSecretField();
}
