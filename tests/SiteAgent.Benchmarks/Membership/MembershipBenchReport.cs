using System.Globalization;
using System.Text;

namespace SiteAgent.Benchmarks.Membership;

/// <summary>The membership bench's table: medians of the repetitions, call counts, and the checks that make it pass.</summary>
internal sealed class MembershipBenchReport(
    int resources, int users, int changes, IReadOnlyList<CycleFigures> baselines, IReadOnlyList<CycleFigures> quiet, IReadOnlyList<CycleFigures> changed)
{
    /// <summary>
    /// Quiet cycles write nothing but the last-sync stamps and read SLURM once; changed cycles write
    /// exactly one add and one remove per changed team, with the same single read.
    /// </summary>
    public bool Passed =>
        quiet.All(q => q.SlurmWrites == 0 && Reads(q) == 1 && q.WaldurWrites.Keys.All(k => k == "refresh_last_sync"))
        && changed.All(c => Reads(c) == 1 && c.SlurmCalls.GetValueOrDefault("sacctmgr add user") == changes && c.SlurmCalls.GetValueOrDefault("sacctmgr remove user") == changes);

    public string Markdown()
    {
        var baseline = Median(baselines, f => f.OwnMs);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Membership sync of {resources} resources × {users} users, median of {quiet.Count} cycles each:");
        text.AppendLine();
        text.AppendLine("| Cycle | Wall (ms) | Waldur server (ms) | Agent's own (ms) | Own / baseline | Waldur reads | Waldur writes | SLURM reads | SLURM writes |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---|---:|---|");
        Row(text, "baseline: the reads alone", baselines, baseline);
        Row(text, "nothing changed", quiet, baseline);
        Row(text, $"{changes} teams changed (5 %): one leaves, one joins", changed, baseline);
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Checks: {(Passed ? "passed" : "FAILED")} (quiet: no SLURM write, one SLURM read, no Waldur write but refresh_last_sync; changed: one add user and one remove user per changed team, one SLURM read).");
        return text.ToString();
    }

    private static void Row(StringBuilder text, string label, IReadOnlyList<CycleFigures> figures, double baseline)
    {
        var own = Median(figures, f => f.OwnMs);
        var middle = figures.OrderBy(f => f.OwnMs).ElementAt(figures.Count / 2);
        var writes = middle.WaldurWrites.Count == 0 ? "0" : string.Join(", ", middle.WaldurWrites.OrderBy(w => w.Key, StringComparer.Ordinal).Select(w => $"{w.Value} {w.Key}"));
        var slurmWrites = middle.SlurmWrites == 0 ? "0"
            : string.Join(", ", middle.SlurmCalls.Where(c => !c.Key.EndsWith("show association", StringComparison.Ordinal)).Select(c => $"{c.Value} {c.Key.Replace("sacctmgr ", "", StringComparison.Ordinal)}"));
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| {label} | {Median(figures, f => f.Wall.TotalMilliseconds):F0} | {Median(figures, f => f.WaldurServerMs):F0} | {own:F0} | {own / baseline:F2} | {middle.WaldurReads} | {writes} | {Reads(middle)} | {slurmWrites} |");
    }

    private static int Reads(CycleFigures figures) => figures.SlurmCalls.GetValueOrDefault("sacctmgr show association");

    private static double Median(IReadOnlyList<CycleFigures> figures, Func<CycleFigures, double> value)
    {
        var sorted = figures.Select(value).Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
