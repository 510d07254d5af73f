using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Perfolizer.Horology;

namespace SiteAgent.Benchmarks;

/// <summary>A percentile BenchmarkDotNet has no built-in column for (it stops at P95 and P100).</summary>
internal sealed class PercentileColumn(int percentile) : IColumn
{
    public string Id => $"{nameof(PercentileColumn)}.P{percentile}";

    public string ColumnName => $"P{percentile}";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Statistics;

    public int PriorityInCategory => 10;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Time;

    public string Legend => $"{percentile}th percentile of the per-call times";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        if (summary[benchmarkCase]?.ResultStatistics is not { } statistics)
        {
            return "NA";
        }

        var unit = style.TimeUnit ?? TimeUnit.Microsecond;
        var value = TimeUnit.Convert(statistics.Percentiles.Percentile(percentile), TimeUnit.Nanosecond, unit);
        var text = value.ToString("N2", style.CultureInfo ?? CultureInfo.InvariantCulture);
        return style.PrintUnitsInContent ? $"{text} {unit.Abbreviation}" : text;
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
