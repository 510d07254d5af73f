namespace SiteAgent.Backends;

/// <summary>
/// Emitted by the registry generator into every assembly that declares backends, so that the
/// executable's generator finds them among its references without scanning every type.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
public sealed class ContainsBackendAttribute : Attribute
{
    /// <summary>Names one backend class of this assembly.</summary>
    public ContainsBackendAttribute(Type backendType) => BackendType = backendType;

    /// <summary>The backend class.</summary>
    public Type BackendType { get; }
}
