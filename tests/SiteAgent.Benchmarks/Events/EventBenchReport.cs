using System.Globalization;
using System.Text;

namespace SiteAgent.Benchmarks.Events;

/// <summary>The events bench result as Markdown: latency percentiles of agent and baseline, their difference (the agent's own time), memory.</summary>
internal static class EventBenchReport
{
    public static string Markdown(int count, double[] agent, double[] baseline, long eventRssKb, long pollingRssKb, int queues, IReadOnlyList<string> eventOpenSsl)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"### Event-to-action latency ({count} events, loopback, one at a time)");
        text.AppendLine();
        text.AppendLine("| | median ms | p99 ms | max ms |");
        text.AppendLine("|---|---:|---:|---:|");
        Row(text, "publish → first sacctmgr started (agent)", agent);
        Row(text, "publish → received (bare STOMP subscriber, baseline)", baseline);
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| agent's own time (agent − baseline) | {P(agent, 50) - P(baseline, 50):0.0} | {P(agent, 99) - P(baseline, 99):0.0} | |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| ratio agent / baseline | {P(agent, 50) / P(baseline, 50):0.00} | {P(agent, 99) / P(baseline, 99):0.00} | |");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"### Idle resident memory (3 offerings, {queues} event queues connected)");
        text.AppendLine();
        text.AppendLine("| | RSS MB |");
        text.AppendLine("|---|---:|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| event_process, idle | {eventRssKb / 1024.0:0.0} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| order_process polling, idle (baseline) | {pollingRssKb / 1024.0:0.0} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| ratio | {(double)eventRssKb / pollingRssKb:0.00} |");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Goal under 30 MB: {(eventRssKb < 30 * 1024 ? "met" : "NOT met")}. OpenSSL mapped in event_process: {(eventOpenSsl.Count == 0 ? "none" : string.Join(", ", eventOpenSsl))}.");
        return text.ToString();
    }

    private static void Row(StringBuilder text, string name, double[] values) =>
        text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {P(values, 50):0.0} | {P(values, 99):0.0} | {values.Max():0.0} |");

    private static double P(double[] values, int percentile)
    {
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}
