using SiteAgent.Core.Membership;
using SiteAgent.Core.Observability;
using SiteAgent.Core.Offerings;
using SiteAgent.Core.Tests.Support;
using static SiteAgent.Core.Tests.Membership.ScriptedUsernames;

namespace SiteAgent.Core.Tests.Membership;

/// <summary>The offering-user state machine driven by the processor against the emulator's Waldur FSM.</summary>
public sealed class OfferingUsersProcessorTests
{
    private const string Offering = "0f0f0f0f0f0f4f0f8f0f0f0f0f0f0f02";

    private static string Yaml(string users, bool canCreate = true) => $$"""
        users:
          - {username: agent, is_staff: true}
          - {username: u0, email: user00@example.org}
          - {username: u1, email: user01@example.org}
          - {username: u2, email: user02@example.org}
          - {username: u3, email: user03@example.org}
          - {username: u4, email: user04@example.org}
          - {username: u5, email: user05@example.org}
        tokens:
          - {token: {{AgentWorld.Token}}, user: agent}
        customers:
          - {name: Provider, slug: prov}
        offerings:
          - name: Cluster
            uuid: {{Offering}}
            slug: cluster
            customer: prov
            plugin_options: {username_generation_policy: service_provider, service_provider_can_create_offering_user: {{(canCreate ? "true" : "false")}}}
            components:
              - {type: cpu, name: CPU, billing_type: usage, measured_unit: CPU-minutes}
        offering_users:
        {{users}}
        """;

    private static Func<string, string> Config(string usernames) => api => $$"""
        offerings:
          - name: "Cluster"
            waldur_api_url: "{{api}}"
            waldur_api_token: "{{AgentWorld.Token}}"
            waldur_offering_uuid: "{{Offering}}"
            backend_type: "slurm"
            membership_sync_backend: "slurm"
            username_management_backend: "{{usernames}}"
            backend_settings:
              enable_user_homedir_account_creation: false
        """;

    private static async Task<IReadOnlyList<Waldur.Models.OfferingUser>> ProcessAsync(AgentWorld world)
    {
        var sessions = new OfferingSessionFactory(world.Runtime);
        var session = await world.SessionAsync(sessions);
        return await new OfferingUsersProcessor(session, sessions).ProcessAsync(CancellationToken.None);
    }

    private static Dictionary<string, (string State, string? Username, string Comment)> States(AgentWorld world) => world.Emulator.Read(s =>
        s.OfferingUsers.ToDictionary(u => u.User.Email, u => (u.State, u.Username, u.ServiceProviderComment)));

    private static List<string> Transitions(AgentWorld world) => world.Emulator.Requests
        .Where(r => r.Path.StartsWith("/api/marketplace-offering-users/", StringComparison.Ordinal) && r.Method is "POST" or "PATCH")
        .Select(r => r.Method == "PATCH" ? "PATCH" : r.Path.TrimEnd('/').Split('/')[^1]).ToList();

    [Test]
    public async Task ReferenceVector_RequestedPendingCreating_AllGetTheirNames_OneValidationComplete()
    {
        var usernames = new ScriptedUsernames();
        usernames.Answers["user00@example.org"] = Name("user00");
        usernames.Answers["user01@example.org"] = Name("user01");
        usernames.Answers["user02@example.org"] = Name("user02");
        await using var world = await AgentWorld.StartAsync(Yaml("""
              - {offering: cluster, user: u0, state: Requested}
              - {offering: cluster, user: u1, state: Pending account linking}
              - {offering: cluster, user: u2, state: Creating}
            """), Config("scripted"), new ScriptedSlurm(), DateTimeOffset.UtcNow, usernames);

        var users = await ProcessAsync(world);

        await Assert.That(States(world).Values.Select(s => s.State)).IsEquivalentTo(["OK", "OK", "OK"], CollectionOrdering.Matching);
        await Assert.That(States(world).Values.Select(s => s.Username ?? string.Empty).Order()).IsEquivalentTo(["user00", "user01", "user02"], CollectionOrdering.Matching);
        await Assert.That(Transitions(world).Order()).IsEquivalentTo(["PATCH", "PATCH", "PATCH", "begin_creating", "set_validation_complete"], CollectionOrdering.Matching);
        await Assert.That(users.Count(u => u.State == "OK")).IsEqualTo(3);
        await world.AssertNoContractViolationsAsync();
    }

    [Test]
    public async Task EveryOutcome_MovesEachUserOnce_ASecondRunMovesNothingAlreadyMoved()
    {
        var usernames = new ScriptedUsernames();
        usernames.Answers["user00@example.org"] = Linking("Link your university account first.");
        usernames.Answers["user01@example.org"] = Fails("the directory refused the account");
        usernames.Answers["user02@example.org"] = Validation("Upload your ID.");
        usernames.Answers["user03@example.org"] = Validation("Upload your ID.");
        usernames.Answers["user04@example.org"] = Breaks("directory unreachable");
        await using var world = await AgentWorld.StartAsync(Yaml("""
              - {offering: cluster, user: u0, state: Requested}
              - {offering: cluster, user: u1, state: Creating}
              - {offering: cluster, user: u2, state: Pending account linking}
              - {offering: cluster, user: u3, state: Pending additional validation}
              - {offering: cluster, user: u4, state: Error creating}
              - {offering: cluster, user: u5, state: OK, username: e5}
            """), Config("scripted"), new ScriptedSlurm(), DateTimeOffset.UtcNow, usernames);

        await ProcessAsync(world);

        var states = States(world);
        await Assert.That((states["user00@example.org"].State, states["user00@example.org"].Comment)).IsEqualTo(("Pending account linking", "Link your university account first."));
        await Assert.That(states["user01@example.org"].State).IsEqualTo("Error creating");
        await Assert.That((states["user02@example.org"].State, states["user02@example.org"].Comment)).IsEqualTo(("Pending additional validation", "Upload your ID."));
        await Assert.That(states["user03@example.org"].State).IsEqualTo("Pending additional validation");
        // Another failure changes nothing beyond the retry of Error creating.
        await Assert.That(states["user04@example.org"].State).IsEqualTo("Creating");
        await Assert.That((states["user05@example.org"].State, states["user05@example.org"].Username)).IsEqualTo(("OK", "e5"));
        await Assert.That(Transitions(world).Order()).IsEquivalentTo(
            ["begin_creating", "begin_creating", "set_error_creating", "set_pending_account_linking", "set_pending_additional_validation"], CollectionOrdering.Matching);
        await Assert.That(usernames.ProfilesSynced.Order()).IsEquivalentTo(
            ["user00@example.org", "user01@example.org", "user02@example.org", "user03@example.org", "user04@example.org", "user05@example.org"], CollectionOrdering.Matching);

        world.Emulator.Read(s => { s.OfferingUsers.Clear(); return 0; });
        var before = Transitions(world).Count;
        world.Emulator.Seed("""
            offering_users:
              - {offering: cluster, user: u0, state: Pending account linking}
              - {offering: cluster, user: u3, state: Pending additional validation}
            """, yaml: true);
        await ProcessAsync(world);

        // Still the same action needed: no call.
        await Assert.That(Transitions(world).Count).IsEqualTo(before);
    }

    [Test]
    public async Task BaseBackend_RequestedBecomesCreating_ErrorCreatingRetried_ThenNothingMore()
    {
        await using var world = await AgentWorld.StartAsync(Yaml("""
              - {offering: cluster, user: u0, state: Requested}
              - {offering: cluster, user: u1, state: Error creating}
              - {offering: cluster, user: u2, state: OK, username: e2}
            """), Config("base"), new ScriptedSlurm(), DateTimeOffset.UtcNow);

        await ProcessAsync(world);
        var first = Transitions(world);
        await ProcessAsync(world);

        await Assert.That(first).IsEquivalentTo(["begin_creating", "begin_creating"], CollectionOrdering.Matching);
        await Assert.That(Transitions(world)).IsEquivalentTo(first, CollectionOrdering.Matching);
        await Assert.That(States(world).Values.Select(s => s.State).Order()).IsEquivalentTo(["Creating", "Creating", "OK"], CollectionOrdering.Matching);
    }

    [Test]
    public async Task ServiceProviderPolicyWithoutTheFlag_NoUsersAndAnErrorNamingTheOption()
    {
        await using var world = await AgentWorld.StartAsync(Yaml("  - {offering: cluster, user: u0, state: Requested}", canCreate: false),
            Config("base"), new ScriptedSlurm(), DateTimeOffset.UtcNow);

        var users = await ProcessAsync(world);

        await Assert.That(users).IsEmpty();
        await Assert.That(Transitions(world)).IsEmpty();
        await Assert.That(world.Logs.Messages(LogEvents.UsernameConfigurationIncomplete).Any(m => m.Contains("service_provider_can_create_offering_user", StringComparison.Ordinal))).IsTrue();
    }
}
