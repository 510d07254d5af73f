using SiteAgent.Backends.Settings;

namespace SiteAgent.Core.Config;

/// <summary>Every secret value read from the config and the key paths they came from.</summary>
public sealed class SecretRegistry : ISecretSink
{
    private readonly Dictionary<string, string> _byPath = new(StringComparer.Ordinal);
    private readonly HashSet<string> _values = new(StringComparer.Ordinal);

    /// <summary>The secret values, longest first (so redaction replaces whole values before parts).</summary>
    public IReadOnlyList<string> Values => _values.OrderByDescending(v => v.Length).ToArray();

    /// <summary>True when the key path holds a secret.</summary>
    public bool IsSecretPath(string path) => _byPath.ContainsKey(path);

    /// <inheritdoc />
    public void AddSecret(string path, string value)
    {
        _byPath[path] = value;
        // Very short values would redact ordinary words; config validation warns about weak tokens separately.
        if (value.Length >= 4)
        {
            _values.Add(value);
        }
    }
}
