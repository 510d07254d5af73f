using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace SiteAgent.Benchmarks.Parsers;

/// <summary>
/// How the parser benchmarks run: BenchmarkDotNet's usual many-invocation iterations (a parse takes
/// milliseconds, unlike the one-call client benchmarks), in process like them, with allocations and
/// lines per second.
/// </summary>
/// <remarks>
/// The in-process MemoryDiagnoser counts only the benchmark thread, which is right here: parsing is
/// synchronous and single-threaded.
/// </remarks>
internal class ParserBenchmarkConfig : ManualConfig
{
    public ParserBenchmarkConfig()
        : this(new LinesPerSecondColumn(SlurmOutput.LineCount))
    {
    }

    /// <summary>The same job and diagnoser with a suite's own throughput columns.</summary>
    protected ParserBenchmarkConfig(params IColumn[] columns)
    {
        var quick = BenchmarkConfig.Quick;
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(quick ? 3 : 6)
            .WithIterationCount(quick ? 10 : 30)
            .WithId(quick ? "Quick" : "Full"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn([StatisticColumn.Median, .. columns]);
        AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory);
    }
}
