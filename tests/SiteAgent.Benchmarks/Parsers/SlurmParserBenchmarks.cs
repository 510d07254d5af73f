using BenchmarkDotNet.Attributes;
using SiteAgent.Backends.Model;
using SiteAgent.Backends.Slurm;

namespace SiteAgent.Benchmarks.Parsers;

/// <summary>
/// Throughput of the SLURM parsers on 10,000-line outputs (<see cref="SlurmOutput"/>). Each category's
/// baseline does the least any parser must do with the same text, splitting it into lines and fields
/// with <see cref="string.Split(char, StringSplitOptions)"/>, so the ratio is the parser's cost over that.
/// </summary>
[BenchmarkCategory("SlurmParser")]
[Config(typeof(ParserBenchmarkConfig))]
public class SlurmParserBenchmarks
{
    private const string Sacct = "sacct usage";
    private const string AssocUsers = "assoc account,user";
    private const string AssocMaxTresMins = "assoc Account,MaxTRESMins,User";

    private static readonly ComponentDefinition[] Components =
    [
        new() { Type = "cpu", MeasuredUnit = "k-Hours", AccountingType = AccountingType.Limit, Label = "CPU", UnitFactor = 60000 },
        new() { Type = "mem", MeasuredUnit = "gb-Hours", AccountingType = AccountingType.Usage, Label = "RAM", UnitFactor = 61440 },
        new() { Type = "gres/gpu", MeasuredUnit = "GPU-Hours", AccountingType = AccountingType.Usage, Label = "GPU", UnitFactor = 60 },
    ];

    private static readonly ComponentMapper Mapper = new(Components);
    private static readonly IReadOnlySet<string> TresKeys = UsageReportBuilder.TresKeys(Components, Mapper);
    private static readonly string[] BackendIds = Enumerable.Range(0, SlurmOutput.AccountCount).Select(SlurmOutput.Account).ToArray();

    private string _sacct = null!;
    private string _users = null!;
    private string _maxTresMins = null!;

    [GlobalSetup]
    public void Setup()
    {
        _sacct = SlurmOutput.SacctUsage();
        _users = SlurmOutput.AssociationUsers();
        _maxTresMins = SlurmOutput.AssociationMaxTresMins();
        Verify();
    }

    [Benchmark(Baseline = true, Description = "sacct: string.Split")]
    [BenchmarkCategory(Sacct)]
    public int SacctSplit() => SlurmOutput.SplitIntoFields(_sacct);

    [Benchmark(Description = "ParseUsage")]
    [BenchmarkCategory(Sacct)]
    public IReadOnlyList<UsageLine> ParseUsage() => SlurmParser.ParseUsage(_sacct, TresKeys);

    [Benchmark(Description = "ParseUsage + UsageReportBuilder.Build")]
    [BenchmarkCategory(Sacct)]
    public UsageReport ParseUsageAndBuildReport() =>
        UsageReportBuilder.Build(SlurmParser.ParseUsage(_sacct, TresKeys), BackendIds, Components, Mapper);

    [Benchmark(Baseline = true, Description = "account,user: string.Split")]
    [BenchmarkCategory(AssocUsers)]
    public int UsersSplit() => SlurmOutput.SplitIntoFields(_users);

    [Benchmark(Description = "ParseAccountUsers")]
    [BenchmarkCategory(AssocUsers)]
    public IReadOnlyList<string> ParseAccountUsers() => SlurmParser.ParseAccountUsers(_users, SlurmOutput.LargeAccount);

    [Benchmark(Baseline = true, Description = "MaxTRESMins: string.Split")]
    [BenchmarkCategory(AssocMaxTresMins)]
    public int MaxTresMinsSplit() => SlurmOutput.SplitIntoFields(_maxTresMins);

    [Benchmark(Description = "ParseUserMaxTresMins")]
    [BenchmarkCategory(AssocMaxTresMins)]
    public IReadOnlyDictionary<string, TresLimits> ParseUserMaxTresMins() => SlurmParser.ParseUserMaxTresMins(_maxTresMins);

    /// <summary>The parsers must read every generated line as data, or the benchmark would time a fast rejection.</summary>
    private void Verify()
    {
        var skipped = new List<string>();
        var usage = SlurmParser.ParseUsage(_sacct, TresKeys, skipped);
        var report = UsageReportBuilder.Build(usage, BackendIds, Components, Mapper);
        var users = SlurmParser.ParseAccountUsers(_users, SlurmOutput.LargeAccount);
        var limits = SlurmParser.ParseUserMaxTresMins(_maxTresMins);
        if (usage.Count != SlurmOutput.LineCount || skipped.Count != 0 || report.Resources.Count != SlurmOutput.AccountCount
            || users.Count != SlurmOutput.LineCount - 1 || limits.Count != SlurmOutput.LineCount - 1
            || limits.Values.Count(l => l.Values.Count == 3) != (SlurmOutput.LineCount - 1) / 3)
        {
            throw new InvalidOperationException(
                $"the parsers did not read the generated outputs fully: {usage.Count} usage lines ({skipped.Count} skipped), " +
                $"{report.Resources.Count} accounts in the report, {users.Count} users, {limits.Count} user limits");
        }
    }
}
