namespace SiteAgent.Generators.Model;

/// <summary>What a constructor parameter receives.</summary>
internal enum ConstructorArgument
{
    /// <summary>The backend's settings object, cast to its settings type.</summary>
    Settings,

    /// <summary>The <c>BackendContext</c>.</summary>
    Context,
}

/// <summary>A valid backend class, reduced to the text the emitters need.</summary>
/// <param name="Id">Config id.</param>
/// <param name="DisplayName">Human-readable name.</param>
/// <param name="Version">Backend version.</param>
/// <param name="Description">What it manages.</param>
/// <param name="TypeName">Fully qualified name without <c>global::</c>.</param>
/// <param name="TypeExpression">The class as a C# type expression with <c>global::</c>.</param>
/// <param name="SettingsExpression">The settings type as a C# type expression with <c>global::</c>.</param>
/// <param name="Capabilities">Capability names, sorted.</param>
/// <param name="ConstructorArguments">Arguments of the chosen constructor, in parameter order.</param>
internal sealed record BackendModel(
    string Id,
    string DisplayName,
    string Version,
    string Description,
    string TypeName,
    string TypeExpression,
    string SettingsExpression,
    EquatableArray<string> Capabilities,
    EquatableArray<ConstructorArgument> ConstructorArguments);

/// <summary>Outcome of parsing one class marked <c>[Backend]</c>.</summary>
/// <param name="Backend">The backend, or null when the class is invalid.</param>
/// <param name="IdLocation">Where the id is written, for duplicate-id errors.</param>
/// <param name="Diagnostics">Everything wrong with the class.</param>
internal sealed record ParseResult(
    BackendModel? Backend,
    LocationInfo? IdLocation,
    EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>Backends named by <c>ContainsBackend</c> attributes of referenced assemblies.</summary>
/// <param name="Backends">Valid backends, in reference order.</param>
/// <param name="Diagnostics">Problems with named classes (they have no source location here).</param>
internal sealed record ReferencedBackends(
    EquatableArray<BackendModel> Backends,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>Nothing found (not a host, or no references).</summary>
    public static ReferencedBackends None { get; } = new(EquatableArray<BackendModel>.Empty, EquatableArray<DiagnosticInfo>.Empty);
}

/// <summary>The host's MSBuild switches.</summary>
/// <param name="Enabled">True when <c>SiteAgentBackendRegistry</c> is <c>true</c>.</param>
/// <param name="Manifest">Ids named by <c>SiteAgentBackends</c>; empty means every found backend.</param>
internal sealed record HostOptions(bool Enabled, EquatableArray<string> Manifest);

/// <summary>The registry to emit and what to report about it.</summary>
/// <param name="Enabled">False outside the host: emit nothing.</param>
/// <param name="Backends">Selected backends, in id order.</param>
/// <param name="Diagnostics">Manifest and cross-assembly problems.</param>
internal sealed record RegistryModel(
    bool Enabled,
    EquatableArray<BackendModel> Backends,
    EquatableArray<DiagnosticInfo> Diagnostics);
