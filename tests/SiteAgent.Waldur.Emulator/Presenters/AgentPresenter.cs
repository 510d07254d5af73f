using System.Text.Json.Nodes;
using SiteAgent.Waldur.Emulator.Http;
using SiteAgent.Waldur.Emulator.State;

namespace SiteAgent.Waldur.Emulator.Presenters;

/// <summary>Agent identities, services, processors, event subscriptions, queues and shipped logs.</summary>
public static class AgentPresenter
{
    public static JsonObject Identity(ApiLinks links, AgentIdentity identity) => new()
    {
        ["uuid"] = identity.Uuid,
        ["url"] = links.To("marketplace-site-agent-identities", identity.Uuid),
        ["offering"] = identity.OfferingUuid,
        ["created_by"] = identity.CreatedBy?.Uuid,
        ["name"] = identity.Name,
        ["version"] = identity.Version,
        ["dependencies"] = identity.Dependencies.DeepClone(),
        ["config_file_path"] = identity.ConfigFilePath,
        ["config_file_content"] = identity.ConfigFileContent,
        ["last_restarted"] = Formats.Iso(identity.LastRestarted ?? identity.Created),
        ["created"] = Formats.Iso(identity.Created),
        ["modified"] = Formats.Iso(identity.Modified),
        ["services"] = new JsonArray(identity.Services.Select(s => (JsonNode)NestedService(links, s)).ToArray()),
    };

    public static JsonObject Service(ApiLinks links, AgentService service)
    {
        var obj = NestedService(links, service);
        obj["identity"] = service.Identity.Uuid;
        obj["identity_name"] = service.Identity.Name;
        obj["processors"] = new JsonArray(service.Processors.Select(p => (JsonNode)NestedProcessor(links, p)).ToArray());
        return obj;
    }

    public static JsonObject Processor(ApiLinks links, AgentProcessor processor)
    {
        var obj = NestedProcessor(links, processor);
        obj["service"] = processor.Service.Uuid;
        obj["service_name"] = processor.Service.Name;
        return obj;
    }

    public static JsonObject Subscription(ApiLinks links, EventSubscription subscription) => new()
    {
        ["uuid"] = subscription.Uuid,
        ["url"] = links.To("event-subscriptions", subscription.Uuid),
        ["description"] = subscription.Description,
        ["user"] = links.User(subscription.User.Uuid),
        ["user_uuid"] = subscription.User.Uuid,
        ["user_username"] = subscription.User.Username,
        ["user_full_name"] = subscription.User.FullName,
        ["observable_objects"] = subscription.ObservableObjects.DeepClone(),
        ["created"] = Formats.Iso(subscription.Created),
        ["modified"] = Formats.Iso(subscription.Modified),
        ["source_ip"] = "127.0.0.1",
    };

    public static JsonObject Queue(ApiLinks links, EventSubscriptionQueue queue) => new()
    {
        ["uuid"] = queue.Uuid,
        ["url"] = links.To("event-subscription-queues", queue.Uuid),
        ["event_subscription"] = links.To("event-subscriptions", queue.Subscription.Uuid),
        ["event_subscription_uuid"] = queue.Subscription.Uuid,
        ["offering_uuid"] = queue.OfferingUuid,
        ["object_type"] = queue.ObjectType,
        ["queue_name"] = queue.QueueName,
        ["vhost"] = queue.Subscription.User.Uuid,
        ["created"] = Formats.Iso(queue.Created),
    };

    public static JsonObject Log(ApiLinks links, SiteAgentLog log) => new()
    {
        ["uuid"] = log.Uuid,
        ["offering"] = links.Offering(log.Offering.Uuid),
        ["offering_uuid"] = log.Offering.Uuid,
        ["agent_identity_uuid"] = log.AgentIdentityUuid,
        ["timestamp"] = log.Timestamp,
        ["level"] = log.Level,
        ["message"] = log.Message,
        ["module"] = log.Module,
        ["created"] = Formats.Iso(log.Created),
    };

    private static JsonObject NestedService(ApiLinks links, AgentService service) => new()
    {
        ["uuid"] = service.Uuid,
        ["url"] = links.To("marketplace-site-agent-services", service.Uuid),
        ["name"] = service.Name,
        ["mode"] = service.Mode,
        ["state"] = service.State,
        ["statistics"] = service.Statistics.DeepClone(),
        ["created"] = Formats.Iso(service.Created),
        ["modified"] = Formats.Iso(service.Modified),
    };

    private static JsonObject NestedProcessor(ApiLinks links, AgentProcessor processor) => new()
    {
        ["uuid"] = processor.Uuid,
        ["url"] = links.To("marketplace-site-agent-processors", processor.Uuid),
        ["name"] = processor.Name,
        ["last_run"] = Formats.Iso(processor.LastRun),
        ["backend_type"] = processor.BackendType,
        ["backend_version"] = processor.BackendVersion,
        ["created"] = Formats.Iso(processor.Created),
        ["modified"] = Formats.Iso(processor.Modified),
    };
}
