using Microsoft.Extensions.Logging;
using SiteAgent.Core.Observability;
using SiteAgent.Waldur;
using SiteAgent.Waldur.Queries;

namespace SiteAgent.Core.Events;

/// <summary>
/// Every 30 minutes: one authenticated order list per offering with <c>offering_uuid</c>, which is
/// what keeps Waldur showing an idle event-driven agent as connected, and each consumer's state in
/// the log. Registrations are refreshed so that services Waldur turned Idle become Active again.
/// </summary>
public static partial class EventHealthCheck
{
    /// <summary>The interval.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(30);

    /// <summary>Runs the check over every offering and consumer; failures are logged per offering.</summary>
    public static async Task RunAsync(EventServices services, IReadOnlyList<EventConsumer> consumers, CancellationToken cancellationToken)
    {
        foreach (var offering in services.Runtime.Config.Offerings)
        {
            try
            {
                await services.Runtime.Clients.For(offering).ListOrders(new OrderListQuery { OfferingUuid = offering.OfferingUuid, Fields = ["uuid"] })
                    .FirstPageAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (WaldurException ex)
            {
                LogFailed(services.Logger, offering.Name, ex.Message);
            }
        }

        services.Registration.Refresh();
        foreach (var consumer in consumers)
        {
            LogConsumer(services.Logger, consumer.Binding.Offering.Name, consumer.Binding.ObjectType, consumer.State.ToString(), consumer.Handled, consumer.Failed);
        }
    }

    [LoggerMessage(EventId = LogEvents.EventHealthCheckFailed, Level = LogLevel.Error,
        Message = "Offering \"{Offering}\": health check against Waldur failed ({Reason}); Waldur marks the offering disconnected after an hour without it")]
    private static partial void LogFailed(ILogger logger, string offering, string reason);

    [LoggerMessage(EventId = LogEvents.EventConsumerStatus, Level = LogLevel.Information,
        Message = "Offering \"{Offering}\": {ObjectType} consumer {State}; messages handled {Handled}, failed {Failed}")]
    private static partial void LogConsumer(ILogger logger, string offering, string objectType, string state, long handled, long failed);
}
