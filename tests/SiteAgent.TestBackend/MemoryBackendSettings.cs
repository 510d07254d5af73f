using SiteAgent.Backends.Settings;

namespace SiteAgent.TestBackend;

/// <summary>The <c>backend_settings</c> of the memory backend: which store it works on.</summary>
/// <param name="Store">Name of the <see cref="MemoryStore"/>; every backend instance with the same name sees the same resources.</param>
public sealed record MemoryBackendSettings(string Store) : IBackendSettings<MemoryBackendSettings>
{
    /// <inheritdoc />
    public static MemoryBackendSettings Read(SettingsReader reader) => new(reader.String("store", "default"));
}
