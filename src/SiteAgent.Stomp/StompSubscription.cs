namespace SiteAgent.Stomp;

/// <summary>A destination the client consumes with <c>ack:client-individual</c>, re-subscribed on every connection.</summary>
/// <param name="Destination">E.g. <c>/amq/queue/&lt;name&gt;</c> for a queue that already exists on RabbitMQ.</param>
/// <param name="Id">Subscription id, unique within the connection; messages carry it.</param>
/// <param name="PrefetchCount">
/// Most messages the broker delivers before they are acknowledged. It also bounds what the client
/// holds in memory, since messages wait in the client until the consumer reads them.
/// </param>
public sealed record StompSubscription(string Destination, string Id, int PrefetchCount = StompSubscription.DefaultPrefetchCount)
{
    /// <summary>Default prefetch: enough to keep a consumer busy, small enough to redeliver quickly after a crash.</summary>
    public const int DefaultPrefetchCount = 20;

    /// <summary>A subscription whose id is its destination.</summary>
    public StompSubscription(string destination) : this(destination, destination)
    {
    }
}
