using System.Text.RegularExpressions;

namespace SiteAgent.Core.Observability;

/// <summary>
/// Removes secrets from text before it reaches any sink: the exact values read from the config
/// (tokens, passwords, client secrets) and anything shaped like a credential (query parameters such
/// as <c>token=…</c>, <c>Authorization</c> headers, STOMP <c>passcode</c> headers, JSON secret fields).
/// </summary>
public sealed partial class SecretRedactor
{
    /// <summary>What replaces a secret.</summary>
    public const string Mask = "********";

    private readonly Lock _gate = new();
    private volatile string[] _values = [];

    /// <summary>The process-wide redactor used by logging.</summary>
    public static SecretRedactor Shared { get; } = new();

    /// <summary>Adds exact secret values to redact from now on.</summary>
    public void AddSecrets(IEnumerable<string> secrets)
    {
        lock (_gate)
        {
            _values = _values.Concat(secrets.Where(s => s.Length >= 4)).Distinct(StringComparer.Ordinal)
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
