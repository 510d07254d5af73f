using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SiteAgent.Core.Config;

namespace SiteAgent.Core.Events.Handlers;

/// <summary>Handles the messages of one object type; the consumer never sees payloads, handlers never see frames.</summary>
public interface IEventHandler
{
    /// <summary>The object type (wire value) handled.</summary>
    string ObjectType { get; }

    /// <summary>
    /// Parses and handles one message body. <see cref="JsonException"/> and
    /// <see cref="EventRejectedException"/> mean the message can never be handled.
    /// </summary>
    Task HandleAsync(OfferingConfig offering, ReadOnlyMemory<byte> body, CancellationToken cancellationToken);
}

/// <summary>A handler of typed events: the body is parsed with the source-generated contract, then handed over.</summary>
public abstract class EventHandler<TEvent> : IEventHandler
    where TEvent : class
{
    private readonly JsonTypeInfo<TEvent> _type;

    /// <summary>Creates the handler.</summary>
    protected EventHandler(EventServices services, string objectType, JsonTypeInfo<TEvent> type)
    {
        Services = services;
        ObjectType = objectType;
        _type = type;
    }

    /// <inheritdoc />
    public string ObjectType { get; }

    /// <summary>The service name Waldur shows for this handler.</summary>
    protected string ServiceName => "event_process-" + ObjectType;

    /// <summary>Shared parts.</summary>
    protected EventServices Services { get; }

    /// <inheritdoc />
    public Task HandleAsync(OfferingConfig offering, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var message = JsonSerializer.Deserialize(body.Span, _type) ?? throw new EventRejectedException("the message body is JSON null");
        return HandleAsync(offering, message, cancellationToken);
    }

    /// <summary>Handles one typed message; re-reads the state it is about instead of trusting the message.</summary>
    protected abstract Task HandleAsync(OfferingConfig offering, TEvent message, CancellationToken cancellationToken);
}
