using SiteAgent.Backends.Model;

namespace SiteAgent.Backends.Slurm;

/// <summary>Usage reports and limit reads (slurm.md §6, §7.3 "Get").</summary>
public sealed partial class SlurmBackend
{
    /// <inheritdoc />
    public Task<UsageReport> GetUsageReportAsync(IReadOnlyList<string> backendIds, CancellationToken cancellationToken)
    {
        var now = TimeZoneInfo.ConvertTime(_context.Time.GetUtcNow(), _context.TimeZone);
        return ReportAsync(backendIds, now.Year, now.Month, cancellationToken);
    }

    /// <inheritdoc />
    public Task<UsageReport> GetUsageReportForPeriodAsync(IReadOnlyList<string> backendIds, int year, int month, CancellationToken cancellationToken)
    {
        if (month is < 1 or > 12)
        {
            throw new BackendException("month must be in 1..12");
        }

        return ReportAsync(backendIds, year, month, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, decimal>> GetResourceLimitsAsync(string backendId, CancellationToken cancellationToken)
    {
        var account = SlurmNames.Account(backendId, "resource backend_id");
        var limits = await Client.GetGrpTresMinsAsync(account, cancellationToken).ConfigureAwait(false);
        foreach (var tres in limits.Unparsed)
        {
            SlurmLog.UnparsedLimit(_logger, tres, account);
        }

        return _limits.ToWaldur(limits.Values);
    }

    /// <summary>
    /// Usage of one calendar month in the agent's time zone: <c>T00:00:00</c> of the first day to
    /// <c>T23:59:59</c> of the last (the last second is outside, as in the reference).
    /// </summary>
    private async Task<UsageReport> ReportAsync(IReadOnlyList<string> backendIds, int year, int month, CancellationToken cancellationToken)
    {
        var accounts = new List<string>();
        var ids = new List<string>();
        foreach (var id in backendIds.Where(i => !string.IsNullOrWhiteSpace(i)))
        {
            try
            {
                accounts.Add(SlurmNames.Account(id, "resource backend_id"));
                ids.Add(id);
            }
            catch (UnsafeValueException e)
            {
                // One bad id must not cost every other resource its report.
                SlurmLog.PullFailed(_logger, SlurmNames.Quote(id), Guid.Empty, e.Message);
            }
        }

        if (accounts.Count == 0)
        {
            return UsageReport.Empty;
        }

        var start = new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var end = new DateTime(year, month, DateTime.DaysInMonth(year, month), 23, 59, 59, DateTimeKind.Unspecified);
        var skipped = new List<string>();
        var lines = await Client.GetUsageAsync(accounts.Distinct(StringComparer.Ordinal).ToArray(), start, end,
            UsageReportBuilder.TresKeys(_context.Components, _mapper), skipped, cancellationToken).ConfigureAwait(false);
        foreach (var line in skipped)
        {
            SlurmLog.UsageLineSkipped(_logger, line);
        }

        return UsageReportBuilder.Build(lines, ids, _context.Components, _mapper);
    }
}
