using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace SiteAgent.Benchmarks.Report;

/// <summary>
/// How the report-cycle benchmark runs: one invocation per iteration (an operation takes a sizeable
/// fraction of a second), in process, with allocations; fewer iterations with <c>--quick</c>.
/// </summary>
internal sealed class ReportBenchmarkConfig : ManualConfig
{
    public ReportBenchmarkConfig()
    {
        var quick = BenchmarkConfig.Quick;
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithWarmupCount(quick ? 2 : 4)
            .WithIterationCount(quick ? 8 : 20)
            .WithId(quick ? "Quick" : "Full"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.Median);
    }
}
