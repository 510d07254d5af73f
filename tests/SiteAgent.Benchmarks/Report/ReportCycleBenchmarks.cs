using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using SiteAgent.Backends;
using SiteAgent.Backends.Commands;
using SiteAgent.Backends.Model;
using SiteAgent.Backends.Settings;
using SiteAgent.Backends.Slurm;
using SiteAgent.Backends.Slurm.Options;
using SiteAgent.Benchmarks.Parsers;
using SiteAgent.Core.Reporting;
using SiteAgent.Waldur.Models;

namespace SiteAgent.Benchmarks.Report;

/// <summary>
/// The agent's work in one billing period of a report cycle for 1,000 accounts and 100,000 job records,
/// generated in sacct's exact output format: the SLURM backend reading the one sacct answer for all
/// accounts (parse, aggregate, convert) and the submission plan of every resource against what Waldur
/// holds. The baseline splits the same text into lines and fields and builds nothing.
/// </summary>
/// <remarks>
/// The sacct answer comes from memory (<see cref="GeneratedSacct"/>): the command's own time is the
/// cluster's, not the agent's, and what the one-call-per-period design saves on it is measured on the
/// real cluster by the <c>report-sacct</c> command.
/// </remarks>
[BenchmarkCategory("ReportCycle")]
[Config(typeof(ReportBenchmarkConfig))]
public class ReportCycleBenchmarks
{
    /// <summary>Job records in the generated sacct answer.</summary>
    public const int Records = 100_000;

    /// <summary>Allocation accounts (resources) they are spread over.</summary>
    public const int Accounts = 1_000;

    private static readonly ComponentDefinition[] Components =
    [
        new() { Type = "cpu", MeasuredUnit = "k-Hours", AccountingType = AccountingType.Usage, Label = "CPU", UnitFactor = 60000 },
        new() { Type = "mem", MeasuredUnit = "gb-Hours", AccountingType = AccountingType.Usage, Label = "RAM", UnitFactor = 61440 },
        new() { Type = "gres/gpu", MeasuredUnit = "GPU-Hours", AccountingType = AccountingType.Usage, Label = "GPU", UnitFactor = 60 },
    ];

    private static readonly HashSet<string> OfferingComponents = ["cpu", "mem", "gres/gpu"];

    private string _sacct = null!;
    private string[] _ids = null!;
    private GeneratedSacct _runner = null!;
    private SlurmBackend _backend = null!;
    private Dictionary<string, ResourcePeriodRecords> _heldAsReported = null!;
    private IReadOnlyDictionary<string, OfferingUserLink> _users = null!;

    [GlobalSetup]
    public void Setup()
    {
        _sacct = SlurmOutput.SacctUsage(Records, Accounts);
        _ids = Enumerable.Range(0, Accounts).Select(SlurmOutput.Account).ToArray();
        _runner = new GeneratedSacct(_sacct);
        _backend = Backend(_runner);
        _users = OfferingUserLink.Index(Enumerable.Range(0, 300).Select(i => new OfferingUser
        {
            Uuid = Guid.NewGuid(), Username = $"user{i:D3}", Url = $"https://waldur.example/api/marketplace-offering-users/{i:D32}/",
        }));
        var report = ReadAsync().GetAwaiter().GetResult();
        _heldAsReported = report.Resources.ToDictionary(p => p.Key, p => Held(p.Value));
        Verify(report);
    }

    [Benchmark(Baseline = true, Description = "sacct text: string.Split into fields")]
    public int SplitIntoFields() => SlurmOutput.SplitIntoFields(_sacct);

    [Benchmark(Description = "report + plan, first submission of the month")]
    public async Task<int> FirstSubmission()
    {
        var report = await ReadAsync();
        return Plan(report, _ => ResourcePeriodRecords.Empty);
    }

    [Benchmark(Description = "report + plan, nothing changed")]
    public async Task<int> NothingChanged()
    {
        var report = await ReadAsync();
        return Plan(report, id => _heldAsReported[id]);
    }

    private Task<UsageReport> ReadAsync() => _backend.GetUsageReportForPeriodAsync(_ids, 2026, 11, CancellationToken.None);

    /// <summary>Plans every resource; returns the writes planned (set_usage calls + per-user batches).</summary>
    private int Plan(UsageReport report, Func<string, ResourcePeriodRecords> held)
    {
        var writes = 0;
        foreach (var id in _ids)
        {
            var plan = UsagePlanner.Plan(report.Resources[id], OfferingComponents, held(id), _users, usageCanDecrease: false);
            writes += (plan.Decision == TotalDecision.Submit ? 1 : 0) + plan.UserUsages.Count;
        }

        return writes;
    }

    /// <summary>What Waldur holds after the report was submitted: one record per component, one per user below it.</summary>
    private static ResourcePeriodRecords Held(ResourceUsage usage)
    {
        var records = usage.Total.Select(t => new ComponentUsage { Uuid = Guid.NewGuid(), Type = t.Key, Usage = UsagePlanner.Round(t.Value) }).ToList();
        var users = records.SelectMany(r => usage.PerUser.Where(u => u.Value.ContainsKey(r.Type!)).Select(u => new ComponentUserUsage
        {
            ComponentUsage = $"https://waldur.example/api/marketplace-component-usages/{r.Uuid:N}/",
            Username = u.Key,
            Usage = UsagePlanner.Round(u.Value[r.Type!]),
            User = $"https://waldur.example/api/marketplace-offering-users/{int.Parse(u.Key[4..], System.Globalization.CultureInfo.InvariantCulture):D32}/",
        })).ToList();
        return new ResourcePeriodRecords(records, users);
    }

    private static SlurmBackend Backend(ICommandRunner runner) => new(
        new SlurmOptions { ClusterName = "benchcluster" },
        new BackendContext
        {
            OfferingName = "report-bench",
            OfferingUuid = Guid.NewGuid(),
            Components = Components,
            Common = CommonBackendSettings.Default,
            Commands = runner,
            LoggerFactory = NullLoggerFactory.Instance,
            TimeZone = TimeZoneInfo.Utc,
            DryRun = true,
        });

    /// <summary>The measured path must read everything, with one sacct per period, or it would time a shortcut.</summary>
    private void Verify(UsageReport report)
    {
        var first = Plan(report, _ => ResourcePeriodRecords.Empty);
        var again = Plan(report, id => _heldAsReported[id]);
        if (report.Resources.Count != Accounts || report.Unknown.Count != 0 || report.Failed.Count != 0 || first < Accounts || again != 0
            || _runner.SacctCalls != 1 || _runner.OtherCalls != 0)
        {
            throw new InvalidOperationException(
                $"the report path did not do the full work: {report.Resources.Count} accounts reported, {first} writes planned first and {again} again, " +
                $"{_runner.SacctCalls} sacct calls and {_runner.OtherCalls} other commands for one period");
        }

        Console.WriteLine($"// Verified: {Records} records of {Accounts} accounts read with {_runner.SacctCalls} sacct call; " +
            $"{first} writes planned for a first submission, {again} when nothing changed.");
    }
}
