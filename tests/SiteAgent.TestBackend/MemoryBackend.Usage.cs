using SiteAgent.Backends;
using SiteAgent.Backends.Capabilities;
using SiteAgent.Backends.Model;

namespace SiteAgent.TestBackend;

/// <content>Usage, limits read back, and the paused/downscaled status of a resource.</content>
public sealed partial class MemoryBackend : IUsageReportingBackend, ILimitReadingBackend, IResourceStatusBackend
{
    /// <inheritdoc />
    public Task<UsageReport> GetUsageReportAsync(IReadOnlyList<string> backendIds, CancellationToken cancellationToken)
    {
        var now = TimeZoneInfo.ConvertTime(_context.Time.GetUtcNow(), _context.TimeZone);
        return GetUsageReportForPeriodAsync(backendIds, now.Year, now.Month, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>An unsafe id fails alone (<see cref="UsageReport.Failed"/>) instead of the whole period.</remarks>
    public Task<UsageReport> GetUsageReportForPeriodAsync(IReadOnlyList<string> backendIds, int year, int month, CancellationToken cancellationToken)
    {
        var failed = new Dictionary<string, string>(StringComparer.Ordinal);
        var ids = new List<string>();
        foreach (var id in backendIds)
        {
            try
            {
                ids.Add(MemoryNames.Id(id, "resource backend_id"));
            }
            catch (UnsafeValueException ex)
            {
                failed[id] = ex.Message;
            }
        }

        var period = new DateOnly(year, month, 1);
        var components = _context.Components.Select(c => c.Type).ToList();
        var (resources, unknown) = Store.Run($"usage {period:yyyy-MM} {string.Join(',', ids)}", r =>
        {
            var found = new Dictionary<string, ResourceUsage>(StringComparer.Ordinal);
            foreach (var id in ids.Where(r.ContainsKey))
            {
                found[id] = r[id].Usage.TryGetValue(period, out var usage) ? ToReport(usage, components) : ResourceUsage.Zero(components);
            }

            return (found, ids.Where(id => !r.ContainsKey(id)).ToHashSet(StringComparer.Ordinal));
        });
        return Task.FromResult(new UsageReport(resources) { Unknown = unknown, Failed = failed });
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, decimal>> GetResourceLimitsAsync(string backendId, CancellationToken cancellationToken)
    {
        var id = MemoryNames.Id(backendId, "resource backend_id");
        return Task.FromResult<IReadOnlyDictionary<string, decimal>>(
            Store.Run($"limits {id}", r => r.TryGetValue(id, out var stored) ? new Dictionary<string, decimal>(stored.Limits) : []));
    }

    /// <inheritdoc />
    public Task<bool> PauseResourceAsync(ResourceRequest resource, CancellationToken cancellationToken) => SetStatusAsync(resource, "paused");

    /// <inheritdoc />
    public Task<bool> DownscaleResourceAsync(ResourceRequest resource, CancellationToken cancellationToken) => SetStatusAsync(resource, "downscaled");

    /// <inheritdoc />
    public Task<bool> RestoreResourceAsync(ResourceRequest resource, CancellationToken cancellationToken) => SetStatusAsync(resource, "normal");

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, string>> GetResourceMetadataAsync(string backendId, CancellationToken cancellationToken)
    {
        var id = MemoryNames.Id(backendId, "resource backend_id");
        return Task.FromResult<IReadOnlyDictionary<string, string>>(Store.Run($"metadata {id}", r =>
            r.TryGetValue(id, out var stored) ? new Dictionary<string, string> { ["status"] = stored.Status } : []));
    }

    private Task<bool> SetStatusAsync(ResourceRequest resource, string status)
    {
        var id = MemoryNames.Id(resource.BackendId, "resource backend_id");
        return Task.FromResult(Store.Run($"status {id} {status}", r =>
        {
            var stored = Owned(r, id, resource);
            var changed = stored.Status != status;
            stored.Status = status;
            return changed;
        }));
    }

    private static ResourceUsage ToReport(MonthUsage usage, IReadOnlyList<string> components) => new(
        components.ToDictionary(c => c, c => usage.Total.GetValueOrDefault(c), StringComparer.Ordinal),
        usage.PerUser.ToDictionary(u => u.Key, u => (IReadOnlyDictionary<string, decimal>)new Dictionary<string, decimal>(u.Value), StringComparer.Ordinal));
}
