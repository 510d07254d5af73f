using SiteAgent.Backends.Settings;

namespace SiteAgent.Core.Config;

/// <summary>Every secret value read from the config, for the redactor.</summary>
public sealed class SecretRegistry : ISecretSink
{
    private readonly HashSet<string> _values = new(StringComparer.Ordinal);

    /// <summary>The secret values; the redactor orders them longest first.</summary>
    public IReadOnlyCollection<string> Values => _values;

    /// <inheritdoc />
    public void AddSecret(string path, string value)
    {
        // Very short values would redact ordinary words; config validation warns about weak tokens separately.
        if (value.Length >= 4)
        {
            _values.Add(value);
        }
    }
}
