using SiteAgent.Backends.Settings;

namespace SiteAgent.Core.Config;

/// <summary>
/// Treats any <c>backend_settings</c> value whose key names a credential as secret, so it is redacted
/// even when a backend forgets to read it with <see cref="SettingsReader.Secret"/>.
/// </summary>
public static class SecretKeys
{
    private static readonly string[] Markers = ["token", "password", "secret", "passcode", "api_key", "apikey", "credential", "private_key"];

    /// <summary>True when a key looks like it holds a credential.</summary>
    public static bool LooksSecret(string key)
    {
        var lower = key.ToLowerInvariant();
        return Markers.Any(lower.Contains) && !lower.EndsWith("_env", StringComparison.Ordinal) && !lower.EndsWith("_file", StringComparison.Ordinal);
    }

    /// <summary>Registers every credential-like scalar under <paramref name="node"/>.</summary>
    public static void Register(ConfigNode node, ISecretSink secrets)
    {
        switch (node)
        {
            case ConfigMapping mapping:
                foreach (var entry in mapping.Entries)
                {
                    if (LooksSecret(entry.Key) && entry.Value is ConfigScalar { Value: { Length: > 0 } value })
                    {
                        secrets.AddSecret(entry.Value.Path, value);
                    }

                    Register(entry.Value, secrets);
                }

                break;
            case ConfigSequence sequence:
                foreach (var item in sequence.Items)
                {
                    Register(item, secrets);
                }

                break;
        }
    }
}
