using Microsoft.Extensions.Logging;
using SiteAgent.Core.Config;
using SiteAgent.Core.Membership;
using SiteAgent.Core.Observability;
using SiteAgent.Waldur.Models;

namespace SiteAgent.Core.Events.Handlers;

/// <summary>
/// <c>offering_resources_sync</c>, sent when a provider forces a sync (say after the backend lost its
/// state): first the membership part — missing backend resources re-created under their ids (one that
/// cannot be is marked erred), then the full membership sync of the offering — and then a full order
/// pass (every pending-provider and executing order, whatever its age). A failure of one part does not
/// skip the other, and a failed re-creation does not skip the sync; the first failure is raised
/// afterwards, so the consumer logs or retries the message.
/// </summary>
public sealed partial class OfferingResourcesSyncEventHandler(EventServices services)
    : EventHandler<OfferingResourcesSyncEvent>(services, ObservableObjectType.OfferingResourcesSync, EventJsonContext.Default.OfferingResourcesSyncEvent)
{
    /// <inheritdoc />
    protected override async Task HandleAsync(OfferingConfig offering, OfferingResourcesSyncEvent message, CancellationToken cancellationToken)
    {
        Exception? failure = null;
        if (offering.MembershipSyncBackend.Length > 0)
        {
            // A failed re-creation pass still leaves the resources that exist to be synced.
            var recreation = await RunPartAsync(offering, "re-creation", () => RecreateMissingAsync(offering, cancellationToken)).ConfigureAwait(false);
            var sync = await RunPartAsync(offering, "membership sync",
                () => MembershipEvent.SyncAsync(Services, offering, ServiceName, MembershipScope.Offering, cancellationToken)).ConfigureAwait(false);
            failure = recreation ?? sync;
        }

        if (offering.OrderProcessingBackend.Length > 0)
        {
            await EventReconciliation.RunOrderPassAsync(Services, offering, ServiceName, cancellationToken).ConfigureAwait(false);
        }

        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
    }

    private async Task<Exception?> RunPartAsync(OfferingConfig offering, string part, Func<Task> work)
    {
        try
        {
            await work().ConfigureAwait(false);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPartFailed(Services.Logger, offering.Name, part, ex.Message);
            return ex;
        }
    }

    /// <summary>The membership backend says what is missing; the order backend (or, without one, the membership backend) creates it.</summary>
    private async Task RecreateMissingAsync(OfferingConfig offering, CancellationToken cancellationToken)
    {
        var membership = await Services.SessionAsync(offering, offering.MembershipSyncBackend, ServiceName, MembershipSyncMode.ProcessorName, cancellationToken)
            .ConfigureAwait(false);
        var creator = offering.OrderProcessingBackend.Length > 0 ? offering.OrderProcessingBackend : offering.MembershipSyncBackend;
        var orders = await Services.Sessions.CreateAsync(offering, creator, cancellationToken).ConfigureAwait(false);
        await new MissingResourceRecreation(Services.Runtime, Services.Sessions).RunAsync(membership, orders, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = LogEvents.ResourcesSyncPartFailed, Level = LogLevel.Error,
        Message = "Offering \"{Offering}\": the {Part} step of the forced resources sync failed: {Error}; the remaining steps still run")]
    private static partial void LogPartFailed(ILogger logger, string offering, string part, string error);
}
