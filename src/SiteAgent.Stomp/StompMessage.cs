using System.Text;
using SiteAgent.Stomp.Frames;
using SiteAgent.Stomp.Session;

namespace SiteAgent.Stomp;

/// <summary>
/// A MESSAGE frame delivered to the consumer. Acknowledge it with <see cref="StompClient.AckAsync"/>
/// once it is handled, or <see cref="StompClient.NackAsync"/>; until then the broker keeps it and
/// redelivers it if the connection drops.
/// </summary>
public sealed class StompMessage
{
    internal StompMessage(StompFrame frame, string subscriptionId, string messageId, string destination, string ackId, StompSession session)
    {
        Headers = frame.Headers;
        Body = frame.Body;
        SubscriptionId = subscriptionId;
        MessageId = messageId;
        Destination = destination;
        AckId = ackId;
        Session = session;
    }

    /// <summary>Id of the subscription (see <see cref="StompSubscription.Id"/>) that received it; route by this, not by <see cref="Destination"/>.</summary>
    public string SubscriptionId { get; }

    /// <summary>The broker's message id.</summary>
    public string MessageId { get; }

    /// <summary>Destination as the broker reports it; RabbitMQ shows the publishing side's, e.g. <c>/queue/&lt;name&gt;</c>.</summary>
    public string Destination { get; }

    /// <summary>All headers in wire order.</summary>
    public StompHeaders Headers { get; }

    /// <summary>Body octets.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>The body decoded as UTF-8 (invalid sequences become U+FFFD).</summary>
    public string BodyText => Encoding.UTF8.GetString(Body.Span);

    /// <summary>True when the broker delivered it before (RabbitMQ's <c>redelivered</c> header).</summary>
    public bool Redelivered => Headers[StompHeaderNames.Redelivered] == "true";

    /// <summary>The value ACK and NACK frames name.</summary>
    internal string AckId { get; }

    /// <summary>The connection that delivered it; an acknowledgement only means something on that connection.</summary>
    internal StompSession Session { get; }
}
