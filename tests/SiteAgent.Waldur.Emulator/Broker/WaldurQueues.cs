using System.Text.Json.Nodes;

namespace SiteAgent.Waldur.Emulator.Broker;

/// <summary>How Waldur names and declares an agent's queues.</summary>
public static class WaldurQueues
{
    /// <summary>
    /// The arguments Waldur declares every subscription queue with: messages live an hour, at most
    /// 10 000 wait, and overflow or expiry goes to the dead-letter routing key. An agent must
    /// therefore consume with <c>/amq/queue/</c>, which never re-declares.
    /// </summary>
    public static JsonObject Arguments() => new()
    {
        ["x-message-ttl"] = 3_600_000,
        ["x-max-length"] = 10_000,
        ["x-overflow"] = "reject-publish-dlx",
        ["x-dead-letter-exchange"] = "",
        ["x-dead-letter-routing-key"] = "waldur.dlq.messages",
    };
}
