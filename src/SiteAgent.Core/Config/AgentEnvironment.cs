using System.Globalization;

namespace SiteAgent.Core.Config;

/// <summary>
/// Settings taken from environment variables at start-up. All periods accept
/// decimals (the reference rejected <c>2.5</c> for the report and membership periods).
/// </summary>
public sealed record AgentEnvironment
{
    /// <summary>Order-processing cycle period.</summary>
    public TimeSpan OrderProcessPeriod { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Report cycle period.</summary>
    public TimeSpan ReportPeriod { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Membership-sync cycle period.</summary>
    public TimeSpan MembershipSyncPeriod { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Event-mode reconciliation period.</summary>
    public TimeSpan ReconciliationPeriod { get; init; } = TimeSpan.FromMinutes(60);

    /// <summary>Heartbeat file; the reference's shared <c>/tmp/waldur-site-agent-heartbeat</c> unless overridden.</summary>
    public string HeartbeatPath { get; init; } = DefaultHeartbeatPath;

    /// <summary>The reference's heartbeat location, kept so existing probes work.</summary>
    public const string DefaultHeartbeatPath = "/tmp/waldur-site-agent-heartbeat";

    /// <summary>Reads the variables through <paramref name="lookup"/>; problems name the variable and the value.</summary>
    public static (AgentEnvironment Environment, IReadOnlyList<string> Problems) Read(Func<string, string?> lookup)
    {
        var problems = new List<string>();
        var environment = new AgentEnvironment
        {
            OrderProcessPeriod = Minutes(lookup, "WALDUR_SITE_AGENT_ORDER_PROCESS_PERIOD_MINUTES", 5, problems),
            ReportPeriod = Minutes(lookup, "WALDUR_SITE_AGENT_REPORT_PERIOD_MINUTES", 30, problems),
            MembershipSyncPeriod = Minutes(lookup, "WALDUR_SITE_AGENT_MEMBERSHIP_SYNC_PERIOD_MINUTES", 5, problems),
            ReconciliationPeriod = Minutes(lookup, "WALDUR_SITE_AGENT_RECONCILIATION_PERIOD_MINUTES", 60, problems),
            HeartbeatPath = lookup("WALDUR_SITE_AGENT_HEARTBEAT_FILE") is { Length: > 0 } path ? path : DefaultHeartbeatPath,
        };
        return (environment, problems);
    }

    private static TimeSpan Minutes(Func<string, string?> lookup, string name, decimal fallback, List<string> problems)
    {
        var text = lookup(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return TimeSpan.FromMinutes((double)fallback);
        }

        if (decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var minutes) && minutes > 0 && minutes <= 525600)
        {
            return TimeSpan.FromMinutes((double)minutes);
        }

        problems.Add($"{name}={text}: expected a number of minutes greater than 0 (decimals allowed, e.g. 0.5)");
        return TimeSpan.FromMinutes((double)fallback);
    }
}
