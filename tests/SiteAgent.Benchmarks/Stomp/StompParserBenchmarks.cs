using BenchmarkDotNet.Attributes;
using SiteAgent.Stomp.Frames;

namespace SiteAgent.Benchmarks.Stomp;

/// <summary>
/// Throughput and allocations of <see cref="StompFrameParser"/> over a stream of RabbitMQ MESSAGE
/// frames in 16 KiB reads (<see cref="StompWire"/>). The baseline in each category does the least any
/// STOMP reader must do with the same reads: keep a buffer across reads, find each frame's NUL with
/// <see cref="MemoryExtensions.IndexOf{T}(Span{T}, T)"/> and copy the frame out; no headers, no
/// escaping, no validation. The ratio is what parsing for real costs over that.
/// </summary>
[BenchmarkCategory("StompParser")]
[Config(typeof(StompBenchmarkConfig))]
public class StompParserBenchmarks
{
    private const string Small = "Waldur events (200 B bodies)";
    private const string Large = "large bodies (64 KiB)";

    private (byte[][] Reads, int Frames, long Bytes) _small;
    private (byte[][] Reads, int Frames, long Bytes) _large;

    [GlobalSetup]
    public void Setup()
    {
        _small = StompWire.Messages(StompBenchmarkConfig.SmallFrames, 200);
        _large = StompWire.Messages(StompBenchmarkConfig.LargeFrames, 64 * 1024);
        // Every frame must come out of both readers, or a benchmark would time a fast rejection.
        foreach (var (stream, name) in new[] { (_small, Small), (_large, Large) })
        {
            if (Parse(stream.Reads) != stream.Frames || SplitAtNul(stream.Reads) != stream.Frames)
            {
                throw new InvalidOperationException($"{name}: the readers did not return all {stream.Frames} frames");
            }
        }
    }

    [Benchmark(Baseline = true, Description = "IndexOf-NUL splitter")]
    [BenchmarkCategory(Small)]
    public int SmallBaseline() => SplitAtNul(_small.Reads);

    [Benchmark(Description = "StompFrameParser")]
    [BenchmarkCategory(Small)]
    public int SmallParser() => Parse(_small.Reads);

    [Benchmark(Baseline = true, Description = "IndexOf-NUL splitter")]
    [BenchmarkCategory(Large)]
    public int LargeBaseline() => SplitAtNul(_large.Reads);

    [Benchmark(Description = "StompFrameParser")]
    [BenchmarkCategory(Large)]
    public int LargeParser() => Parse(_large.Reads);

    private static int Parse(byte[][] reads)
    {
        var parser = new StompFrameParser();
        var frames = 0;
        foreach (var read in reads)
        {
            parser.Append(read);
            while (parser.TryReadFrame(out _)) frames++;
        }
        return frames;
    }

    /// <summary>The baseline reader: a growable buffer, a NUL search resumed where the last one stopped, a copy per frame.</summary>
    private static int SplitAtNul(byte[][] reads)
    {
        var buffer = new byte[4096];
        int start = 0, end = 0, searched = 0, frames = 0;
        foreach (var read in reads)
        {
            if (buffer.Length - end < read.Length)
            {
                var pending = end - start;
                var target = pending + read.Length <= buffer.Length ? buffer : new byte[Math.Max(buffer.Length * 2, pending + read.Length)];
                Buffer.BlockCopy(buffer, start, target, 0, pending);
                buffer = target;
                start = 0;
                end = pending;
            }
            read.CopyTo(buffer, end);
            end += read.Length;
            int nul;
            while ((nul = buffer.AsSpan(start + searched, end - start - searched).IndexOf((byte)0)) >= 0)
            {
                var frame = buffer.AsSpan(start, searched + nul).TrimStart("\r\n"u8).ToArray();
                if (frame.Length > 0) frames++;
                start += searched + nul + 1;
                searched = 0;
            }
            searched = end - start;
        }
        return frames;
    }
}
