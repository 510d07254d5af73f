using SiteAgent.Core.Membership;
using SiteAgent.Core.Observability;
using SiteAgent.Core.Offerings;
using SiteAgent.Core.Tests.Support;
using SiteAgent.Waldur.Emulator.Faults;

namespace SiteAgent.Core.Tests.Membership;

/// <summary>One offering's membership cycle with the real SLURM backend over scripted sacctmgr answers, against the emulator.</summary>
public sealed class MembershipCycleTests
{
    private const string Offering = "0f0f0f0f0f0f4f0f8f0f0f0f0f0f0f03";
    private const string Alloc = "b1b1b1b1b1b14b1b8b1b1b1b1b1b1b01";
    private const string Erred = "b2b2b2b2b2b24b2b8b2b2b2b2b2b2b02";

    private static string Yaml(string resources = "", bool statuses = false) => $$$"""
        users:
          - {username: agent, is_staff: true}
          - {username: alice@example.org, email: alice@example.org}
          - {username: bob@example.org, email: bob@example.org}
        tokens:
          - {token: {{{AgentWorld.Token}}}, user: agent}
        customers:
          - {name: Provider, slug: prov}
          - {name: Org, slug: org}
        projects:
          - name: Project
            slug: proj
            customer: org
            team:
              - {user: alice@example.org, role: PROJECT.ADMIN}
              - {user: bob@example.org, role: PROJECT.MEMBER}
        offerings:
          - name: Cluster
            uuid: {{{Offering}}}
            slug: cluster
            customer: prov
            plugin_options: {username_generation_policy: service_provider, service_provider_can_create_offering_user: true, enable_membership_sync_status: {{{(statuses ? "true" : "false")}}}}
            components:
              - {type: cpu, name: CPU, billing_type: limit, measured_unit: k-Hours}
            plans:
              - {name: Default}
        offering_users:
          - {offering: cluster, user: alice@example.org, username: alice, state: OK}
          - {offering: cluster, user: bob@example.org, username: bob, state: OK}
        service_accounts:
          - {offering: cluster, project: proj, username: svc-robot, state: OK}
          - {offering: cluster, project: proj, username: svc-old, state: Closed}
        resources:
          - {uuid: {{{Alloc}}}, name: Alloc, offering: cluster, project: proj, plan: Default, state: OK, backend_id: hpc_m1, limits: {cpu: 5}}
        {{{resources}}}
        """;

    private static Func<string, string> Config(string extraSettings = "") => api => $$"""
        offerings:
          - name: "Cluster"
            waldur_api_url: "{{api}}"
            waldur_api_token: "{{AgentWorld.Token}}"
            waldur_offering_uuid: "{{Offering}}"
            backend_type: "slurm"
            membership_sync_backend: "slurm"
            backend_settings:
              cluster_name: "testcluster"
              enable_user_homedir_account_creation: false
        {{extraSettings}}
            backend_components:
              cpu: {measured_unit: "k-Hours", unit_factor: 60000, accounting_type: "limit", label: "CPU"}
        """;

    private static ScriptedSlurm Slurm(params string[] accounts)
    {
        var slurm = new ScriptedSlurm();
        foreach (var account in accounts)
        {
            slurm.Accounts.Add(account);
            slurm.Limits[account] = "cpu=600000";
        }

        slurm.Users["hpc_m1"] = new(StringComparer.OrdinalIgnoreCase) { "alice", "carol", "svc-old" };
        return slurm;
    }

    private static async Task<MembershipTotals> SyncAsync(AgentWorld world, MembershipStatusMemory? statuses = null)
    {
        var sessions = new OfferingSessionFactory(world.Runtime);
        var session = await world.SessionAsync(sessions);
        return await new MembershipCycle(world.Runtime, session, sessions, statuses ?? new MembershipStatusMemory(), world.Heartbeat)
            .RunAsync(CancellationToken.None, CancellationToken.None);
    }

    private static List<string> Posts(AgentWorld world, int since = 0) => world.Emulator.Requests.Skip(since)
        .Where(r => r.Method == "POST").Select(r => r.Path.TrimEnd('/').Split('/')[^1]).ToList();

    [Test]
    public async Task Sync_TeamInLeaverOut_ServiceAccountsKept_LimitsFromTheBackend_ThenAQuietCycle()
    {
        var slurm = Slurm("hpc_m1");
        await using var world = await AgentWorld.StartAsync(Yaml(), Config(), slurm, DateTimeOffset.UtcNow);

        var totals = await SyncAsync(world);

        // bob joins; carol left the project; the OK service account is added, the closed one removed.
        await Assert.That(slurm.Users["hpc_m1"].Order()).IsEquivalentTo(["alice", "bob", "svc-robot"], CollectionOrdering.Matching);
        await Assert.That(totals.Synced).IsEqualTo(1);
        // The backend is the source of truth for limits: Waldur's cpu 5 becomes 600000 / 60000 = 10.
        await Assert.That(world.Emulator.Read(s => s.Resources.Find(Alloc)!.Limits["cpu"])).IsEqualTo(10);
        await Assert.That(world.Emulator.Read(s => s.Resources.Find(Alloc)!.BackendMetadata["qos"]!.GetValue<string>())).IsEqualTo("normal");
        await Assert.That(slurm.Commands.Where(c => c.Arguments.Contains("show") && c.Arguments.Contains("association"))).HasSingleItem();

        var before = world.Emulator.Requests.Count;
        var commands = slurm.Commands.Count;
        await SyncAsync(world);

        // Quiet: the listing, and the last-sync stamp in Waldur.
        await Assert.That(Posts(world, before)).IsEquivalentTo(["refresh_last_sync"], CollectionOrdering.Matching);
        await Assert.That(slurm.Commands.Skip(commands)).HasSingleItem();
        await world.AssertNoContractViolationsAsync();
    }

    [Test]
    public async Task ErredResourceThatSyncs_IsSetOk_FailingResourceIsSetErred_MissingAccountIsLeftAlone()
    {
        var extra = $$$"""
              - {uuid: {{{Erred}}}, name: Erred, offering: cluster, project: proj, plan: Default, state: Erred, backend_id: hpc_m2, limits: {cpu: 10}}
              - {uuid: b3b3b3b3b3b34b3b8b3b3b3b3b3b3b03, name: Gone, offering: cluster, project: proj, plan: Default, state: OK, backend_id: hpc_gone}
            """;
        var slurm = Slurm("hpc_m1", "hpc_m2");
        slurm.Users["hpc_m2"] = new(StringComparer.OrdinalIgnoreCase) { "alice", "bob", "svc-robot" };
        // Restoring hpc_m1 to a QoS it lacks needs a modify, which SLURM refuses.
        await using var world = await AgentWorld.StartAsync(Yaml(extra), Config("      qos_default: \"standard\""), slurm, DateTimeOffset.UtcNow);
        slurm.FailingModify = " Unknown QOS 'standard'\n";

        var totals = await SyncAsync(world);

        await Assert.That((totals.Synced, totals.Missing, totals.Deferred, totals.Failed)).IsEqualTo((0, 1, 0, 2));
        await Assert.That(world.Emulator.Read(s => s.Resources.Find(Alloc)!.State)).IsEqualTo("Erred");
        await Assert.That(world.Emulator.Read(s => s.Resources.Find(Alloc)!.ErrorMessage)).Contains("Unknown QOS");
        await Assert.That(world.Logs.Messages(LogEvents.MembershipResourceMissing).Any(m => m.Contains("hpc_gone", StringComparison.Ordinal))).IsTrue();

        slurm.FailingModify = null;
        await SyncAsync(world);

        await Assert.That(world.Emulator.Read(s => new[] { s.Resources.Find(Alloc)!.State, s.Resources.Find(Erred)!.State })).IsEquivalentTo(["OK", "OK"], CollectionOrdering.Matching);
    }

    [Test]
    public async Task TransientWaldurFailure_LeavesTheResourceForTheNextCycle_NotErred()
    {
        await using var world = await AgentWorld.StartAsync(Yaml(), Config(), Slurm("hpc_m1"), DateTimeOffset.UtcNow);
        world.Emulator.Faults.Add(new FaultRule { Path = "/api/marketplace-provider-resources/*/refresh_last_sync/", Times = 1, Status = 503 });

        var totals = await SyncAsync(world);

        await Assert.That((totals.Synced, totals.Deferred, totals.Failed)).IsEqualTo((0, 1, 0));
        await Assert.That(world.Emulator.Read(s => s.Resources.Find(Alloc)!.State)).IsEqualTo("OK");
        await Assert.That(Posts(world)).DoesNotContain("set_as_erred");
    }

    [Test]
    public async Task MembershipStatuses_OptIn_SentOnceWhileUnchanged()
    {
        var memory = new MembershipStatusMemory();
        await using var world = await AgentWorld.StartAsync(Yaml(statuses: true), Config(), Slurm("hpc_m1"), DateTimeOffset.UtcNow);

        await SyncAsync(world, memory);
        await SyncAsync(world, memory);

        await Assert.That(Posts(world).Where(p => p == "set_membership_sync_statuses")).HasSingleItem();
        var stored = world.Emulator.Read(s => s.Resources.Find(Alloc)!.MembershipSyncStatuses.Select(n => (n!["username"]!.GetValue<string>(), n["state"]!.GetValue<string>())).ToList());
        await Assert.That(stored).IsEquivalentTo([("alice@example.org", "synced"), ("bob@example.org", "synced")], CollectionOrdering.Matching);
    }

    [Test]
    public async Task PerUserLimits_FromWaldur_WrittenOnceThenLeftAlone()
    {
        var limits = """
            user_usage_limits:
              - {resource: b1b1b1b1b1b14b1b8b1b1b1b1b1b1b01, type: cpu, user: bob@example.org, limit: 2}
            """;
        var slurm = Slurm("hpc_m1");
        await using var world = await AgentWorld.StartAsync(Yaml(limits), Config(), slurm, DateTimeOffset.UtcNow);

        await SyncAsync(world);

        var modify = await Assert.That(slurm.Commands.Where(c => c.Arguments.Contains("modify") && c.Arguments.Contains("user"))).HasSingleItem();
        await Assert.That(modify!.Arguments).Contains("bob");
        await Assert.That(modify.Arguments[^1]).StartsWith("MaxTRESMins=cpu=120000,mem=-1");
    }
}
