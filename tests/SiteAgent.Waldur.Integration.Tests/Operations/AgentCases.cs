using SiteAgent.Waldur.Integration.Tests.Infrastructure;
using SiteAgent.Waldur.Models;
using SiteAgent.Waldur.Queries;
using static SiteAgent.Waldur.Integration.Tests.Infrastructure.EmulatedWaldur;
using State = SiteAgent.Waldur.Emulator.State;

namespace SiteAgent.Waldur.Integration.Tests.Operations;

/// <summary>The agent's registration, log shipping, event subscriptions and SLURM periodic policies.</summary>
internal static class AgentCases
{
    private static readonly string AgentName = $"agent-{Ids.Offering:N}";

    private static readonly AgentIdentityRequest IdentityRequest = new()
    {
        Offering = Ids.Offering,
        Name = AgentName,
        Version = "0.1.0",
        Dependencies = [new("SiteAgent.Backends.Slurm", "0.1.0")],
        ConfigFilePath = "/etc/waldur/waldur-site-agent-config.yaml",
        ConfigFileContent = "",
        LastRestarted = new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero),
    };

    public static IEnumerable<ClientCase> All() =>
    [
        new("marketplace_site_agent_identities_list", async w =>
        {
            var identity = Guid.Parse(w.Read(AddIdentity).Uuid);

            var found = await w.Client.ListAgentIdentities(new AgentIdentityListQuery { Name = AgentName }).ToListAsync(Ct);

            await Assert.That(((await Assert.That(found).HasSingleItem()).Uuid, found[0].Name, found[0].Offering)).IsEqualTo((identity, AgentName, (Guid?)Ids.Offering));
        }),
        new("marketplace_site_agent_identities_create", async w =>
        {
            var identity = await w.Client.CreateAgentIdentityAsync(IdentityRequest, Ct);

            await Assert.That((identity.Name, identity.Version, identity.LastRestarted)).IsEqualTo((AgentName, "0.1.0", IdentityRequest.LastRestarted));
            await Assert.That((identity.Dependencies![0].Package, identity.Dependencies[0].Version)).IsEqualTo(("SiteAgent.Backends.Slurm", "0.1.0"));
            await Assert.That((await Assert.That(w.Read(s => s.AgentIdentities.ToList())).HasSingleItem()).Uuid).IsEqualTo(identity.Uuid.Hex());
        }),
        new("marketplace_site_agent_identities_update", async w =>
        {
            var id = Guid.Parse(w.Read(AddIdentity).Uuid);

            var identity = await w.Client.UpdateAgentIdentityAsync(id, IdentityRequest, Ct);

            await Assert.That((identity.Uuid, identity.Version)).IsEqualTo((id, "0.1.0"));
            await Assert.That(w.Read(s => s.AgentIdentities.At(id).ConfigFilePath)).IsEqualTo("/etc/waldur/waldur-site-agent-config.yaml");
        }),
        new("marketplace_site_agent_identities_register_service", async w =>
        {
            var id = Guid.Parse(w.Read(AddIdentity).Uuid);

            var service = await w.Client.RegisterAgentServiceAsync(id, new AgentServiceCreateRequest("order_process", "order_process"), Ct);

            await Assert.That((service.Name, service.Mode, service.State, service.Identity)).IsEqualTo(("order_process", "order_process", "Active", (Guid?)id));
        }),
        new("marketplace_site_agent_identities_register_event_subscription", async w =>
        {
            var id = Guid.Parse(w.Read(AddIdentity).Uuid);

            var subscription = await w.Client.RegisterEventSubscriptionAsync(
                id, new AgentEventSubscriptionCreateRequest(ObservableObjectType.Order, "orders of the offering"), Ct);

            var observed = await Assert.That(subscription.ObservableObjects!).HasSingleItem();
            await Assert.That((observed.ObjectType, observed.OfferingUuid)).IsEqualTo((ObservableObjectType.Order, (Guid?)Ids.Offering));
            await Assert.That((await Assert.That(w.Read(s => s.EventSubscriptions.ToList())).HasSingleItem()).Uuid).IsEqualTo(subscription.Uuid.Hex());
        }),
        new("marketplace_site_agent_services_register_processor", async w =>
        {
            var service = Guid.Parse(w.Read(AddService).Uuid);

            var processor = await w.Client.RegisterAgentProcessorAsync(service, new AgentProcessorCreateRequest("OfferingOrderProcessor", "slurm", "23.11"), Ct);

            await Assert.That((processor.Name, processor.BackendType, processor.BackendVersion)).IsEqualTo(("OfferingOrderProcessor", "slurm", "23.11"));
            await Assert.That(processor.LastRun).IsNotNull();
        }),
        new("marketplace_site_agent_logs_create", async w =>
        {
            var id = Guid.Parse(w.Read(AddIdentity).Uuid);
            SiteAgentLogCreateRequest line = new() { AgentIdentityUuid = id, Timestamp = 1763798400.5, Level = "WARNING", Message = "slurmctld slow", Module = "SiteAgent.Core" };

            var stored = await w.Client.CreateSiteAgentLogsAsync([line], Ct);

            await Assert.That(((await Assert.That(stored).HasSingleItem()).Level, stored[0].Message, stored[0].Timestamp)).IsEqualTo(("WARNING", "slurmctld slow", 1763798400.5));
            await Assert.That((await Assert.That(w.Read(s => s.SiteAgentLogs.ToList())).HasSingleItem()).Message).IsEqualTo("slurmctld slow");
        }),
        new("event_subscriptions_destroy", async w =>
        {
            var subscription = Guid.Parse(w.Read(AddSubscription).Uuid);

            await w.Client.DeleteEventSubscriptionAsync(subscription, Ct);

            await Assert.That(w.Read(s => s.EventSubscriptions.ToList())).IsEmpty();
        }),
        new("event_subscriptions_create_queue", async w =>
        {
            var subscription = Guid.Parse(w.Read(AddSubscription).Uuid);

            var queue = await w.Client.CreateEventSubscriptionQueueAsync(subscription, new EventSubscriptionQueueCreateRequest(Ids.Offering, ObservableObjectType.Order), Ct);

            await Assert.That(queue.QueueName).IsEqualTo($"subscription_{subscription:N}_offering_{Ids.Offering:N}_order");
            await Assert.That(queue.ObjectType).IsEqualTo(ObservableObjectType.Order);
        }),
        new("marketplace_slurm_periodic_usage_policies_list", async w =>
        {
            var policies = await w.Client.ListSlurmPeriodicUsagePolicies(new SlurmPolicyListQuery { ScopeUuid = Ids.Offering }).ToListAsync(Ct);

            var policy = await Assert.That(policies).HasSingleItem();
            await Assert.That((policy.Uuid, policy.LimitType)).IsEqualTo((Ids.Policy, "GrpTRESMins"));
            await Assert.That((policy.ComponentLimitsSet![0].Type, policy.ComponentLimitsSet[0].Limit)).IsEqualTo(("cpu", 100L));
        }),
        new("marketplace_slurm_periodic_usage_policies_report_command_result", async w =>
        {
            await w.Client.ReportSlurmCommandResultAsync(
                Ids.Policy,
                new SlurmCommandResultRequest
                {
                    ResourceUuid = Ids.Resource, Success = true, ErrorMessage = "", Mode = "production",
                    CommandsExecuted = ["sacctmgr -i modify account a_climate set GrpTRESMins=cpu=6000000"],
                },
                Ct);

            var result = await Assert.That(w.Read(s => s.SlurmPolicies.At(Ids.Policy).CommandResults.ToList())).HasSingleItem();
            await Assert.That(result["success"]!.GetValue<bool>()).IsTrue();
        }),
    ];

    private static State.AgentIdentity AddIdentity(State.EmulatorState s) =>
        s.Add(s.AgentIdentities, new State.AgentIdentity { OfferingUuid = Ids.Offering.Hex(), Name = AgentName, Version = "0.0.9" });

    private static State.AgentService AddService(State.EmulatorState s)
    {
        var identity = AddIdentity(s);
        var service = s.Add(s.AgentServices, new State.AgentService { Identity = identity, Name = "order_process", Mode = "order_process" });
        identity.Services.Add(service);
        return service;
    }

    private static State.EventSubscription AddSubscription(State.EmulatorState s) =>
        s.Add(s.EventSubscriptions, new State.EventSubscription { User = s.FindUser("site-agent")! });
}
