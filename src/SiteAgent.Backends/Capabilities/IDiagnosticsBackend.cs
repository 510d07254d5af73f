using SiteAgent.Backends.Model;

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

    /// <summary>
    /// The backend's checks as separate results, one per thing checked. Backends that only have
    /// <see cref="RunDiagnosticsAsync"/> report it as one check.
    /// </summary>
    Task<IReadOnlyList<BackendCheck>> RunChecksAsync(CancellationToken cancellationToken) => WholeDiagnosticsAsync(this, cancellationToken);

    /// <summary>
    /// Every backend resource id below the agent's root (SLURM: the accounts under the root account),
    /// for the <c>drift</c> command's "no resource owns it" check; null when the backend cannot list them.
    /// </summary>
    Task<IReadOnlyList<string>?> ListManagedResourceIdsAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>?>(null);

    private static async Task<IReadOnlyList<BackendCheck>> WholeDiagnosticsAsync(IDiagnosticsBackend backend, CancellationToken cancellationToken) =>
        await backend.RunDiagnosticsAsync(cancellationToken).ConfigureAwait(false)
            ? [BackendCheck.Ok("backend diagnostics", "passed (details in the log)")]
            : [BackendCheck.Fail("backend diagnostics", "failed (details in the log)")];
}
