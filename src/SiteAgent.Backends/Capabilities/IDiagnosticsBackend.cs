namespace SiteAgent.Backends.Capabilities;

/// <summary>Answers whether the backend is reachable and explains its state to an administrator.</summary>
[BackendCapability(BackendCapabilities.Diagnostics)]
public interface IDiagnosticsBackend
{
    /// <summary>True when the backend answers.</summary>
    Task<bool> PingAsync(CancellationToken cancellationToken);

    /// <summary>Runs the backend's checks, writing findings to the log; false when any check failed.</summary>
    Task<bool> RunDiagnosticsAsync(CancellationToken cancellationToken);

    /// <summary>The cluster name the backend manages, compared with the offering's backend id by diagnostics.</summary>
    string? ClusterName => null;
}
