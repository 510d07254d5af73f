using SiteAgent.IntegrationTests.Infrastructure;

namespace SiteAgent.IntegrationTests;

/// <summary>
/// A resource never claims, limits or removes an account that is not its own: identical prefixes at every
/// level, claims released after a failed creation, and erred resources pointing at another's account.
/// </summary>
public class OwnershipTests
{
    [Test]
    public async Task SamePrefixes_ResourceNamedLikeItsProject_GetsASafeIdAndTerminatingItKeepsEverySibling()
    {
        var scenario = new TestScenario(projectSlug: "same", projectName: "Same") { SamePrefixes = true };
        var same = scenario.AddCreateOrder("Same", cpu: 1, state: "executing");
        var other = scenario.AddCreateOrder("Other", cpu: 2, state: "executing");
        await using var harness = await AgentHarness.StartAsync(scenario);

        var created = await harness.RunAgentOnceAsync();

        await Assert.That(created.ExitCode == 0).IsTrue().Because(created.ToString());
        await Assert.That(await harness.OrderStateAsync(same) == "done").IsTrue().Because(await harness.OrderErrorAsync(same));
        await Assert.That(await harness.OrderStateAsync(other)).IsEqualTo("done");
        var sameResource = await harness.OrderResourceAsync(same);
        var sameId = await BackendIdAsync(harness, same);
        var otherId = await BackendIdAsync(harness, other);
        await Assert.That(sameId).IsNotEqualTo(scenario.ProjectAccount);
        await Assert.That(sameId).IsEqualTo(scenario.AllocationAccount("same-0"));
        await Assert.That((await SlurmCluster.AccountAsync(sameId))!.Parent).IsEqualTo(scenario.ProjectAccount);
        await Assert.That((await SlurmCluster.AccountAsync(otherId))!.Parent).IsEqualTo(scenario.ProjectAccount);
        var siblingsBefore = await TreeAsync(scenario, otherId);

        var terminate = Guid.NewGuid();
        harness.Emulator.Seed($"orders:\n  - {{uuid: {terminate:N}, type: Terminate, state: executing, resource: {sameResource:N}}}\n", yaml: true);
        var terminated = await harness.RunAgentOnceAsync();

        await Assert.That(terminated.ExitCode == 0).IsTrue().Because(terminated.ToString());
        await Assert.That(await harness.OrderStateAsync(terminate)).IsEqualTo("done");
        await Assert.That(await SlurmCluster.AccountAsync(sameId)).IsNull();
        await Assert.That(await TreeAsync(scenario, otherId)).IsEquivalentTo(siblingsBefore, CollectionOrdering.Matching);
        harness.AssertNoContractViolations();
    }

    [Test]
    public async Task Terminate_ErredResourceWhoseBackendIdIsItsProjectAccount_IsDoneWithNothingRemoved()
    {
        // What the reference left: the erred "Same" kept the project account's id as its backend_id.
        var scenario = new TestScenario(projectSlug: "same", projectName: "Same") { SamePrefixes = true };
        var other = scenario.AddCreateOrder("Other", cpu: 2, state: "executing");
        var same = scenario.AddResource("Same", scenario.ProjectAccount, cpu: 1, state: "Erred");
        await using var harness = await AgentHarness.StartAsync(scenario);
        await Assert.That((await harness.RunAgentOnceAsync()).ExitCode).IsEqualTo(0);
        var otherId = await BackendIdAsync(harness, other);
        var before = await TreeAsync(scenario, otherId);
        var terminate = Guid.NewGuid();
        harness.Emulator.Seed($"orders:\n  - {{uuid: {terminate:N}, type: Terminate, state: executing, resource: {same:N}}}\n", yaml: true);

        var outcome = await harness.RunAgentOnceAsync();

        await Assert.That(outcome.ExitCode == 0).IsTrue().Because(outcome.ToString());
        await Assert.That(await harness.OrderStateAsync(terminate)).IsEqualTo("done");
        await Assert.That(await TreeAsync(scenario, otherId)).IsEquivalentTo(before, CollectionOrdering.Matching);
        await Assert.That(outcome.Output).Contains($"holds backend_id {scenario.ProjectAccount}, but that SLURM account is not the resource's own");
        await Assert.That(outcome.Output).Contains("is the project account of this resource");
    }

    [Test]
    public async Task CreateOrder_ResumedWithAClaimThatIsNotItsOwn_ReleasesItAndCreatesUnderASafeId()
    {
        // A Create interrupted after claiming an id that turned out to be the project account's.
        var scenario = new TestScenario(projectSlug: "same", projectName: "Same") { SamePrefixes = true };
        var other = scenario.AddCreateOrder("Other", cpu: 2, state: "executing");
        var same = scenario.AddResource("Same", scenario.ProjectAccount, cpu: 1, state: "Creating");
        var create = scenario.AddOrder("Create", same);
        await using var harness = await AgentHarness.StartAsync(scenario);

        var outcome = await harness.RunAgentOnceAsync();

        await Assert.That(outcome.ExitCode == 0).IsTrue().Because(outcome.ToString());
        await Assert.That(await harness.OrderStateAsync(create) == "done").IsTrue().Because(await harness.OrderErrorAsync(create));
        await Assert.That(await harness.OrderStateAsync(other)).IsEqualTo("done");
        var id = scenario.AllocationAccount("same-0");
        await Assert.That((await harness.ResourceAsync(same)).GetProperty("backend_id").GetString()).IsEqualTo(id);
        await Assert.That(harness.Requests("POST", $"/{same:N}/set_backend_id/").Select(r => BackendIdOf(r.RequestBody))).IsEquivalentTo([string.Empty, id], CollectionOrdering.Matching);
        await Assert.That((await SlurmCluster.AccountAsync(id))!.Parent).IsEqualTo(scenario.ProjectAccount);
        await Assert.That((await SlurmCluster.AccountAsync(await BackendIdAsync(harness, other)))!.Parent).IsEqualTo(scenario.ProjectAccount);
    }

    [Test]
    public async Task FailedCreation_ReleasesItsClaim_ALaterResourceGetsTheIdAndTerminatingTheFirstTouchesNothingOfIt()
    {
        var scenario = new TestScenario { AccountNamePolicy = "project_slug" };
        var id = scenario.AllocationAccount(scenario.ProjectSlug);
        var first = scenario.AddCreateOrder("First", cpu: 1, state: "executing");
        await using var harness = await AgentHarness.StartAsync(scenario);
        var recorder = SacctmgrRecorder.Create(harness.Directory, failAddAccountOnce: id);
        harness.WriteConfig(new Dictionary<string, string> { ["slurm_bin_path"] = $"\"{recorder.BinPath}\"" });

        var failed = await harness.RunAgentOnceAsync();

        await Assert.That(failed.ExitCode == 0).IsTrue().Because(failed.ToString());
        await Assert.That(await harness.OrderStateAsync(first)).IsEqualTo("erred");
        await Assert.That(await harness.OrderErrorAsync(first)).Contains("injected failure");
        var firstResource = await harness.OrderResourceAsync(first);
        await Assert.That((await harness.ResourceAsync(firstResource)).GetProperty("backend_id").GetString()).IsEqualTo(string.Empty);
        await Assert.That(harness.Requests("POST", $"/{firstResource:N}/set_backend_id/").Select(r => BackendIdOf(r.RequestBody))).IsEquivalentTo([id, string.Empty], CollectionOrdering.Matching);
        await Assert.That(await SlurmCluster.AccountAsync(id)).IsNull();

        var (second, seed) = scenario.CreateOrderSeed("Second", cpu: 3);
        harness.Emulator.Seed(seed, yaml: true);
        var created = await harness.RunAgentOnceAsync();

        await Assert.That(created.ExitCode == 0).IsTrue().Because(created.ToString());
        await Assert.That(await harness.OrderStateAsync(second)).IsEqualTo("done");
        await Assert.That(await BackendIdAsync(harness, second)).IsEqualTo(id);
        var before = await TreeAsync(scenario, id);
        await Assert.That(before.Where(r => r.Account == id && r.User.Length > 0).Select(r => r.User).Order()).IsEquivalentTo(scenario.Usernames.Order(), CollectionOrdering.Matching);

        var terminate = Guid.NewGuid();
        harness.Emulator.Seed($"orders:\n  - {{uuid: {terminate:N}, type: Terminate, state: executing, resource: {firstResource:N}}}\n", yaml: true);
        var terminated = await harness.RunAgentOnceAsync();

        await Assert.That(terminated.ExitCode == 0).IsTrue().Because(terminated.ToString());
        await Assert.That(await harness.OrderStateAsync(terminate)).IsEqualTo("done");
        await Assert.That(await TreeAsync(scenario, id)).IsEquivalentTo(before, CollectionOrdering.Matching);
        await Assert.That((await SlurmCluster.AccountAsync(id))!.GrpTresMins).IsEqualTo("cpu=180000");
    }

    [Test]
    public async Task Restore_ProjectSlugPolicy_OntoALiveSiblingsAccount_ErrsAndLeavesItsCapsAndUsers()
    {
        var scenario = new TestScenario { AccountNamePolicy = "project_slug" };
        var live = scenario.AddCreateOrder("Live", cpu: 3, state: "executing");
        await using var harness = await AgentHarness.StartAsync(scenario);
        await Assert.That((await harness.RunAgentOnceAsync()).ExitCode).IsEqualTo(0);
        var id = await BackendIdAsync(harness, live);
        var before = await TreeAsync(scenario, id);
        // An older resource of the same project that held the same id before it was terminated.
        var old = Guid.NewGuid();
        var restore = Guid.NewGuid();
        harness.Emulator.Seed($$"""
            resources:
              - {uuid: {{old:N}}, name: Old, offering: {{scenario.OfferingUuid:N}}, project: {{scenario.ProjectSlug}}, plan: Default, state: Terminated, backend_id: "{{id}}", limits: {cpu: 50} }
            orders:
              - {uuid: {{restore:N}}, type: Restore, state: executing, resource: {{old:N}}}

            """, yaml: true);

        var outcome = await harness.RunAgentOnceAsync();

        await Assert.That(outcome.ExitCode == 0).IsTrue().Because(outcome.ToString());
        await Assert.That(await harness.OrderStateAsync(restore)).IsEqualTo("erred");
        var error = await harness.OrderErrorAsync(restore);
        await Assert.That(error).Contains($"backend id {id} is also held by resource Live");
        await Assert.That(await TreeAsync(scenario, id)).IsEquivalentTo(before, CollectionOrdering.Matching);
        await Assert.That((await SlurmCluster.AccountAsync(id))!.GrpTresMins).IsEqualTo("cpu=180000");
    }

    [Test]
    public async Task Terminate_AllocationAlreadyGone_RemovesTheNowEmptyProjectAccount()
    {
        var scenario = new TestScenario();
        var create = scenario.AddCreateOrder("Gone", cpu: 1, state: "executing");
        await using var harness = await AgentHarness.StartAsync(scenario);
        await Assert.That((await harness.RunAgentOnceAsync()).ExitCode).IsEqualTo(0);
        var id = await BackendIdAsync(harness, create);
        // An earlier partial failure removed the allocation and left its project account.
        await SlurmCluster.WriteAsync("remove", "user", "where", $"account={id}", $"cluster={SlurmCluster.Name}");
        await SlurmCluster.WriteAsync("remove", "account", "where", $"name={id}", $"cluster={SlurmCluster.Name}");
        await Assert.That(await SlurmCluster.AccountAsync(scenario.ProjectAccount)).IsNotNull();
        var terminate = Guid.NewGuid();
        harness.Emulator.Seed($"orders:\n  - {{uuid: {terminate:N}, type: Terminate, state: executing, resource: {await harness.OrderResourceAsync(create):N}}}\n", yaml: true);

        var outcome = await harness.RunAgentOnceAsync();

        await Assert.That(outcome.ExitCode == 0).IsTrue().Because(outcome.ToString());
        await Assert.That(await harness.OrderStateAsync(terminate)).IsEqualTo("done");
        await Assert.That(await SlurmCluster.AccountAsync(scenario.ProjectAccount)).IsNull();
        await Assert.That(await SlurmCluster.AccountAsync(scenario.CustomerAccount)).IsNotNull();
    }

    private static async Task<string> BackendIdAsync(AgentHarness harness, Guid order) =>
        (await harness.ResourceAsync(await harness.OrderResourceAsync(order))).GetProperty("backend_id").GetString()!;

    private static string BackendIdOf(string? body) =>
        System.Text.Json.JsonDocument.Parse(body!).RootElement.GetProperty("backend_id").GetString()!;

    /// <summary>Every association of the project, customer and <paramref name="account"/>: what a wrong removal would change.</summary>
    private static async Task<IReadOnlyList<AssociationRow>> TreeAsync(TestScenario scenario, string account)
    {
        var rows = new List<AssociationRow>();
        foreach (var name in new[] { scenario.CustomerAccount, scenario.ProjectAccount, account })
        {
            rows.AddRange(await SlurmCluster.AssociationsAsync(name));
        }

        await Assert.That(rows).Contains(r => r.Account == account && r.User.Length == 0);
        return rows.OrderBy(r => r.Account, StringComparer.Ordinal).ThenBy(r => r.User, StringComparer.Ordinal).ToList();
    }
}
