using SiteAgent.Backends.Model;

namespace SiteAgent.Backends.Capabilities;

/// <summary>Reports usage per resource and user, in Waldur units (contract.md §9).</summary>
[BackendCapability(BackendCapabilities.UsageReporting)]
public interface IUsageReportingBackend
{
    /// <summary>Usage of the current month for the given backend ids.</summary>
    Task<UsageReport> GetUsageReportAsync(IReadOnlyList<string> backendIds, CancellationToken cancellationToken);

    /// <summary>Usage of a past month; an empty report means "skip that month".</summary>
    Task<UsageReport> GetUsageReportForPeriodAsync(
        IReadOnlyList<string> backendIds, int year, int month, CancellationToken cancellationToken) =>
        Task.FromResult(UsageReport.Empty);
}
