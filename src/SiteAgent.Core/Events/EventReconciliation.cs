using System.Diagnostics;
using Microsoft.Extensions.Logging;
using SiteAgent.Backends.Capabilities;
using SiteAgent.Core.Config;
using SiteAgent.Core.Membership;
using SiteAgent.Core.Observability;
using SiteAgent.Core.Orders;
using SiteAgent.Waldur;

namespace SiteAgent.Core.Events;

/// <summary>
/// What repairs missed events: every pending-provider or executing order of each offering with an
/// order backend is processed, API keys stuck in Updating are rotated again where the backend
/// manages keys, and offerings whose membership runs on events get a full membership
/// sync (offering users included). The start-up pass is the same work.
/// </summary>
/// <remarks>
/// The reference only looked at orders idle for 30 minutes, to avoid processing an order while its
/// handler did; here handlers and jobs never overlap (<see cref="EventServices.WorkAsync"/>), and order
/// processing re-reads the order and is idempotent, so every open order is taken at once. The
/// reference synced membership only at start-up; a lost role event stayed lost until a restart.
/// </remarks>
public static partial class EventReconciliation
{
    /// <summary>The full pass over every offering; true when none failed.</summary>
    /// <param name="services">Shared parts.</param>
    /// <param name="service">Service name registered in Waldur (<c>initial-offering-process</c> at start-up).</param>
    /// <param name="eventOfferingsOnly">Only offerings with <c>stomp_enabled</c> (the start-up pass).</param>
    /// <param name="shutdown">Stops before the next offering.</param>
    public static async Task<bool> RunAsync(EventServices services, string service, bool eventOfferingsOnly, CancellationToken shutdown)
    {
        var started = Stopwatch.GetTimestamp();
        var failed = 0;
        foreach (var offering in services.Runtime.Config.Offerings)
        {
            if (shutdown.IsCancellationRequested || (eventOfferingsOnly && !offering.Stomp.Enabled))
            {
                continue;
            }

            services.Heartbeat.Touch();
            try
            {
                await services.WorkAsync(async () =>
                {
                    if (offering.OrderProcessingBackend.Length > 0)
                    {
                        await RunOrderPassAsync(services, offering, service, shutdown).ConfigureAwait(false);
                    }

                    if (ApiKeyReconciliation.AppliesTo(services, offering))
                    {
                        await ApiKeyReconciliation.RunAsync(services, offering, service, shutdown).ConfigureAwait(false);
                    }

                    if (EventObjectTypes.MembershipOnEvents(offering))
                    {
                        await services.SyncMembershipAsync(offering, service, MembershipScope.Offering, shutdown).ConfigureAwait(false);
                    }

                    return true;
                }, shutdown).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                failed++;
                LogOfferingFailed(services.Logger, offering.Name, service, ex.Message, ex);
            }
        }

        LogFinished(services.Logger, service, failed, Stopwatch.GetElapsedTime(started).TotalSeconds);
        return failed == 0;
    }

    /// <summary>Processes every pending-provider and executing order of the offering.</summary>
    public static async Task RunOrderPassAsync(EventServices services, OfferingConfig offering, string service, CancellationToken cancellationToken)
    {
        var session = await services.SessionAsync(offering, offering.OrderProcessingBackend, service, OrderProcessMode.ProcessorName, cancellationToken).ConfigureAwait(false);
        var context = new OrderContext(services.Runtime, session, (IOrderProcessingBackend)session.Backend,
            session.Waldur.WithRetry(write: WaldurRetrySettings.None), services.Sessions);
        await new OrderCycle(context, services.Heartbeat).RunAsync(cancellationToken, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = LogEvents.EventReconciliationOfferingFailed, Level = LogLevel.Error,
        Message = "Offering \"{Offering}\": {Service} failed ({Reason}); retried at the next reconciliation")]
    private static partial void LogOfferingFailed(ILogger logger, string offering, string service, string reason, Exception exception);

    [LoggerMessage(EventId = LogEvents.EventReconciliationFinished, Level = LogLevel.Information,
        Message = "{Service} finished: {Failed} offerings failed, {Seconds:0.0} s")]
    private static partial void LogFinished(ILogger logger, string service, int failed, double seconds);
}
