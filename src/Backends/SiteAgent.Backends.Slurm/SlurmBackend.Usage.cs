using SiteAgent.Backends.Model;

namespace SiteAgent.Backends.Slurm;

/// <summary>Usage reports and limit reads.</summary>
/// <remarks>
/// A report covers every requested account with one <c>sacct</c> per billing month (the reference ran one
/// per resource). Should that call fail, the accounts are read one by one so that the failure is pinned
/// to the accounts it concerns and the others still report; when the first few single reads fail the
/// same way, the failure is the cluster's, not an account's, and the month is given up for all.
/// </remarks>
public sealed partial class SlurmBackend
{
    /// <summary>Single-account reads that may fail in a row, after a failed batch, before the whole month is given up.</summary>
    private const int IsolationAttempts = 3;

    /// <inheritdoc />
    public Task<UsageReport> GetUsageReportAsync(IReadOnlyList<string> backendIds, CancellationToken cancellationToken) =>
        CurrentMonthReportAsync(backendIds, lookUpIdle: true, cancellationToken);

    /// <inheritdoc />
    public Task<UsageReport> GetUsageReportForPeriodAsync(IReadOnlyList<string> backendIds, int year, int month, CancellationToken cancellationToken)
    {
        if (month is < 1 or > 12)
        {
            throw new BackendException("month must be in 1..12");
        }

        return ReportAsync(backendIds, year, month, lookUpIdle: true, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, decimal>> GetResourceLimitsAsync(string backendId, CancellationToken cancellationToken)
    {
        var account = SlurmNames.Account(backendId, "resource backend_id");
        TresLimits limits;
        if (InView(account))
        {
            limits = Viewed(account)?.GrpTresMins ?? throw new BackendException($"SLURM account {account} does not exist on cluster {ClusterLabel}");
        }
        else
        {
            limits = await Client.GetGrpTresMinsAsync(account, cancellationToken).ConfigureAwait(false);
        }

        foreach (var tres in limits.Unparsed)
        {
            SlurmLog.UnparsedLimit(_logger, tres, account);
        }

        return _limits.ToWaldur(limits.Values);
    }

    /// <summary>The month that contains "now" in the agent's time zone.</summary>
    private Task<UsageReport> CurrentMonthReportAsync(IReadOnlyList<string> backendIds, bool lookUpIdle, CancellationToken cancellationToken)
    {
        var now = TimeZoneInfo.ConvertTime(_context.Time.GetUtcNow(), _context.TimeZone);
        return ReportAsync(backendIds, now.Year, now.Month, lookUpIdle, cancellationToken);
    }

    /// <summary>
    /// Usage of one calendar month in the agent's time zone: <c>T00:00:00</c> of the first day to
    /// <c>T23:59:59</c> of the last (the last second is outside, as in the reference). With
    /// <paramref name="lookUpIdle"/>, accounts without lines are looked up once, together, to tell "used
    /// nothing" from "no such account".
    /// </summary>
    private async Task<UsageReport> ReportAsync(IReadOnlyList<string> backendIds, int year, int month, bool lookUpIdle, CancellationToken cancellationToken)
    {
        var accounts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var failed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in backendIds.Where(i => !string.IsNullOrWhiteSpace(i)))
        {
            try
            {
                accounts.TryAdd(SlurmNames.Account(id, "resource backend_id"), id);
            }
            catch (UnsafeValueException e)
            {
                // One bad id must not cost every other resource its report.
                failed[id] = e.Message;
            }
        }

        if (accounts.Count == 0)
        {
            return UsageReport.Empty with { Failed = failed };
        }

        var window = new UsageWindow(
            new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Unspecified),
            new DateTime(year, month, DateTime.DaysInMonth(year, month), 23, 59, 59, DateTimeKind.Unspecified));
        var lines = new List<UsageLine>();
        foreach (var chunk in SlurmClient.ListChunks(accounts.Keys.ToArray()))
        {
            lines.AddRange(await ReadChunkAsync(chunk, window, failed, accounts, cancellationToken).ConfigureAwait(false));
        }

        var report = UsageReportBuilder.Build(lines, accounts.Values.ToArray(), _context.Components, _mapper);
        var silent = accounts.Where(a => !report.Resources.ContainsKey(a.Value) && !failed.ContainsKey(a.Value)).ToArray();
        var unknown = new HashSet<string>(StringComparer.Ordinal);
        if (lookUpIdle && silent.Length > 0)
        {
            try
            {
                var existing = await ExistingAccountsAsync(silent.Select(a => a.Key).ToArray(), cancellationToken).ConfigureAwait(false);
                unknown.UnionWith(silent.Where(a => !existing.Contains(a.Key)).Select(a => a.Value));
            }
            catch (BackendException e)
            {
                // Without the existence read an idle account cannot be told from a missing one; report neither as zero.
                foreach (var (_, id) in silent)
                {
                    failed[id] = e.Message;
                }
            }
        }

        return report with { Unknown = unknown, Failed = failed };
    }

    private async Task<IReadOnlyList<UsageLine>> ReadChunkAsync(
        IReadOnlyList<string> chunk, UsageWindow window, Dictionary<string, string> failed, Dictionary<string, string> ids, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadUsageAsync(chunk, window, cancellationToken).ConfigureAwait(false);
        }
        catch (BackendException batch) when (chunk.Count > 1)
        {
            SlurmLog.UsageBatchFailed(_logger, chunk.Count, window.Start.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), batch.Message);
            var lines = new List<UsageLine>();
            var failuresInARow = 0;
            foreach (var account in chunk)
            {
                if (failuresInARow >= IsolationAttempts)
                {
                    failed[ids[account]] = batch.Message;
                    continue;
                }

                try
                {
                    lines.AddRange(await ReadUsageAsync([account], window, cancellationToken).ConfigureAwait(false));
                    failuresInARow = 0;
                }
                catch (BackendException single)
                {
                    failed[ids[account]] = single.Message;
                    failuresInARow++;
                }
            }

            return lines;
        }
        catch (BackendException single)
        {
            failed[ids[chunk[0]]] = single.Message;
            return [];
        }
    }

    private async Task<IReadOnlyList<UsageLine>> ReadUsageAsync(IReadOnlyList<string> accounts, UsageWindow window, CancellationToken cancellationToken)
    {
        var skipped = new List<string>();
        var lines = await Client.GetUsageAsync(accounts, window.Start, window.End, UsageReportBuilder.TresKeys(_context.Components, _mapper), skipped, cancellationToken)
            .ConfigureAwait(false);
        foreach (var line in skipped)
        {
            SlurmLog.UsageLineSkipped(_logger, line);
        }

        return lines;
    }

    /// <summary>Which of the accounts exist on the cluster: from the cycle's view where it covers them, else one association read.</summary>
    private async Task<IReadOnlySet<string>> ExistingAccountsAsync(IReadOnlyList<string> accounts, CancellationToken cancellationToken)
    {
        var existing = new HashSet<string>(accounts.Where(a => InView(a) && Viewed(a) is not null), StringComparer.OrdinalIgnoreCase);
        var unread = accounts.Where(a => !InView(a)).ToArray();
        if (unread.Length > 0)
        {
            existing.UnionWith((await Client.ReadAssociationsAsync(unread, cancellationToken).ConfigureAwait(false)).Keys);
        }

        return existing;
    }

    private readonly record struct UsageWindow(DateTime Start, DateTime End);
}
