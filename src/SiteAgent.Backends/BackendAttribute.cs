namespace SiteAgent.Backends;

/// <summary>Marks a class as a backend; the registry generator turns it into a registry entry at compile time.</summary>
/// <remarks>
/// To add a backend:
/// 1. Create <c>src/Backends/SiteAgent.Backends.&lt;Name&gt;/</c> with a public, non-abstract, non-generic class
///    <c>&lt;Name&gt;Backend</c> carrying <c>[Backend("&lt;id&gt;")]</c>, where the id is lower_snake_case.
/// 2. Implement at least one capability interface (those marked <see cref="BackendCapabilityAttribute"/>).
/// 3. Give it a public constructor whose parameters are drawn from: the settings type named by
///    <see cref="Settings"/>, and <see cref="BackendContext"/>.
/// 4. If it reads <c>backend_settings</c>, write a settings type implementing <see cref="Settings.IBackendSettings{TSelf}"/>.
/// 5. If it logs, declare its event ids once with <c>[assembly: LogEventIdRange(first, last)]</c>
///    (see <see cref="LogEventIdRangeAttribute"/>); the catalogue test then checks them.
/// 6. Add one line for it to <c>src/SiteAgent/backends.props</c>.
/// </remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class BackendAttribute : Attribute
{
    /// <summary>Creates the attribute with the backend id used in the config file (e.g. <c>slurm</c>).</summary>
    public BackendAttribute(string id) => Id = id;

    /// <summary>The id used in <c>*_backend</c> config keys; lower_snake_case.</summary>
    public string Id { get; }

    /// <summary>Human-readable name shown by <c>backends list</c>.</summary>
    public string? DisplayName { get; set; }

    /// <summary>Backend version; defaults to the version of the assembly that holds it.</summary>
    public string? Version { get; set; }

    /// <summary>One sentence on what the backend manages.</summary>
    public string? Description { get; set; }

    /// <summary>The type that reads and validates this backend's <c>backend_settings</c>; it must implement <see cref="Settings.IBackendSettings{TSelf}"/>.</summary>
    public Type? Settings { get; set; }
}
