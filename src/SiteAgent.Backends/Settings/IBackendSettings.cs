namespace SiteAgent.Backends.Settings;

/// <summary>A backend's typed <c>backend_settings</c>, read without reflection.</summary>
/// <typeparam name="TSelf">The implementing type.</typeparam>
public interface IBackendSettings<TSelf>
    where TSelf : IBackendSettings<TSelf>
{
    /// <summary>
    /// Reads the settings. Every problem goes to <see cref="SettingsReader.Problems"/> with its key;
    /// return a value even when there were problems (the caller stops on errors).
    /// </summary>
    static abstract TSelf Read(SettingsReader reader);
}

/// <summary>Settings of a backend that reads no backend-specific keys.</summary>
public sealed record NoSettings : IBackendSettings<NoSettings>
{
    /// <summary>The only instance.</summary>
    public static NoSettings Instance { get; } = new();

    /// <inheritdoc />
    public static NoSettings Read(SettingsReader reader) => Instance;
}
