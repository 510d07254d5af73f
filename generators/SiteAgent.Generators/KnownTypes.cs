using Microsoft.CodeAnalysis;

namespace SiteAgent.Generators;

/// <summary>The SiteAgent.Backends types the parser compares against, looked up once per parse.</summary>
/// <remarks>Holds symbols, so it lives only inside a pipeline step and never in the cached model.</remarks>
internal sealed class KnownTypes
{
    private KnownTypes(
        INamedTypeSymbol backendAttribute,
        INamedTypeSymbol containsBackendAttribute,
        INamedTypeSymbol capabilityAttribute,
        INamedTypeSymbol context,
        INamedTypeSymbol settingsInterface,
        INamedTypeSymbol noSettings)
    {
        BackendAttribute = backendAttribute;
        ContainsBackendAttribute = containsBackendAttribute;
        CapabilityAttribute = capabilityAttribute;
        Context = context;
        SettingsInterface = settingsInterface;
        NoSettings = noSettings;
    }

    /// <summary><c>SiteAgent.Backends.BackendAttribute</c>.</summary>
    public INamedTypeSymbol BackendAttribute { get; }

    /// <summary><c>SiteAgent.Backends.ContainsBackendAttribute</c>.</summary>
    public INamedTypeSymbol ContainsBackendAttribute { get; }

    /// <summary><c>SiteAgent.Backends.BackendCapabilityAttribute</c>.</summary>
    public INamedTypeSymbol CapabilityAttribute { get; }

    /// <summary><c>SiteAgent.Backends.BackendContext</c>.</summary>
    public INamedTypeSymbol Context { get; }

    /// <summary>The unbound <c>IBackendSettings&lt;TSelf&gt;</c>.</summary>
    public INamedTypeSymbol SettingsInterface { get; }

    /// <summary><c>SiteAgent.Backends.Settings.NoSettings</c>, used when a backend names no settings type.</summary>
    public INamedTypeSymbol NoSettings { get; }

    /// <summary>Looks the types up; null when the compilation does not reference SiteAgent.Backends.</summary>
    public static KnownTypes? From(Compilation compilation)
    {
        var backend = compilation.GetTypeByMetadataName("SiteAgent.Backends.BackendAttribute");
        var contains = compilation.GetTypeByMetadataName("SiteAgent.Backends.ContainsBackendAttribute");
        var capability = compilation.GetTypeByMetadataName("SiteAgent.Backends.BackendCapabilityAttribute");
        var context = compilation.GetTypeByMetadataName("SiteAgent.Backends.BackendContext");
        var settings = compilation.GetTypeByMetadataName("SiteAgent.Backends.Settings.IBackendSettings`1");
        var none = compilation.GetTypeByMetadataName("SiteAgent.Backends.Settings.NoSettings");
        return backend is null || contains is null || capability is null || context is null || settings is null || none is null
            ? null
            : new KnownTypes(backend, contains, capability, context, settings, none);
    }
}
