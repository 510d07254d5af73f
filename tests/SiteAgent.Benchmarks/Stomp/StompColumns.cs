using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace SiteAgent.Benchmarks.Stomp;

/// <summary>Megabytes of STOMP stream read per second: the stream's size over the mean time of one pass.</summary>
internal sealed class StompThroughputColumn : StompColumn
{
    public override string ColumnName => "MB/s";

    public override string Legend => "stream bytes (MiB) divided by the mean time of one pass";

    protected override string? Value(Summary summary, BenchmarkCase benchmarkCase, int frames, long bytes) =>
        summary[benchmarkCase]?.ResultStatistics?.Mean is { } mean and > 0 ? $"{bytes / 1048576.0 / (mean / 1e9):N0}" : null;
}

/// <summary>Bytes allocated per message: the MemoryDiagnoser's allocation per pass over the frame count.</summary>
internal sealed class StompAllocationPerMessageColumn : StompColumn
{
    public override string ColumnName => "Alloc/msg";

    public override string Legend => "bytes allocated per pass divided by the frames in the stream";

    protected override string? Value(Summary summary, BenchmarkCase benchmarkCase, int frames, long bytes) =>
        summary[benchmarkCase]?.GcStats.GetBytesAllocatedPerOperation(benchmarkCase) is { } allocated ? $"{allocated / (double)frames:N0} B" : null;
}

/// <summary>Shared plumbing of the two STOMP columns; rows of other suites stay empty.</summary>
internal abstract class StompColumn : IColumn
{
    public string Id => GetType().Name;

    public abstract string ColumnName { get; }

    public abstract string Legend { get; }

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        if (benchmarkCase.Descriptor.Type != typeof(StompParserBenchmarks)) return "-";
        var (frames, bytes) = StompBenchmarkConfig.Workload(benchmarkCase.Descriptor.WorkloadMethod.Name);
        return Value(summary, benchmarkCase, frames, bytes) ?? "-";
    }

    protected abstract string? Value(Summary summary, BenchmarkCase benchmarkCase, int frames, long bytes);

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
