namespace SiteAgent.Backends.Capabilities;

/// <summary>Reads a resource's limits back from the backend, in Waldur units (limit sync and import).</summary>
[BackendCapability(BackendCapabilities.LimitReading)]
public interface ILimitReadingBackend
{
    /// <summary>The resource's limits by component type; empty when none are set.</summary>
    Task<IReadOnlyDictionary<string, decimal>> GetResourceLimitsAsync(string backendId, CancellationToken cancellationToken);
}
