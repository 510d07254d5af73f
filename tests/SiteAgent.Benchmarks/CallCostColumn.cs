using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace SiteAgent.Benchmarks;

/// <summary>Which figure of <see cref="CallCost"/> a <see cref="CallCostColumn"/> shows.</summary>
internal enum CallCostFigure
{
    Allocated,
    Cpu,
}

/// <summary>A <see cref="CallCost"/> figure per call, or its ratio to the category's raw HttpClient baseline.</summary>
internal sealed class CallCostColumn(CallCostFigure figure, bool ratio) : IColumn
{
    public string Id => $"{nameof(CallCostColumn)}.{figure}.{ratio}";

    public string ColumnName => (figure, ratio) switch
    {
        (CallCostFigure.Allocated, false) => "Alloc/call",
        (CallCostFigure.Allocated, true) => "Alloc ratio",
        (_, false) => "CPU/call",
        _ => "CPU ratio",
    };

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Metric;

    public int PriorityInCategory => (int)figure * 2 + (ratio ? 1 : 0);

    public bool IsNumeric => true;

    public UnitType UnitType => ratio ? UnitType.Dimensionless : figure == CallCostFigure.Allocated ? UnitType.Size : UnitType.Time;

    public string Legend => ratio
        ? $"{ColumnName.Split(' ')[0]} per call divided by that of the category's raw HttpClient baseline"
        : figure == CallCostFigure.Allocated
            ? "Managed bytes allocated per call by the whole process (mean of at least 300 sequential calls over at least 2 s)"
            : "CPU time of the whole process per call, user + kernel (mean of at least 300 sequential calls over at least 2 s)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        if (Value(benchmarkCase) is not { } value)
        {
            return "NA";
        }

        if (!ratio)
        {
            return figure == CallCostFigure.Allocated ? $"{value / 1024:N1} KB" : $"{value:N0} us";
        }

        var categories = benchmarkCase.Descriptor.Categories;
        var baseline = summary.BenchmarksCases.FirstOrDefault(c => c.Descriptor.Baseline && c.Descriptor.Categories.SequenceEqual(categories));
        return baseline is not null && Value(baseline) is { } baseValue and > 0 ? $"{value / baseValue:N2}" : "NA";
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    private double? Value(BenchmarkCase benchmarkCase) =>
        CallCostMeter.Get(benchmarkCase.Descriptor.WorkloadMethod.Name) is { } cost
            ? figure == CallCostFigure.Allocated ? cost.Bytes : cost.CpuMicroseconds
            : null;
}
