using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using SiteAgent.Core.Config;
using SiteAgent.Core.Membership;
using SiteAgent.Core.Observability;
using SiteAgent.Waldur.Models;

namespace SiteAgent.Core.Events;

/// <summary>
/// Repairs what a consumer may have missed while its connection was down: when a consumer connects
/// again (any CONNECTED after its first), the offering's order pass runs at once for an order
/// consumer and its membership sync for a membership consumer, instead of waiting for the periodic
/// reconciliation. A broker restart reconnects every consumer of an offering within moments; the
/// requests are collected for a short settling time so each offering's pass runs once.
/// </summary>
/// <remarks>
/// The passes run on one background loop, never on the STOMP client's callback, and under
/// <see cref="EventServices.WorkAsync"/> like every handler, so a handler and this pass never work
/// on the same order at once.
/// </remarks>
public sealed partial class ReconnectReconciliation
{
    /// <summary>The service name of the pass in Waldur.</summary>
    public const string Service = "event_process-reconnect-reconciliation";

    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);

    private readonly EventServices _services;
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Dictionary<string, (OfferingConfig Offering, PassKind Kinds)> _pending = new(StringComparer.Ordinal);

    /// <summary>Creates the loop; nothing runs before <see cref="RunAsync"/>.</summary>
    public ReconnectReconciliation(EventServices services) => _services = services;

    /// <summary>What a reconnect asks to be repaired.</summary>
    [Flags]
    private enum PassKind
    {
        None = 0,
        Orders = 1,
        Membership = 2,
    }

    /// <summary>Passes completed since start (for tests and the consumer status log).</summary>
    public int Completed { get; private set; }

    /// <summary>Asks for the pass that repairs <paramref name="objectType"/> events of <paramref name="offering"/>; cheap, never blocks.</summary>
    public void Request(OfferingConfig offering, string objectType)
    {
        var kind = objectType == ObservableObjectType.Order && offering.OrderProcessingBackend.Length > 0 ? PassKind.Orders
            : EventObjectTypes.Membership.Contains(objectType) && EventObjectTypes.MembershipOnEvents(offering) ? PassKind.Membership
            : PassKind.None;
        if (kind == PassKind.None)
        {
            // Import requests, periodic limits and key rotations carry commands that no pass can replay.
            return;
        }

        lock (_pending)
        {
            _pending[offering.Name] = _pending.TryGetValue(offering.Name, out var queued) ? (offering, queued.Kinds | kind) : (offering, kind);
        }

        LogRequested(_services.Logger, offering.Name, objectType);
        _wake.Writer.TryWrite(true);
    }

    /// <summary>Runs requested passes until <paramref name="shutdown"/>; a failing pass is logged and the loop goes on.</summary>
    public async Task RunAsync(CancellationToken shutdown)
    {
        try
        {
            while (await _wake.Reader.WaitToReadAsync(shutdown).ConfigureAwait(false))
            {
                _wake.Reader.TryRead(out _);
                await Task.Delay(Settle, _services.Runtime.Time, shutdown).ConfigureAwait(false);
                foreach (var (offering, kinds) in TakePending())
                {
                    await RunOneAsync(offering, kinds, shutdown).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
        {
            // Stopping: the next start runs the full start-up pass anyway.
        }
    }

    private List<(OfferingConfig Offering, PassKind Kinds)> TakePending()
    {
        lock (_pending)
        {
            var taken = _pending.Values.ToList();
            _pending.Clear();
            return taken;
        }
    }

    private async Task RunOneAsync(OfferingConfig offering, PassKind kinds, CancellationToken shutdown)
    {
        _services.Heartbeat.Touch();
        try
        {
            await _services.WorkAsync(async () =>
            {
                if (kinds.HasFlag(PassKind.Orders))
                {
                    await EventReconciliation.RunOrderPassAsync(_services, offering, Service, shutdown).ConfigureAwait(false);
                }

                if (kinds.HasFlag(PassKind.Membership))
                {
                    await _services.SyncMembershipAsync(offering, Service, MembershipScope.Offering, shutdown).ConfigureAwait(false);
                }

                return true;
            }, shutdown).ConfigureAwait(false);
            Completed++;
            LogFinished(_services.Logger, offering.Name, kinds.ToString());
        }
        catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            LogFailed(_services.Logger, offering.Name, kinds.ToString(), ex.Message, ex);
        }
    }

    [LoggerMessage(EventId = LogEvents.EventReconnectReconcileRequested, Level = LogLevel.Information,
        Message = "Offering \"{Offering}\": {ObjectType} consumer reconnected; events may have been lost meanwhile, reconciling now")]
    private static partial void LogRequested(ILogger logger, string offering, string objectType);

    [LoggerMessage(EventId = LogEvents.EventReconnectReconcileFinished, Level = LogLevel.Information,
        Message = "Offering \"{Offering}\": reconciliation after reconnect finished ({Passes})")]
    private static partial void LogFinished(ILogger logger, string offering, string passes);

    [LoggerMessage(EventId = LogEvents.EventReconnectReconcileFailed, Level = LogLevel.Error,
        Message = "Offering \"{Offering}\": reconciliation after reconnect ({Passes}) failed ({Reason}); the periodic reconciliation repairs it later")]
    private static partial void LogFailed(ILogger logger, string offering, string passes, string reason, Exception exception);
}
