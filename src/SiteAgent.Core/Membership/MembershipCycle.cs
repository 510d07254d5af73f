using Microsoft.Extensions.Logging;
using SiteAgent.Backends.Capabilities;
using SiteAgent.Core.Observability;
using SiteAgent.Core.Offerings;
using SiteAgent.Core.Runtime;
using SiteAgent.Waldur;
using SiteAgent.Waldur.Models;
using SiteAgent.Waldur.Queries;

namespace SiteAgent.Core.Membership;

/// <summary>Counts of one offering's membership cycle.</summary>
public sealed record MembershipTotals(int Synced, int Missing, int Deferred, int Failed)
{
    /// <summary>Nothing yet.</summary>
    public static MembershipTotals None { get; } = new(0, 0, 0, 0);

    /// <summary>Both added up.</summary>
    public static MembershipTotals operator +(MembershipTotals a, MembershipTotals b) =>
        new(a.Synced + b.Synced, a.Missing + b.Missing, a.Deferred + b.Deferred, a.Failed + b.Failed);
}

/// <summary>Which resources of the offering a membership cycle syncs.</summary>
/// <param name="ProjectUuid">Only this project's resources.</param>
/// <param name="ResourceUuid">Only this resource.</param>
/// <param name="BackendIds">Only resources with these backend ids.</param>
public sealed record MembershipScope(Guid? ProjectUuid = null, Guid? ResourceUuid = null, IReadOnlySet<string>? BackendIds = null)
{
    /// <summary>Every resource of the offering.</summary>
    public static MembershipScope Offering { get; } = new();

    /// <summary>True when the resource is in scope.</summary>
    public bool Includes(Resource resource) =>
        (ResourceUuid is null || resource.Uuid == ResourceUuid)
        && (BackendIds is null || (resource.BackendId is { } id && BackendIds.Contains(id)));
}

/// <summary>
/// One offering's membership cycle its resources in OK or Erred with a backend id, the
/// backend's membership of all of them in one read, the offering users processed once, then each
/// resource synced on its own.
/// </summary>
public sealed partial class MembershipCycle
{
    /// <summary>The resource states whose membership is synced.</summary>
    public static readonly string[] SyncedStates = [ResourceState.Ok, ResourceState.Erred];

    /// <summary>The resource fields the membership sync reads.</summary>
    public static readonly string[] ResourceFields =
    [
        "uuid", "backend_id", "name", "slug", "state", "project_uuid", "project_slug", "customer_slug", "restrict_member_access",
        "backend_metadata", "limits", "paused", "downscaled", "attributes", "offering_plugin_options", "offering_backend_id",
        "project_name", "project_description", "customer_uuid", "customer_name", "end_date", "end_date_updated_at", "project_end_date",
    ];

    private readonly AgentRuntime _runtime;
    private readonly OfferingSession _session;
    private readonly OfferingSessionFactory _sessions;
    private readonly MembershipStatusMemory _statuses;
    private readonly Heartbeat _heartbeat;
    private readonly MembershipScope _scope;

    /// <summary>Creates the cycle of one offering; <paramref name="scope"/> narrows it to a project or resources (events).</summary>
    public MembershipCycle(AgentRuntime runtime, OfferingSession session, OfferingSessionFactory sessions, MembershipStatusMemory statuses, Heartbeat heartbeat,
        MembershipScope? scope = null)
    {
        _scope = scope ?? MembershipScope.Offering;
        _runtime = runtime;
        _session = session;
        _sessions = sessions;
        _statuses = statuses;
        _heartbeat = heartbeat;
    }

    /// <summary>Syncs every resource; returns the counts.</summary>
    public async Task<MembershipTotals> RunAsync(CancellationToken shutdown, CancellationToken abort)
    {
        var backend = _session.Backend as IMembershipBackend
            ?? throw new SiteAgent.Backends.BackendException($"Backend \"{_session.Descriptor.Id}\" of offering \"{_session.Name}\" cannot sync membership (membership_sync_backend)");
        var waldur = _session.Waldur.WithRetry(write: WaldurRetrySettings.None);
        var resources = (await waldur.ListProviderResources(new ResourceListQuery
            {
                OfferingUuids = [_session.Offering.OfferingUuid],
                States = SyncedStates,
                Fields = ResourceFields,
                ProjectUuid = _scope.ProjectUuid,
            }).ToListAsync(abort).ConfigureAwait(false))
            .Where(r => !string.IsNullOrWhiteSpace(r.BackendId) && _scope.Includes(r)).ToList();
        var membership = resources.Count == 0
            ? new Dictionary<string, IReadOnlySet<string>>()
            : await backend.ReadMembershipAsync(resources.Select(r => r.BackendId!).Distinct(StringComparer.Ordinal).ToArray(), abort).ConfigureAwait(false);
        // Offering users are processed even without resources: usernames are needed before the first one.
        var offeringUsers = await new OfferingUsersProcessor(_session, _sessions).ProcessAsync(abort).ConfigureAwait(false);
        LogStarted(_session.Logger, _session.Name, resources.Count, membership.Count, offeringUsers.Count);

        var context = new MembershipContext(_runtime, _session, backend, waldur, new MembershipSources(_session, waldur, offeringUsers), _statuses);
        var sync = new ResourceMembershipSync(context);
        var totals = MembershipTotals.None;
        for (var i = 0; i < resources.Count && !shutdown.IsCancellationRequested; i++)
        {
            _heartbeat.TouchEvery10th(i);
            var outcome = await sync.SyncAsync(resources[i], membership.GetValueOrDefault(resources[i].BackendId!), abort).ConfigureAwait(false);
            totals += outcome switch
            {
                ResourceSyncOutcome.Synced => MembershipTotals.None with { Synced = 1 },
                ResourceSyncOutcome.Missing => MembershipTotals.None with { Missing = 1 },
                ResourceSyncOutcome.Deferred => MembershipTotals.None with { Deferred = 1 },
                _ => MembershipTotals.None with { Failed = 1 },
            };
        }

        LogSummary(_session.Logger, _session.Name, totals.Synced, totals.Missing, totals.Deferred, totals.Failed);
        return totals;
    }

    [LoggerMessage(EventId = LogEvents.MembershipStarted, Level = LogLevel.Information,
        Message = "Offering \"{Offering}\": syncing membership of {Count} resources ({Found} found on the backend), {Users} offering users")]
    private static partial void LogStarted(ILogger logger, string offering, int count, int found, int users);

    [LoggerMessage(EventId = LogEvents.MembershipOfferingSummary, Level = LogLevel.Information,
        Message = "Offering \"{Offering}\": membership synced for {Synced} resources; missing on the backend {Missing}, left for the next cycle {Deferred}, erred {Failed}")]
    private static partial void LogSummary(ILogger logger, string offering, int synced, int missing, int deferred, int failed);
}
