using Microsoft.Extensions.Logging;
using SiteAgent.Backends;
using SiteAgent.Backends.Capabilities;
using SiteAgent.Core.Config;
using SiteAgent.Core.Membership;
using SiteAgent.Core.Observability;
using SiteAgent.Core.Offerings;
using SiteAgent.Core.Runtime;
using SiteAgent.Waldur;
using SiteAgent.Waldur.Queries;

namespace SiteAgent.Core.Operator;

/// <summary>One row of a one-shot sync's result: an offering, the object, and what happened to it.</summary>
public sealed record SyncRow(string Offering, string Subject, string Outcome, string Detail)
{
    /// <summary>The outcome of something that failed.</summary>
    public const string Failed = "failed";
}

/// <summary>
/// <c>sync-offering-users</c> and <c>sync-resource-limits</c>: one pass of a membership_sync step over
/// every offering, with the mode's own code. A failed offering or resource is reported and the rest continue.
/// </summary>
public sealed partial class OneShotSyncs(AgentRuntime runtime)
{
    private readonly OfferingSessionFactory _sessions = new(runtime);
    private readonly ILogger _logger = runtime.Loggers.CreateLogger("SiteAgent.Sync");

    /// <summary>Username generation for every offering's users, as the membership sync does it each cycle.</summary>
    public Task<IReadOnlyList<SyncRow>> SyncOfferingUsersAsync(CancellationToken cancellationToken) =>
        ForEachOfferingAsync(async (session, rows) =>
        {
            OperatorLog.StepStarted(_logger, "Processing offering users", session.Name);
            var users = await new OfferingUsersProcessor(session, _sessions).ProcessAsync(cancellationToken).ConfigureAwait(false);
            rows.AddRange(users.OrderBy(u => u.UserUsername, StringComparer.Ordinal).Select(u =>
                new SyncRow(session.Name, u.UserUsername ?? u.Uuid?.ToString("N") ?? "?", u.State ?? string.Empty, string.IsNullOrEmpty(u.Username) ? "(no username yet)" : u.Username)));
        }, cancellationToken);

    /// <summary>The limit pull for every resource in OK or Erred with a backend id.</summary>
    public Task<IReadOnlyList<SyncRow>> SyncResourceLimitsAsync(CancellationToken cancellationToken) =>
        ForEachOfferingAsync(async (session, rows) =>
        {
            OperatorLog.StepStarted(_logger, "Processing resource limits", session.Name);
            if (session.Backend is not ILimitReadingBackend reader)
            {
                rows.Add(new SyncRow(session.Name, "(all)", "skipped", $"backend {session.Descriptor.Id} reads no limits"));
                return;
            }

            var resources = (await session.Waldur.ListResources(new ResourceListQuery
                {
                    OfferingUuids = [session.Offering.OfferingUuid],
                    States = MembershipCycle.SyncedStates,
                    Fields = ["uuid", "name", "backend_id", "limits"],
                }).ToListAsync(cancellationToken).ConfigureAwait(false))
                .Where(r => !string.IsNullOrWhiteSpace(r.BackendId)).ToList();
            var waldur = session.Waldur.WithRetry(write: WaldurRetrySettings.None);
            foreach (var resource in resources)
            {
                try
                {
                    var changed = await LimitPull.PullAsync(reader, waldur, resource, session.Logger, cancellationToken).ConfigureAwait(false);
                    rows.Add(new SyncRow(session.Name, resource.BackendId!, changed ? "updated" : "unchanged", resource.Name ?? string.Empty));
                }
                catch (Exception e) when (e is BackendException or WaldurException)
                {
                    LogResourceFailed(_logger, resource.Name ?? resource.Uuid.ToString("N"), e.Message);
                    rows.Add(new SyncRow(session.Name, resource.BackendId!, SyncRow.Failed, e.Message));
                }
            }
        }, cancellationToken);

    private async Task<IReadOnlyList<SyncRow>> ForEachOfferingAsync(Func<OfferingSession, List<SyncRow>, Task> work, CancellationToken cancellationToken)
    {
        var rows = new List<SyncRow>();
        foreach (var offering in runtime.Config.Offerings)
        {
            try
            {
                var session = await _sessions.CreateAsync(offering, BackendOf(offering), cancellationToken).ConfigureAwait(false);
                await work(session, rows).ConfigureAwait(false);
            }
            catch (Exception e) when (e is BackendException or WaldurException)
            {
                OperatorLog.OfferingFailed(_logger, offering.Name, e.Message);
                rows.Add(new SyncRow(offering.Name, "(offering)", SyncRow.Failed, e.Message));
            }
        }

        return rows;
    }

    private static string BackendOf(OfferingConfig offering) => offering.MembershipSyncBackend.Length > 0 ? offering.MembershipSyncBackend : offering.BackendType;


    [LoggerMessage(EventId = LogEvents.OperatorResourceFailed, Level = LogLevel.Error, Message = "Failed to sync resource limits for {Resource}, reason: {Error}")]
    private static partial void LogResourceFailed(ILogger logger, string resource, string error);

}
