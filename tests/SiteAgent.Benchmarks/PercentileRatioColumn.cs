using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace SiteAgent.Benchmarks;

/// <summary>
/// A percentile of the method's per-call times divided by the same percentile of its category's
/// raw HttpClient baseline: the client's overhead on a loopback round trip.
/// </summary>
/// <remarks>
/// BenchmarkDotNet's own Ratio is the mean of all pairwise ratios, which one-call iterations on a
/// shared machine make meaningless (the baseline's ratio to itself came out at 2.2); the ratio of
/// medians is robust to that noise.
/// </remarks>
internal sealed class PercentileRatioColumn(int percentile) : IColumn
{
    public string Id => $"{nameof(PercentileRatioColumn)}.P{percentile}";

    public string ColumnName => percentile == 50 ? "Median ratio" : $"P{percentile} ratio";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Baseline;

    public int PriorityInCategory => percentile;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => $"P{percentile} of the method / P{percentile} of its category's raw HttpClient baseline";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var categories = benchmarkCase.Descriptor.Categories;
        var baseline = summary.BenchmarksCases.FirstOrDefault(c => c.Descriptor.Baseline && c.Descriptor.Categories.SequenceEqual(categories));
        if (baseline is null || summary[benchmarkCase]?.ResultStatistics is not { } own || summary[baseline]?.ResultStatistics is not { } raw)
        {
            return "NA";
        }

        return (own.Percentiles.Percentile(percentile) / raw.Percentiles.Percentile(percentile)).ToString("N2", style.CultureInfo);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
