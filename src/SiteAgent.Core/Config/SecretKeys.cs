using SiteAgent.Backends.Settings;
using SiteAgent.Waldur.Secrets;

namespace SiteAgent.Core.Config;

/// <summary>
/// Treats any <c>backend_settings</c> value whose key names a credential as secret, so it is redacted
/// even when a backend forgets to read it with <see cref="SettingsReader.Secret"/>.
/// </summary>
public static class SecretKeys
{
    /// <summary>True when a key looks like it holds a credential (the redactor's secret names; <c>*_env</c> and <c>*_file</c> name where one is, not the secret).</summary>
    public static bool LooksSecret(string key) =>
        SecretRedactor.IsSecretName(key)
        && !key.EndsWith("_env", StringComparison.OrdinalIgnoreCase)
        && !key.EndsWith("_file", StringComparison.OrdinalIgnoreCase);

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
