using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Mathematics.OutlierDetection;

namespace SiteAgent.Benchmarks;

/// <summary>
/// How the Waldur client benchmarks run: one call per iteration and no outlier removal, so median, P95 and P99
/// are per-call figures including the tail; CPU time and allocations per call come from <see cref="CallCostMeter"/>.
/// </summary>
/// <remarks>
/// In-process toolchain: no second project is generated and built (this repository's build settings,
/// warnings as errors and central package versions, would have to be repeated for it), and the
/// emulator runs as its own process, so the measured process holds only the client or the baseline.
/// </remarks>
internal static class BenchmarkConfig
{
    /// <summary>True when <c>--quick</c> is on the command line (read here because BenchmarkDotNet creates <c>[Config]</c> types itself).</summary>
    public static bool Quick => Environment.GetCommandLineArgs().Contains("--quick");

    public static IConfig Create(bool quick)
    {
        var job = Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithLaunchCount(1)
            .WithWarmupCount(quick ? 30 : 100)
            // BenchmarkDotNet's baseline ratio works on all pairwise ratios (n² values): at 3000
            // one-call iterations the summary alone took minutes.
            .WithIterationCount(quick ? 300 : 1000)
            .WithOutlierMode(OutlierMode.DontRemove)
            .WithId(quick ? "Quick" : "Full");
        // Empty, not DefaultConfig: the defaults (loggers, exporters, columns) come from the global config
        // Program passes, and a second copy would make every exporter run twice.
        return ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddColumn(StatisticColumn.Median, StatisticColumn.P95, new PercentileColumn(99))
            .AddColumn(new PercentileRatioColumn(50), new PercentileRatioColumn(99))
            .AddColumn(
                new CallCostColumn(CallCostFigure.Cpu, ratio: false),
                new CallCostColumn(CallCostFigure.Cpu, ratio: true),
                new CallCostColumn(CallCostFigure.Allocated, ratio: false),
                new CallCostColumn(CallCostFigure.Allocated, ratio: true))
            .HideColumns("Error", "StdDev", "Ratio", "RatioSD")
            .AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory);
    }
}

/// <summary>The Waldur client suite's config, attached with <c>[Config]</c> so that other suites keep their own jobs.</summary>
internal sealed class WaldurBenchmarkConfig : ManualConfig
{
    public WaldurBenchmarkConfig() => Add(BenchmarkConfig.Create(BenchmarkConfig.Quick));
}
