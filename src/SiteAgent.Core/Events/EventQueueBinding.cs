using SiteAgent.Core.Config;
using SiteAgent.Stomp;
using SiteAgent.Waldur.Models;

namespace SiteAgent.Core.Events;

/// <summary>
/// One offering's queue for one object type, and how to log in to the broker for it: vhost = the
/// subscription owner's uuid, login = the subscription uuid (both 32-hex), passcode = the API token
/// the subscription was created with, destination <c>/amq/queue/&lt;queue&gt;</c> so that the broker
/// never re-declares Waldur's queue with other arguments.
/// </summary>
public sealed record EventQueueBinding(
    OfferingConfig Offering,
    string ObjectType,
    Guid SubscriptionUuid,
    string VirtualHost,
    string QueueName)
{
    /// <summary>The broker login: the subscription uuid in 32-hex.</summary>
    public string Login => SubscriptionUuid.ToString("N");

    /// <summary>The SUBSCRIBE destination.</summary>
    public string Destination => "/amq/queue/" + QueueName;

    /// <summary>Builds the binding from Waldur's answers, preferring the names Waldur returned over computed ones.</summary>
    public static EventQueueBinding From(OfferingConfig offering, string objectType, EventSubscription subscription, EventSubscriptionQueue queue)
    {
        var vhost = queue.Vhost is { Length: > 0 } v ? v
            : subscription.UserUuid is { } user ? user.ToString("N")
            : throw new InvalidOperationException($"Waldur returned event subscription {subscription.Uuid:N} without its user uuid, so its broker vhost is unknown");
        var name = queue.QueueName is { Length: > 0 } q ? q : QueueNameFor(subscription.Uuid, offering.OfferingUuid, objectType);
        return new EventQueueBinding(offering, objectType, subscription.Uuid, vhost, name);
    }

    /// <summary>Waldur's queue naming: <c>subscription_&lt;hex&gt;_offering_&lt;hex&gt;_&lt;object type&gt;</c>.</summary>
    public static string QueueNameFor(Guid subscription, Guid offering, string objectType) =>
        $"subscription_{subscription:N}_offering_{offering:N}_{objectType}";
}

/// <summary>Where an offering's broker listens.</summary>
public static class EventBrokerEndpoint
{
    /// <summary>
    /// Host <c>stomp_ws_host</c> or the Waldur API host; port <c>stomp_ws_port</c> or 443/80 after
    /// <c>websocket_use_tls</c> (resolved when the config is read); path <c>stomp_ws_path</c> or
    /// <c>/rmqws-stomp</c>; <c>wss</c> with TLS, else <c>ws</c>.
    /// </summary>
    public static StompEndpoint For(OfferingConfig offering)
    {
        var stomp = offering.Stomp;
        var host = stomp.WsHost.Length > 0 ? stomp.WsHost : offering.WaldurApiUrl.Host;
        return StompEndpoint.WebSocket(host, stomp.WsPort, stomp.WsPath, stomp.UseTls);
    }
}
