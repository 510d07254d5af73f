namespace SiteAgent.Backends.Settings;

/// <summary>Receives secret values found while reading the config, so they can be redacted everywhere.</summary>
public interface ISecretSink
{
    /// <summary>Registers a secret found at a key path.</summary>
    void AddSecret(string path, string value);
}
