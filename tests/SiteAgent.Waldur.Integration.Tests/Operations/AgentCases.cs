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

            Assert.Equal((identity, AgentName, (Guid?)Ids.Offering), (Assert.Single(found).Uuid, found[0].Name, found[0].Offering));
        }),
        new("marketplace_site_agent_identities_create", async w =>
        {
            var identity = await w.Client.CreateAgentIdentityAsync(IdentityRequest, Ct);

            Assert.Equal((AgentName, "0.1.0", IdentityRequest.LastRestarted), (identity.Name, identity.Version, identity.LastRestarted));
            Assert.Equal(("SiteAgent.Backends.Slurm", "0.1.0"), (identity.Dependencies![0].Package, identity.Dependencies[0].Version));
            Assert.Equal(identity.Uuid.Hex(), w.Read(s => Assert.Single(s.AgentIdentities).Uuid));
        }),
        new("marketplace_site_agent_identities_update", async w =>
        {
            var id = Guid.Parse(w.Read(AddIdentity).Uuid);

            var identity = await w.Client.UpdateAgentIdentityAsync(id, IdentityRequest, Ct);

            Assert.Equal((id, "0.1.0"), (identity.Uuid, identity.Version));
            Assert.Equal("/etc/waldur/waldur-site-agent-config.yaml", w.Read(s => s.AgentIdentities.At(id).ConfigFilePath));
        }),
        new("marketplace_site_agent_identities_register_service", async w =>
        {
            var id = Guid.Parse(w.Read(AddIdentity).Uuid);

            var service = await w.Client.RegisterAgentServiceAsync(id, new AgentServiceCreateRequest("order_process", "order_process"), Ct);

            Assert.Equal(("order_process", "order_process", "Active", (Guid?)id), (service.Name, service.Mode, service.State, service.Identity));
        }),
        new("marketplace_site_agent_identities_register_event_subscription", async w =>
        {
            var id = Guid.Parse(w.Read(AddIdentity).Uuid);

            var subscription = await w.Client.RegisterEventSubscriptionAsync(
                id, new AgentEventSubscriptionCreateRequest(ObservableObjectType.Order, "orders of the offering"), Ct);

            var observed = Assert.Single(subscription.ObservableObjects!);
            Assert.Equal((ObservableObjectType.Order, (Guid?)Ids.Offering), (observed.ObjectType, observed.OfferingUuid));
            Assert.Equal(subscription.Uuid.Hex(), w.Read(s => Assert.Single(s.EventSubscriptions).Uuid));
        }),
        new("marketplace_site_agent_services_register_processor", async w =>
        {
            var service = Guid.Parse(w.Read(AddService).Uuid);

            var processor = await w.Client.RegisterAgentProcessorAsync(service, new AgentProcessorCreateRequest("OfferingOrderProcessor", "slurm", "23.11"), Ct);

            Assert.Equal(("OfferingOrderProcessor", "slurm", "23.11"), (processor.Name, processor.BackendType, processor.BackendVersion));
            Assert.NotNull(processor.LastRun);
        }),
        new("marketplace_site_agent_logs_create", async w =>
        {
            var id = Guid.Parse(w.Read(AddIdentity).Uuid);
            SiteAgentLogCreateRequest line = new() { AgentIdentityUuid = id, Timestamp = 1763798400.5, Level = "WARNING", Message = "slurmctld slow", Module = "SiteAgent.Core" };

            var stored = await w.Client.CreateSiteAgentLogsAsync([line], Ct);

            Assert.Equal(("WARNING", "slurmctld slow", 1763798400.5), (Assert.Single(stored).Level, stored[0].Message, stored[0].Timestamp));
            Assert.Equal("slurmctld slow", w.Read(s => Assert.Single(s.SiteAgentLogs).Message));
        }),
        new("event_subscriptions_destroy", async w =>
        {
            var subscription = Guid.Parse(w.Read(AddSubscription).Uuid);

            await w.Client.DeleteEventSubscriptionAsync(subscription, Ct);

            Assert.Empty(w.Read(s => s.EventSubscriptions.ToList()));
        }),
        new("event_subscriptions_create_queue", async w =>
        {
            var subscription = Guid.Parse(w.Read(AddSubscription).Uuid);

            var queue = await w.Client.CreateEventSubscriptionQueueAsync(subscription, new EventSubscriptionQueueCreateRequest(Ids.Offering, ObservableObjectType.Order), Ct);

            Assert.Equal($"subscription_{subscription:N}_offering_{Ids.Offering:N}_order", queue.QueueName);
            Assert.Equal(ObservableObjectType.Order, queue.ObjectType);
        }),
        new("marketplace_slurm_periodic_usage_policies_list", async w =>
        {
            var policies = await w.Client.ListSlurmPeriodicUsagePolicies(new SlurmPolicyListQuery { ScopeUuid = Ids.Offering }).ToListAsync(Ct);

            var policy = Assert.Single(policies);
            Assert.Equal((Ids.Policy, "GrpTRESMins"), (policy.Uuid, policy.LimitType));
            Assert.Equal(("cpu", 100L), (policy.ComponentLimitsSet![0].Type, policy.ComponentLimitsSet[0].Limit));
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

            var result = w.Read(s => Assert.Single(s.SlurmPolicies.At(Ids.Policy).CommandResults));
            Assert.True(result["success"]!.GetValue<bool>());
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
