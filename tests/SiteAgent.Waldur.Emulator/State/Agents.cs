using System.Text.Json.Nodes;

namespace SiteAgent.Waldur.Emulator.State;

/// <summary>A registered site agent (one per offering, named <c>agent-&lt;offering uuid&gt;</c>).</summary>
public sealed class AgentIdentity : Entity
{
    public required string OfferingUuid { get; set; }
    public required string Name { get; set; }
    public string? Version { get; set; }
    public JsonArray Dependencies { get; set; } = [];
    public string? ConfigFilePath { get; set; }
    public string? ConfigFileContent { get; set; }
    public DateTimeOffset? LastRestarted { get; set; }
    public User? CreatedBy { get; init; }
    public List<AgentService> Services { get; } = [];
}

/// <summary>A loop or handler of an agent; registering it again sets it Active.</summary>
public sealed class AgentService : Entity
{
    public required AgentIdentity Identity { get; init; }
    public required string Name { get; init; }
    public string? Mode { get; set; }
    public string State { get; set; } = "Active";
    public JsonObject Statistics { get; set; } = [];
    public List<AgentProcessor> Processors { get; } = [];
}

/// <summary>A processor of a service; registering it again refreshes <see cref="LastRun"/>.</summary>
public sealed class AgentProcessor : Entity
{
    public required AgentService Service { get; init; }
    public required string Name { get; init; }
    public string BackendType { get; set; } = "";
    public string? BackendVersion { get; set; }
    public DateTimeOffset? LastRun { get; set; }
}

/// <summary>A STOMP event subscription owned by the calling user.</summary>
public sealed class EventSubscription : Entity
{
    public required User User { get; init; }
    public string Description { get; set; } = "";
    public JsonArray ObservableObjects { get; set; } = [];
    public List<EventSubscriptionQueue> Queues { get; } = [];
}

/// <summary>A broker queue of a subscription for one offering and object type.</summary>
public sealed class EventSubscriptionQueue : Entity
{
    public required EventSubscription Subscription { get; init; }
    public required string OfferingUuid { get; init; }
    public required string ObjectType { get; init; }

    /// <summary>Set by a repeated create_queue: Waldur declares the queue on the broker again (it may have been deleted there).</summary>
    public bool DeclareAgain { get; set; }

    /// <summary>The queue name the agent subscribes to, as event-processing.md spells it.</summary>
    public string QueueName => $"subscription_{Subscription.Uuid}_offering_{OfferingUuid}_{ObjectType}";
}

/// <summary>A log line shipped by an agent.</summary>
public sealed class SiteAgentLog : Entity
{
    public required string AgentIdentityUuid { get; init; }
    public required Offering Offering { get; init; }
    public double Timestamp { get; init; }
    public string Level { get; init; } = "INFO";
    public string Message { get; init; } = "";
    public string Module { get; init; } = "";
}
