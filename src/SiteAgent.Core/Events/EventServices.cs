using Microsoft.Extensions.Logging;
using SiteAgent.Core.Config;
using SiteAgent.Core.Membership;
using SiteAgent.Core.Offerings;
using SiteAgent.Core.Runtime;

namespace SiteAgent.Core.Events;

/// <summary>
/// What the event handlers, the start-up pass and the reconciliation jobs share. All of them run
/// under <see cref="WorkAsync"/>, one at a time: a handler and a reconciliation job never work on the
/// same order or account at once, and the shared session factory and registration cache need no
/// further locking. SLURM serialises its writes host-wide anyway, so little is lost.
/// </summary>
public sealed class EventServices : IDisposable
{
    private readonly SemaphoreSlim _work = new(1, 1);

    /// <summary>Creates the shared parts for a running agent.</summary>
    public EventServices(AgentRuntime runtime, Heartbeat heartbeat)
    {
        Runtime = runtime;
        Heartbeat = heartbeat;
        Sessions = new OfferingSessionFactory(runtime);
        Registration = new AgentRegistration(runtime);
        Logger = runtime.Loggers.CreateLogger("SiteAgent.Events");
    }

    /// <summary>The running agent.</summary>
    public AgentRuntime Runtime { get; }

    /// <summary>The liveness file.</summary>
    public Heartbeat Heartbeat { get; }

    /// <summary>Builds offering sessions (one per message: the offering is re-read, as handlers must re-read state).</summary>
    public OfferingSessionFactory Sessions { get; }

    /// <summary>Identity, service and processor registration, once per process (refreshed by the health check).</summary>
    public AgentRegistration Registration { get; }

    /// <summary>Membership statuses already sent to Waldur.</summary>
    public MembershipStatusMemory Statuses { get; } = new();

    /// <summary>The mode's log.</summary>
    public ILogger Logger { get; }

    /// <summary>Runs <paramref name="work"/> when no other handler or job is running.</summary>
    public async Task<T> WorkAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        await _work.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await work().ConfigureAwait(false);
        }
        finally
        {
            _work.Release();
        }
    }

    /// <summary>The offering's session for <paramref name="backendId"/>, with service <paramref name="service"/> and its processor registered.</summary>
    public async Task<OfferingSession> SessionAsync(OfferingConfig offering, string backendId, string service, string? processor, CancellationToken cancellationToken)
    {
        var session = await Sessions.CreateAsync(offering, backendId, cancellationToken).ConfigureAwait(false);
        if (processor is not null)
        {
            await Registration.EnsureAsync(session, service, processor, cancellationToken).ConfigureAwait(false);
        }

        return session;
    }

    /// <summary>A membership cycle of the offering, narrowed to <paramref name="scope"/>.</summary>
    public async Task<MembershipTotals> SyncMembershipAsync(OfferingConfig offering, string service, MembershipScope scope, CancellationToken cancellationToken)
    {
        var session = await SessionAsync(offering, offering.MembershipSyncBackend, service, MembershipSyncMode.ProcessorName, cancellationToken).ConfigureAwait(false);
        return await new MembershipCycle(Runtime, session, Sessions, Statuses, Heartbeat, scope).RunAsync(cancellationToken, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose() => _work.Dispose();
}
