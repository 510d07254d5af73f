using Microsoft.Extensions.Logging;
using SiteAgent.Core.Observability;
using SiteAgent.Core.Offerings;
using SiteAgent.Core.Runtime;

namespace SiteAgent.Core.Membership;

/// <summary>
/// The <c>membership_sync</c> mode: every cycle syncs each offering's offering users and resource
/// memberships (modes.md §4). Offerings whose membership is event-driven, or without
/// <c>membership_sync_backend</c>, are skipped.
/// </summary>
public sealed partial class MembershipSyncMode
{
    /// <summary>The processor name reported to Waldur.</summary>
    public const string ProcessorName = "OfferingMembershipProcessor";

    private readonly AgentRuntime _runtime;
    private readonly Heartbeat _heartbeat;
    private readonly OfferingSessionFactory _sessions;
    private readonly AgentRegistration _registration;
    private readonly MembershipStatusMemory _statuses = new();
    private readonly ILogger _logger;

    /// <summary>Creates the mode.</summary>
    public MembershipSyncMode(AgentRuntime runtime, Heartbeat heartbeat)
    {
        _runtime = runtime;
        _heartbeat = heartbeat;
        _sessions = new OfferingSessionFactory(runtime);
        _registration = new AgentRegistration(runtime);
        _logger = runtime.Loggers.CreateLogger("SiteAgent.Membership");
    }

    /// <summary>Runs one cycle over all offerings; true when no offering failed.</summary>
    public async Task<bool> RunCycleAsync(CancellationToken shutdown, CancellationToken abort)
    {
        var totals = MembershipTotals.None;
        var failed = await OfferingLoop.RunAsync(_runtime, _heartbeat, "membership sync",
            offering => offering.MembershipSyncBackend.Length == 0 ? "membership sync is disabled (membership_sync_backend is empty)"
                : offering.MembershipSyncUsesStomp ? "its membership is synced by event processing (stomp_enabled)"
                : null,
            async offering =>
            {
                var session = await _sessions.CreateAsync(offering, offering.MembershipSyncBackend, abort).ConfigureAwait(false);
                await _registration.EnsureAsync(session, ProcessorName, abort).ConfigureAwait(false);
                totals += await new MembershipCycle(_runtime, session, _sessions, _statuses, _heartbeat).RunAsync(shutdown, abort).ConfigureAwait(false);
            },
            _logger, shutdown, abort).ConfigureAwait(false);
        LogSummary(_logger, _runtime.Config.Offerings.Count, failed, totals.Synced, totals.Missing, totals.Deferred, totals.Failed);
        return failed == 0;
    }

    [LoggerMessage(EventId = LogEvents.MembershipCycleSummary, Level = LogLevel.Information,
        Message = "Membership cycle finished: {Offerings} offerings ({Failed} failed); resources synced {Synced}, missing on the backend {Missing}, left for the next cycle {Deferred}, erred {ResourcesFailed}")]
    private static partial void LogSummary(ILogger logger, int offerings, int failed, int synced, int missing, int deferred, int resourcesFailed);
}
