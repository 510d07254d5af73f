using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace SiteAgent.Benchmarks.Parsers;

/// <summary>Lines parsed per second, derived from the mean time of one call over a <paramref name="lines"/>-line text.</summary>
/// <remarks>Only the <paramref name="suite"/>'s rows are filled: other suites' rows (in a summary that shows several) stay empty.</remarks>
internal sealed class LinesPerSecondColumn(int lines, Type suite) : IColumn
{
    public string Id => nameof(LinesPerSecondColumn);

    public string ColumnName => "Lines/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => $"{lines:N0} lines divided by the mean time of one call";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
        benchmarkCase.Descriptor.Type == suite && summary[benchmarkCase]?.ResultStatistics?.Mean is { } meanNanoseconds and > 0
            ? $"{lines / (meanNanoseconds / 1e9) / 1e6:N2} M"
            : "-";

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
