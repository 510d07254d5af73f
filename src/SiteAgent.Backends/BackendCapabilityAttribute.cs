namespace SiteAgent.Backends;

/// <summary>Marks an interface as a backend capability; the registry generator lists it under this name.</summary>
[AttributeUsage(AttributeTargets.Interface, AllowMultiple = false, Inherited = false)]
public sealed class BackendCapabilityAttribute : Attribute
{
    /// <summary>Creates the attribute with the capability's lower_snake_case name.</summary>
    public BackendCapabilityAttribute(string name) => Name = name;

    /// <summary>The name shown by <c>backends list</c> (e.g. <c>order_processing</c>).</summary>
    public string Name { get; }
}
