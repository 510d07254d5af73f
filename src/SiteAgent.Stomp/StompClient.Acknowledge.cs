using SiteAgent.Stomp.Frames;
using SiteAgent.Stomp.Logging;

namespace SiteAgent.Stomp;

/// <summary>Explicit acknowledgement (<c>ack:client-individual</c>): one ACK or NACK per message, after its handler.</summary>
public sealed partial class StompClient
{
    /// <summary>Tells the broker the message is handled; it will not be delivered again.</summary>
    /// <returns>
    /// False when the connection that delivered the message is gone: the broker has requeued it and
    /// delivers it again, so the handler will see it once more.
    /// </returns>
    public Task<bool> AckAsync(StompMessage message, CancellationToken cancellationToken = default) =>
        AcknowledgeAsync(message, StompCommand.Ack, requeue: false, cancellationToken);

    /// <summary>
    /// Gives the message back. With <paramref name="requeue"/> RabbitMQ delivers it again; without, it
    /// discards it or routes it to the queue's dead-letter exchange.
    /// </summary>
    /// <returns>False when the connection that delivered the message is gone (the broker requeues it anyway).</returns>
    public Task<bool> NackAsync(StompMessage message, bool requeue = true, CancellationToken cancellationToken = default) =>
        AcknowledgeAsync(message, StompCommand.Nack, requeue, cancellationToken);

    private async Task<bool> AcknowledgeAsync(StompMessage message, StompCommand command, bool requeue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        // An ack id only means something on the connection that delivered the message.
        if (message.Session != _current || !await message.Session.AcknowledgeAsync(message, command == StompCommand.Ack, requeue, cancellationToken))
        {
            StompLog.AcknowledgementStale(_logger, command.Name(), message.MessageId);
            return false;
        }
        return true;
    }
}
