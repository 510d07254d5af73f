using Microsoft.Extensions.Logging;
using SiteAgent.Core.Observability;
using SiteAgent.Core.Runtime;

namespace SiteAgent.Core.Membership;

/// <summary>
/// The <c>membership_sync</c> mode: every cycle syncs each offering's offering users and resource
/// memberships. Offerings whose membership is event-driven, or without
/// <c>membership_sync_backend</c>, are skipped.
/// </summary>
public sealed partial class MembershipSyncMode : PollingMode
{
    /// <summary>The processor name reported to Waldur.</summary>
    public const string ProcessorName = "OfferingMembershipProcessor";

    private readonly MembershipStatusMemory _statuses = new();

    /// <summary>Creates the mode.</summary>
    public MembershipSyncMode(AgentRuntime runtime, Heartbeat heartbeat)
        : base(runtime, heartbeat, "SiteAgent.Membership")
    {
    }

    /// <inheritdoc />
    public override async Task<bool> RunCycleAsync(CancellationToken shutdown, CancellationToken abort)
    {
        var totals = MembershipTotals.None;
        var failed = await ForEachOfferingAsync("membership sync",
            offering => offering.MembershipSyncBackend.Length == 0 ? "membership sync is disabled (membership_sync_backend is empty)"
                : offering.MembershipSyncUsesStomp ? "its membership is synced by event processing (stomp_enabled)"
                : null,
            async offering =>
            {
                var session = await SessionAsync(offering, offering.MembershipSyncBackend, ProcessorName, abort).ConfigureAwait(false);
                totals += await new MembershipCycle(Runtime, session, Sessions, _statuses, Heartbeat).RunAsync(shutdown, abort).ConfigureAwait(false);
            },
            shutdown, abort).ConfigureAwait(false);
        LogSummary(Logger, Runtime.Config.Offerings.Count, failed, totals.Synced, totals.Missing, totals.Deferred, totals.Failed);
        return failed == 0;
    }

    [LoggerMessage(EventId = LogEvents.MembershipCycleSummary, Level = LogLevel.Information,
        Message = "Membership cycle finished: {Offerings} offerings ({Failed} failed); resources synced {Synced}, missing on the backend {Missing}, left for the next cycle {Deferred}, erred {ResourcesFailed}")]
    private static partial void LogSummary(ILogger logger, int offerings, int failed, int synced, int missing, int deferred, int resourcesFailed);
}
