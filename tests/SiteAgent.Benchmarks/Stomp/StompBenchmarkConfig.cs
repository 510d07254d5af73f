using SiteAgent.Benchmarks.Parsers;

namespace SiteAgent.Benchmarks.Stomp;

/// <summary>
/// How the STOMP parser benchmarks run: as the SLURM parser benchmarks (many invocations per
/// iteration, in process, allocations), with megabytes per second and bytes allocated per message.
/// </summary>
internal sealed class StompBenchmarkConfig() : ParserBenchmarkConfig(new StompThroughputColumn(), new StompAllocationPerMessageColumn())
{
    public const int SmallFrames = 10_000;
    public const int LargeFrames = 200;

    /// <summary>The stream a benchmark method reads: frames and bytes, from its category.</summary>
    internal static (int Frames, long Bytes) Workload(string method) =>
        method.StartsWith("Small", StringComparison.Ordinal)
            ? (SmallFrames, SmallStream.Value.Bytes)
            : (LargeFrames, LargeStream.Value.Bytes);

    private static readonly Lazy<(byte[][] Reads, int Frames, long Bytes)> SmallStream = new(() => StompWire.Messages(SmallFrames, 200));
    private static readonly Lazy<(byte[][] Reads, int Frames, long Bytes)> LargeStream = new(() => StompWire.Messages(LargeFrames, 64 * 1024));
}
