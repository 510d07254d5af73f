using SiteAgent.Backends.Settings;

namespace SiteAgent.Backends.Registry;

/// <summary>One registry entry, emitted by the registry generator for each backend in the build.</summary>
/// <param name="Id">Config id (<c>slurm</c>).</param>
/// <param name="DisplayName">Human-readable name.</param>
/// <param name="Version">Backend version.</param>
/// <param name="Description">What it manages.</param>
/// <param name="TypeName">Fully qualified class name (reported to Waldur as the processor's backend type).</param>
/// <param name="Capabilities">Capability names, sorted.</param>
/// <param name="ReadSettings">Reads and validates the backend's <c>backend_settings</c>.</param>
/// <param name="Create">Constructs an instance from settings read by <paramref name="ReadSettings"/>.</param>
public sealed record BackendDescriptor(
    string Id,
    string DisplayName,
    string Version,
    string Description,
    string TypeName,
    IReadOnlyList<string> Capabilities,
    Func<SettingsReader, object> ReadSettings,
    Func<object, BackendContext, object> Create)
{
    /// <summary>True when the backend implements the named capability.</summary>
    public bool Has(string capability) => Capabilities.Contains(capability, StringComparer.Ordinal);
}
