using Microsoft.Extensions.Logging;
using SiteAgent.Core.Config;
using SiteAgent.Core.Observability;
using SiteAgent.Core.Offerings;
using SiteAgent.Core.Runtime;
using SiteAgent.Waldur;
using SiteAgent.Waldur.Models;

namespace SiteAgent.Core.Events;

/// <summary>
/// Asks Waldur for an offering's event subscriptions and queues: the agent identity, then per object
/// type a subscription (Waldur creates the broker user and vhost) and the offering's queue in it.
/// </summary>
public sealed partial class EventSubscriptionSetup
{
    private readonly AgentRuntime _runtime;
    private readonly AgentRegistration _registration;
    private readonly ILogger _logger;

    /// <summary>Creates the setup.</summary>
    public EventSubscriptionSetup(AgentRuntime runtime, AgentRegistration registration)
    {
        _runtime = runtime;
        _registration = registration;
        _logger = runtime.Loggers.CreateLogger("SiteAgent.Events");
    }

    /// <summary>
    /// The offering's queues, one per object type that Waldur accepted. A type Waldur refuses (e.g. an
    /// older server that does not know it) is logged and skipped; an identity failure skips the offering.
    /// </summary>
    public async Task<IReadOnlyList<EventQueueBinding>> BindAsync(OfferingConfig offering, CancellationToken cancellationToken)
    {
        var types = EventObjectTypes.For(offering, _runtime.Catalog);
        if (types.Count == 0)
        {
            LogNoTypes(_logger, offering.Name);
            return [];
        }

        if (offering.Credentials is not StaticTokenCredentials)
        {
            // The broker user's password is the API token the subscription was created with; a Bearer JWT changes too often to log in with.
            LogNeedsToken(_logger, offering.Name);
            return [];
        }

        var waldur = _runtime.Clients.For(offering);
        AgentIdentity identity;
        try
        {
            identity = await _registration.RegisterIdentityAsync(offering, waldur, cancellationToken).ConfigureAwait(false);
        }
        catch (WaldurException ex)
        {
            LogIdentityFailed(_logger, offering.Name, ex.Message);
            return [];
        }

        var bindings = new List<EventQueueBinding>();
        foreach (var type in types)
        {
            try
            {
                bindings.Add(await BindOneAsync(offering, waldur, identity, type, cancellationToken).ConfigureAwait(false));
            }
            catch (WaldurException ex)
            {
                LogTypeFailed(_logger, offering.Name, type, ex.Message);
            }
        }

        LogBound(_logger, offering.Name, bindings.Count, string.Join(", ", bindings.Select(b => b.ObjectType)));
        return bindings;
    }

    /// <summary>
    /// Deletes the binding's subscription and creates it again, so that its broker password becomes the
    /// current API token (after a token rotation the broker refuses the old subscription's login).
    /// </summary>
    public async Task<EventQueueBinding> RecreateAsync(EventQueueBinding binding, CancellationToken cancellationToken)
    {
        var waldur = _runtime.Clients.For(binding.Offering);
        var identity = await _registration.RegisterIdentityAsync(binding.Offering, waldur, cancellationToken).ConfigureAwait(false);
        var fresh = await BindOneAsync(binding.Offering, waldur, identity, binding.ObjectType, cancellationToken).ConfigureAwait(false);
        // Another offering sharing the token may have re-created the shared subscription already.
        if (fresh.SubscriptionUuid == binding.SubscriptionUuid)
        {
            try
            {
                await waldur.DeleteEventSubscriptionAsync(binding.SubscriptionUuid, cancellationToken).ConfigureAwait(false);
            }
            catch (WaldurApiException ex) when (ex.StatusCode == 404)
            {
                // Already gone: creating it again is all that is left.
            }

            fresh = await BindOneAsync(binding.Offering, waldur, identity, binding.ObjectType, cancellationToken).ConfigureAwait(false);
        }

        LogRecreated(_logger, binding.Offering.Name, binding.ObjectType, binding.Login, fresh.Login);
        return fresh;
    }

    /// <summary>
    /// Asks Waldur to create the binding's queue again (the broker's orphan cleanup may have deleted
    /// it); the subscription and its login stay as they are.
    /// </summary>
    public async Task<EventQueueBinding> RecreateQueueAsync(EventQueueBinding binding, CancellationToken cancellationToken)
    {
        var waldur = _runtime.Clients.For(binding.Offering);
        var queue = await waldur.CreateEventSubscriptionQueueAsync(binding.SubscriptionUuid,
            new EventSubscriptionQueueCreateRequest(binding.Offering.OfferingUuid, binding.ObjectType), cancellationToken).ConfigureAwait(false);
        return binding with { VirtualHost = queue.Vhost is { Length: > 0 } vhost ? vhost : binding.VirtualHost, QueueName = queue.QueueName is { Length: > 0 } name ? name : binding.QueueName };
    }

    private static async Task<EventQueueBinding> BindOneAsync(OfferingConfig offering, WaldurClient waldur, AgentIdentity identity, string type, CancellationToken cancellationToken)
    {
        var subscription = await waldur.RegisterEventSubscriptionAsync(identity.Uuid,
            new AgentEventSubscriptionCreateRequest(type, $"Event subscription created by the site agent for identity {identity.Name}"), cancellationToken).ConfigureAwait(false);
        var queue = await waldur.CreateEventSubscriptionQueueAsync(subscription.Uuid,
            new EventSubscriptionQueueCreateRequest(offering.OfferingUuid, type), cancellationToken).ConfigureAwait(false);
        return EventQueueBinding.From(offering, type, subscription, queue);
    }

    [LoggerMessage(EventId = LogEvents.EventNoTypes, Level = LogLevel.Information,
        Message = "Offering \"{Offering}\": no event types to subscribe (stomp_enabled is off, or no backend or flag selects a type)")]
    private static partial void LogNoTypes(ILogger logger, string offering);

    [LoggerMessage(EventId = LogEvents.EventNeedsStaticToken, Level = LogLevel.Error,
        Message = "Offering \"{Offering}\": event processing needs waldur_api_token (the broker login's password); with OIDC credentials only the offering gets no event consumers, and reconciliation still processes its orders and membership")]
    private static partial void LogNeedsToken(ILogger logger, string offering);

    [LoggerMessage(EventId = LogEvents.EventIdentityFailed, Level = LogLevel.Error,
        Message = "Offering \"{Offering}\": agent identity registration failed ({Reason}); the offering gets no event consumers until the agent restarts")]
    private static partial void LogIdentityFailed(ILogger logger, string offering, string reason);

    [LoggerMessage(EventId = LogEvents.EventTypeFailed, Level = LogLevel.Warning,
        Message = "Offering \"{Offering}\": Waldur refused the {ObjectType} subscription or queue ({Reason}); that type is not consumed (reconciliation still repairs orders and membership)")]
    private static partial void LogTypeFailed(ILogger logger, string offering, string objectType, string reason);

    [LoggerMessage(EventId = LogEvents.EventQueuesBound, Level = LogLevel.Information,
        Message = "Offering \"{Offering}\": {Count} event queues ready ({Types})")]
    private static partial void LogBound(ILogger logger, string offering, int count, string types);

    [LoggerMessage(EventId = LogEvents.EventSubscriptionRecreated, Level = LogLevel.Warning,
        Message = "Offering \"{Offering}\": {ObjectType} subscription re-created because the broker refused its login (API token rotated?); broker login {Old} replaced by {New}")]
    private static partial void LogRecreated(ILogger logger, string offering, string objectType, string old, string @new);
}
