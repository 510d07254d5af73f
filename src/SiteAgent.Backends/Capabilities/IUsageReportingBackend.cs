using SiteAgent.Backends.Model;

namespace SiteAgent.Backends.Capabilities;

/// <summary>Reports usage per resource and user, in Waldur units.</summary>
/// <remarks>
/// The core asks once per billing period for all the offering's resources, so a backend should read
/// them together (SLURM: one <c>sacct</c> per period) and isolate a failure to the ids it concerns
/// (<see cref="UsageReport.Failed"/>) rather than fail the whole period.
/// </remarks>
[BackendCapability(BackendCapabilities.UsageReporting)]
public interface IUsageReportingBackend
{
    /// <summary>Usage of the current month for the given backend ids.</summary>
    Task<UsageReport> GetUsageReportAsync(IReadOnlyList<string> backendIds, CancellationToken cancellationToken);

    /// <summary>Usage of a past month; an empty report means "skip that month".</summary>
    Task<UsageReport> GetUsageReportForPeriodAsync(
        IReadOnlyList<string> backendIds, int year, int month, CancellationToken cancellationToken) =>
        Task.FromResult(UsageReport.Empty);

    /// <summary>
    /// True when usage may legitimately go down within a period (storage-like backends); otherwise a
    /// lower amount than Waldur already holds is an anomaly and is not submitted.
    /// </summary>
    bool UsageCanDecrease => false;
}
