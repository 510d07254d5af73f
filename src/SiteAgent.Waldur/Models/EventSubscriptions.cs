namespace SiteAgent.Waldur.Models;

/// <summary>An event subscription of the agent (schema <c>EventSubscription</c>).</summary>
public sealed record EventSubscription
{
    /// <summary>Subscription uuid (the STOMP login); <see cref="Guid.Empty"/> in dry-run.</summary>
    public required Guid Uuid { get; init; }

    /// <summary>Uuid of the subscribing user (the STOMP vhost).</summary>
    public Guid? UserUuid { get; init; }

    /// <summary>API URL.</summary>
    public string? Url { get; init; }

    /// <summary>Description.</summary>
    public string? Description { get; init; }

    /// <summary>Username of the subscribing user.</summary>
    public string? UserUsername { get; init; }

    /// <summary>Object types observed.</summary>
    public IReadOnlyList<EventSubscriptionObservableObject>? ObservableObjects { get; init; }

    /// <summary>Source IP of the subscriber.</summary>
    public string? SourceIp { get; init; }

    /// <summary>When the subscription was created.</summary>
    public DateTimeOffset? Created { get; init; }
}

/// <summary>An observed object of a subscription (schema <c>EventSubscriptionObservableObject</c>).</summary>
public sealed record EventSubscriptionObservableObject
{
    /// <summary>Object type, one of <see cref="ObservableObjectType"/>.</summary>
    public string? ObjectType { get; init; }

    /// <summary>Offering uuid.</summary>
    public Guid? OfferingUuid { get; init; }

    /// <summary>Object id.</summary>
    public long? ObjectId { get; init; }
}

/// <summary>Body of <c>register_event_subscription</c> (schema <c>AgentEventSubscriptionCreateRequest</c>).</summary>
/// <param name="ObservableObjectType">Object type, one of <see cref="ObservableObjectType"/>.</param>
/// <param name="Description">Description.</param>
public sealed record AgentEventSubscriptionCreateRequest(string ObservableObjectType, string? Description);

/// <summary>Body of <c>event_subscriptions_create_queue</c> (schema <c>EventSubscriptionQueueCreateRequest</c>).</summary>
/// <param name="OfferingUuid">Offering uuid.</param>
/// <param name="ObjectType">Object type, one of <see cref="ObservableObjectType"/>.</param>
public sealed record EventSubscriptionQueueCreateRequest(Guid OfferingUuid, string ObjectType);

/// <summary>A broker queue of a subscription (schema <c>EventSubscriptionQueue</c>).</summary>
public sealed record EventSubscriptionQueue
{
    /// <summary>Queue uuid.</summary>
    public Guid? Uuid { get; init; }

    /// <summary>Queue name.</summary>
    public string? QueueName { get; init; }

    /// <summary>Broker vhost.</summary>
    public string? Vhost { get; init; }

    /// <summary>Object type.</summary>
    public string? ObjectType { get; init; }

    /// <summary>Offering uuid.</summary>
    public string? OfferingUuid { get; init; }

    /// <summary>Subscription uuid.</summary>
    public string? EventSubscriptionUuid { get; init; }
}
