using System.Text.Json;
using SiteAgent.IntegrationTests.Infrastructure;
using SiteAgent.Testing;

namespace SiteAgent.IntegrationTests;

/// <summary>
/// The two provider-triggered events end to end: the AOT binary in event_process mode on the real
/// RabbitMQ the emulator publishes to, and the real SLURM cluster. Accounts are made and removed by hand
/// through the one locked test write path, as an administrator would.
/// </summary>
[NotInParallel("rabbitmq-broker")]
public class EventImportAndResyncTests
{
    private static readonly TimeSpan Patience = EventAgent.Patience;

    [Test]
    public async Task ImportRequest_ReportsHandMadeAccounts_WithLimits_SkipsUnknownProjectsAndWhatWaldurKnows()
    {
        var scenario = new TestScenario();
        var project = scenario.ProjectAccount;
        var handMade = scenario.AccountPrefix + "a_hand";
        var orphan = scenario.AccountPrefix + "a_orphan";
        var reported = scenario.AccountPrefix + "a_reported";
        var inWaldur = scenario.AccountPrefix + "a_inwaldur";
        var noProject = scenario.AccountPrefix + "p_nosuch";
        scenario.AddResource("Known", inWaldur, cpu: 1);
        await using var harness = await StartHarnessAsync(scenario, importEnabled: true);
        harness.Emulator.Seed($$"""
            backend_resources:
              - {name: {{reported}}, offering: {{scenario.OfferingUuid:N}}, project: {{scenario.ProjectSlug}}, backend_id: {{reported}}}
            """, yaml: true);
        try
        {
            await AddAccountAsync(project, "root", project);
            await AddAccountAsync(noProject, "root", noProject);
            await AddAccountAsync(handMade, project, project, "cpu=300000,mem=122880");
            await AddAccountAsync(reported, project, project);
            await AddAccountAsync(inWaldur, project, project);
            await AddAccountAsync(orphan, noProject, noProject);
            using var agent = await StartAgentAsync(harness);

            var request = Guid.NewGuid();
            harness.Emulator.Seed($"backend_resource_requests:\n  - {{uuid: {request:N}, offering: {scenario.OfferingUuid:N}, state: Sent}}\n", yaml: true);

            await Assert.That(await RunningProcess.WaitUntilAsync(async () => await RequestStateAsync(harness, request) == "Done", Patience)).IsTrue().Because(Log(agent));
            var imported = await BackendResourcesAsync(harness);
            // The hand-made allocation, with its GrpTRESMins in Waldur units; the one reported before stays single.
            await Assert.That(imported.Select(r => r.GetProperty("backend_id").GetString()!).Order())
                .IsEquivalentTo(new[] { handMade, reported }.Order(), CollectionOrdering.Matching).Because(Log(agent));
            var hand = imported.Single(r => r.GetProperty("backend_id").GetString() == handMade);
            await Assert.That(hand.GetProperty("name").GetString()).IsEqualTo(handMade);
            await Assert.That(hand.GetProperty("project").GetString()).IsEqualTo(await ProjectUuidAsync(harness, scenario.ProjectSlug));
            var limits = hand.GetProperty("backend_metadata").GetProperty("limits");
            await Assert.That((limits.GetProperty("cpu").GetDecimal(), limits.GetProperty("mem").GetDecimal())).IsEqualTo((5m, 2m));
            var log = Log(agent);
            await Assert.That(log).Contains($"backend resource {orphan} is not reported: no Waldur project has the slug nosuch");
            await Assert.That(log).Contains("import request " + request + " done");
            await Assert.That(harness.Requests("POST", "/api/backend-resources/")).HasSingleItem();
            await StopAsync(agent);
            harness.AssertNoContractViolations();
        }
        finally
        {
            await SlurmCluster.RemoveAccountsAsync(scenario.AccountPrefix);
        }
    }

    [Test]
    public async Task ForcedResourcesSync_RecreatesARemovedAccountWithItsUsers_AndErrsTheOneThatCannotBe()
    {
        var scenario = new TestScenario();
        var create = scenario.AddCreateOrder("Lost", cpu: 2, state: "executing");
        var broken = scenario.AddResource("Broken", scenario.AccountPrefix + "a_bad name", cpu: 1);
        await using var harness = await StartHarnessAsync(scenario, importEnabled: false);
        try
        {
            using var agent = await StartAgentAsync(harness);
            // The start-up pass completes the executing order: the account with alice and bob.
            await Assert.That(await RunningProcess.WaitUntilAsync(async () => await harness.OrderStateAsync(create) == "done", Patience)).IsTrue().Because(Log(agent));
            var resource = await harness.OrderResourceAsync(create);
            var account = (await harness.ResourceAsync(resource)).GetProperty("backend_id").GetString()!;
            await Assert.That(await WaitForUsersAsync(account, scenario.Usernames)).IsTrue().Because(Log(agent));

            // An administrator removes the allocation by hand.
            await SlurmCluster.WriteAsync("remove", "user", "where", $"account={account}", $"cluster={SlurmCluster.Name}");
            await SlurmCluster.WriteAsync("remove", "account", "where", $"name={account}", $"cluster={SlurmCluster.Name}");
            await Assert.That(await SlurmCluster.AccountAsync(account)).IsNull();

            harness.Emulator.Seed($"offering_resources_syncs:\n  - {{offering: {scenario.OfferingUuid:N}}}\n", yaml: true);

            await Assert.That(await WaitForUsersAsync(account, scenario.Usernames)).IsTrue().Because(Log(agent));
            await Assert.That((await SlurmCluster.AccountAsync(account))!.GrpTresMins).IsEqualTo("cpu=120000");
            await Assert.That(await RunningProcess.WaitUntilAsync(async () => await StateAsync(harness, broken) == "Erred", Patience)).IsTrue().Because(Log(agent));
            await Assert.That(await StateAsync(harness, resource)).IsEqualTo("OK");
            await Assert.That(Log(agent)).Contains($"had no backend resource; re-created {account}");
            await Assert.That(Log(agent)).Contains("event_process-offering_resources_sync: membership synced");
            await StopAsync(agent);
        }
        finally
        {
            await SlurmCluster.RemoveAccountsAsync(scenario.AccountPrefix);
        }
    }

    private static Task AddAccountAsync(string account, string parent, string organization, string? limits = null) =>
        SlurmCluster.WriteAsync(
        [
            "add", "account", account, $"parent={parent}", $"description={account}", $"organization={organization}", $"cluster={SlurmCluster.Name}",
            .. limits is null ? Array.Empty<string>() : [$"GrpTRESMins={limits}"],
        ]);

    private static async Task<string?> RequestStateAsync(AgentHarness harness, Guid request) =>
        (await harness.GetAsync($"backend-resource-requests/{request:N}/")).GetProperty("state").GetString();

    private static async Task<IReadOnlyList<JsonElement>> BackendResourcesAsync(AgentHarness harness) =>
        (await harness.GetAsync($"backend-resources/?offering_uuid={harness.Scenario.OfferingUuid:N}")).EnumerateArray().ToList();

    private static async Task<string> ProjectUuidAsync(AgentHarness harness, string slug) =>
        (await harness.GetAsync($"projects/?slug={slug}")).EnumerateArray().Single().GetProperty("uuid").GetString()!;

    private static async Task<string?> StateAsync(AgentHarness harness, Guid resource) =>
        (await harness.ResourceAsync(resource)).GetProperty("state").GetString();

    private static async Task<AgentHarness> StartHarnessAsync(TestScenario scenario, bool importEnabled)
    {
        var harness = await EventAgent.StartHarnessAsync(scenario);
        if (importEnabled)
        {
            File.WriteAllText(harness.ConfigPath, File.ReadAllText(harness.ConfigPath)
                .Replace("    stomp_enabled: true\n", "    stomp_enabled: true\n    resource_import_enabled: true\n", StringComparison.Ordinal));
        }

        return harness;
    }

    private static Task<RunningProcess> StartAgentAsync(AgentHarness harness) => EventAgent.StartAsync(harness);

    private static Task StopAsync(RunningProcess agent) => EventAgent.StopAsync(agent);

    private static Task<bool> WaitForUsersAsync(string account, string[] expected) => EventAgent.WaitForUsersAsync(account, expected);

    private static string Log(RunningProcess agent) => EventAgent.Log(agent);
}
