using System.Text.Json.Nodes;
using SiteAgent.Waldur.Contract;
using SiteAgent.Waldur.Emulator.Http;
using SiteAgent.Waldur.Emulator.Presenters;
using SiteAgent.Waldur.Emulator.State;

namespace SiteAgent.Waldur.Emulator.Routes;

/// <summary>Agent identities, services, processors, event subscriptions, queues and log shipping.</summary>
internal static class AgentRoutes
{
    private const string Identities = "/api/marketplace-site-agent-identities/";

    public static void Map(ApiRouteTable routes)
    {
        routes.Get(Identities, "marketplace_site_agent_identities_list", c => Paging.List(c,
            c.State.AgentIdentities.Where(i => Filters.Exact(c, "name", i.Name) && Filters.Uuid(c, "offering_uuid", Entity.NormalizeUuid(i.OfferingUuid) ?? "")
                && Filters.Exact(c, "version", i.Version)),
            i => AgentPresenter.Identity(c.Links, i)));
        routes.Post(Identities, "marketplace_site_agent_identities_create", c =>
        {
            var identity = c.State.Add(c.State.AgentIdentities, new AgentIdentity { OfferingUuid = "", Name = "", CreatedBy = c.User });
            Apply(c, identity);
            return ApiResult.Created(AgentPresenter.Identity(c.Links, identity));
        });
        routes.Put(Identities + "{uuid}/", "marketplace_site_agent_identities_update", c =>
        {
            var identity = c.Lookup(c.State.AgentIdentities);
            Apply(c, identity);
            return ApiResult.Ok(AgentPresenter.Identity(c.Links, identity));
        });
        routes.Post(Identities + "{uuid}/register_service/", "marketplace_site_agent_identities_register_service", RegisterService);
        routes.Post(Identities + "{uuid}/register_event_subscription/", "marketplace_site_agent_identities_register_event_subscription", RegisterSubscription);
        routes.Post("/api/marketplace-site-agent-services/{uuid}/register_processor/", "marketplace_site_agent_services_register_processor", RegisterProcessor);
        routes.Post("/api/marketplace-site-agent-logs/", "marketplace_site_agent_logs_create", ShipLogs);
        routes.Delete("/api/event-subscriptions/{uuid}/", "event_subscriptions_destroy", c =>
        {
            var subscription = c.Lookup(c.State.EventSubscriptions);
            foreach (var queue in subscription.Queues) c.State.EventQueues.Remove(queue);
            c.State.EventSubscriptions.Remove(subscription);
            return ApiResult.Empty(204);
        });
        routes.Post("/api/event-subscriptions/{uuid}/create_queue/", "event_subscriptions_create_queue", CreateQueue);
    }

    /// <summary>Writes an <c>AgentIdentityRequest</c>; the offering must exist, as Waldur validates it.</summary>
    private static void Apply(ApiContext c, AgentIdentity identity)
    {
        var body = c.BodyObject();
        var offeringUuid = RequestBody.Required(body, "offering");
        if (c.State.Offerings.Find(offeringUuid) is null) throw ApiError.Field("offering", $"Offering with UUID {offeringUuid} does not exist.");
        identity.OfferingUuid = offeringUuid;
        identity.Name = RequestBody.Required(body, "name");
        identity.Version = RequestBody.Text(body, "version");
        identity.Dependencies = (JsonArray?)body["dependencies"]?.DeepClone() ?? [];
        identity.ConfigFilePath = RequestBody.Text(body, "config_file_path");
        identity.ConfigFileContent = RequestBody.Text(body, "config_file_content");
        identity.LastRestarted = RequestBody.Time(body, "last_restarted") ?? identity.LastRestarted;
        c.State.Touch(identity);
    }

    private static ApiResult RegisterService(ApiContext c)
    {
        var identity = c.Lookup(c.State.AgentIdentities);
        var name = RequestBody.Required(c.BodyObject(), "name");
        var service = identity.Services.FirstOrDefault(s => s.Name == name);
        var created = service is null;
        service ??= c.State.Add(c.State.AgentServices, new AgentService { Identity = identity, Name = name });
        if (created) identity.Services.Add(service);
        service.Mode = RequestBody.Text(c.BodyObject(), "mode");
        service.State = "Active";
        c.State.Touch(service);
        var body = AgentPresenter.Service(c.Links, service);
        return created ? ApiResult.Created(body) : ApiResult.Ok(body);
    }

    private static ApiResult RegisterProcessor(ApiContext c)
    {
        var service = c.Lookup(c.State.AgentServices);
        var body = c.BodyObject();
        var name = RequestBody.Required(body, "name");
        var processor = service.Processors.FirstOrDefault(p => p.Name == name);
        var created = processor is null;
        processor ??= c.State.Add(c.State.AgentProcessors, new AgentProcessor { Service = service, Name = name });
        if (created) service.Processors.Add(processor);
        processor.BackendType = RequestBody.Required(body, "backend_type");
        processor.BackendVersion = RequestBody.Text(body, "backend_version");
        processor.LastRun = c.State.Now;
        service.State = "Active";
        c.State.Touch(processor);
        var answer = AgentPresenter.Processor(c.Links, processor);
        return created ? ApiResult.Created(answer) : ApiResult.Ok(answer);
    }

    /// <summary>One subscription per (calling user, identity's offering, object type); a repeat answers 200 with it.</summary>
    private static ApiResult RegisterSubscription(ApiContext c)
    {
        var identity = c.Lookup(c.State.AgentIdentities);
        var body = c.BodyObject();
        var type = RequestBody.Required(body, "observable_object_type");
        var offering = Entity.NormalizeUuid(identity.OfferingUuid) ?? identity.OfferingUuid;
        var existing = c.State.EventSubscriptions.FirstOrDefault(s => s.User == c.User && s.ObservableObjects.OfType<JsonObject>()
            .Any(o => RequestBody.Text(o, "object_type") == type && RequestBody.Text(o, "offering_uuid") == offering));
        if (existing is not null) return ApiResult.Ok(AgentPresenter.Subscription(c.Links, existing));
        var subscription = c.State.Add(c.State.EventSubscriptions, new EventSubscription
        {
            User = c.User,
            Description = RequestBody.Text(body, "description") ?? "",
            ObservableObjects = [new JsonObject { ["offering_uuid"] = offering, ["object_type"] = type }],
        });
        return ApiResult.Created(AgentPresenter.Subscription(c.Links, subscription));
    }

    private static ApiResult CreateQueue(ApiContext c)
    {
        var subscription = c.Lookup(c.State.EventSubscriptions);
        var body = c.BodyObject();
        var offering = Entity.NormalizeUuid(RequestBody.Required(body, "offering_uuid")) ?? throw ApiError.Field("offering_uuid", "Must be a valid UUID.");
        if (c.State.Offerings.Find(offering) is null) throw ApiError.Field("offering_uuid", "Offering does not exist.");
        var type = RequestBody.Required(body, "object_type");
        var queue = subscription.Queues.FirstOrDefault(q => q.OfferingUuid == offering && q.ObjectType == type);
        if (queue is not null)
        {
            queue.DeclareAgain = true;
            return ApiResult.Ok(AgentPresenter.Queue(c.Links, queue));
        }

        queue = c.State.Add(c.State.EventQueues, new EventSubscriptionQueue { Subscription = subscription, OfferingUuid = offering, ObjectType = type });
        subscription.Queues.Add(queue);
        return ApiResult.Created(AgentPresenter.Queue(c.Links, queue));
    }

    /// <summary>Stores a batch of log lines; each must name a registered identity.</summary>
    private static ApiResult ShipLogs(ApiContext c)
    {
        if (c.Body is not JsonArray lines) throw ApiError.Detail(400, "Expected a list of items.");
        var stored = new JsonArray();
        foreach (var line in lines.OfType<JsonObject>())
        {
            var identityUuid = RequestBody.Required(line, "agent_identity_uuid");
            var identity = c.State.AgentIdentities.Find(identityUuid) ?? throw ApiError.Field("agent_identity_uuid", "Agent identity does not exist.");
            var offering = c.State.Offerings.Find(identity.OfferingUuid) ?? throw ApiError.Field("agent_identity_uuid", "The identity's offering does not exist.");
            var log = c.State.Add(c.State.SiteAgentLogs, new SiteAgentLog
            {
                AgentIdentityUuid = identity.Uuid,
                Offering = offering,
                Timestamp = JsonNumbers.TryGetDecimal(line["timestamp"], out var ts) ? (double)ts : 0,
                Level = RequestBody.Text(line, "level") ?? "INFO",
                Message = RequestBody.Text(line, "message") ?? "",
                Module = RequestBody.Text(line, "module") ?? "",
            });
            stored.Add(AgentPresenter.Log(c.Links, log));
        }
        return ApiResult.Created(stored);
    }
}
