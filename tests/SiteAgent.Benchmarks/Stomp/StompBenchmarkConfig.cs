using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace SiteAgent.Benchmarks.Stomp;

/// <summary>
/// How the STOMP parser benchmarks run: many invocations per iteration, in process, with allocations,
/// megabytes per second and bytes allocated per message.
/// </summary>
/// <remarks>The in-process MemoryDiagnoser counts only the benchmark thread, which is right: parsing is synchronous.</remarks>
internal sealed class StompBenchmarkConfig : ManualConfig
{
    public const int SmallFrames = 10_000;
    public const int LargeFrames = 200;

    public StompBenchmarkConfig()
    {
        var quick = BenchmarkConfig.Quick;
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(quick ? 3 : 6)
            .WithIterationCount(quick ? 10 : 30)
            .WithId(quick ? "Quick" : "Full"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.Median, new StompThroughputColumn(), new StompAllocationPerMessageColumn());
        AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory);
    }

    /// <summary>The stream a benchmark method reads: frames and bytes, from its category.</summary>
    internal static (int Frames, long Bytes) Workload(string method) =>
        method.StartsWith("Small", StringComparison.Ordinal)
            ? (SmallFrames, SmallStream.Value.Bytes)
            : (LargeFrames, LargeStream.Value.Bytes);

    private static readonly Lazy<(byte[][] Reads, int Frames, long Bytes)> SmallStream = new(() => StompWire.Messages(SmallFrames, 200));
    private static readonly Lazy<(byte[][] Reads, int Frames, long Bytes)> LargeStream = new(() => StompWire.Messages(LargeFrames, 64 * 1024));
}
