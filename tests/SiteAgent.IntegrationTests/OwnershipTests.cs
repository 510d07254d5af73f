using SiteAgent.IntegrationTests.Infrastructure;

namespace SiteAgent.IntegrationTests;

/// <summary>
/// A resource never claims, limits or removes an account that is not its own: identical prefixes at every
/// level, claims released after a failed creation, and erred resources pointing at another's account.
/// </summary>
public class OwnershipTests
{
    [Fact]
    public async Task SamePrefixes_ResourceNamedLikeItsProject_GetsASafeIdAndTerminatingItKeepsEverySibling()
    {
        var scenario = new TestScenario(projectSlug: "same", projectName: "Same") { SamePrefixes = true };
        var same = scenario.AddCreateOrder("Same", cpu: 1, state: "executing");
        var other = scenario.AddCreateOrder("Other", cpu: 2, state: "executing");
        await using var harness = await AgentHarness.StartAsync(scenario);

        var created = await harness.RunAgentOnceAsync();

        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.True(await harness.OrderStateAsync(same) == "done", await harness.OrderErrorAsync(same));
        Assert.Equal("done", await harness.OrderStateAsync(other));
        var sameResource = await harness.OrderResourceAsync(same);
        var sameId = await BackendIdAsync(harness, same);
        var otherId = await BackendIdAsync(harness, other);
        Assert.NotEqual(scenario.ProjectAccount, sameId);
        Assert.Equal(scenario.AllocationAccount("same-0"), sameId);
        Assert.Equal(scenario.ProjectAccount, (await SlurmCluster.AccountAsync(sameId))!.Parent);
        Assert.Equal(scenario.ProjectAccount, (await SlurmCluster.AccountAsync(otherId))!.Parent);
        var siblingsBefore = await TreeAsync(scenario, otherId);

        var terminate = Guid.NewGuid();
        harness.Emulator.Seed($"orders:\n  - {{uuid: {terminate:N}, type: Terminate, state: executing, resource: {sameResource:N}}}\n", yaml: true);
        var terminated = await harness.RunAgentOnceAsync();

        Assert.True(terminated.ExitCode == 0, terminated.ToString());
        Assert.Equal("done", await harness.OrderStateAsync(terminate));
        Assert.Null(await SlurmCluster.AccountAsync(sameId));
        Assert.Equal(siblingsBefore, await TreeAsync(scenario, otherId));
        harness.AssertNoContractViolations();
    }

    [Fact]
    public async Task Terminate_ErredResourceWhoseBackendIdIsItsProjectAccount_IsDoneWithNothingRemoved()
    {
        // What the reference left: the erred "Same" kept the project account's id as its backend_id.
        var scenario = new TestScenario(projectSlug: "same", projectName: "Same") { SamePrefixes = true };
        var other = scenario.AddCreateOrder("Other", cpu: 2, state: "executing");
        var same = scenario.AddResource("Same", scenario.ProjectAccount, cpu: 1, state: "Erred");
        await using var harness = await AgentHarness.StartAsync(scenario);
        Assert.Equal(0, (await harness.RunAgentOnceAsync()).ExitCode);
        var otherId = await BackendIdAsync(harness, other);
        var before = await TreeAsync(scenario, otherId);
        var terminate = Guid.NewGuid();
        harness.Emulator.Seed($"orders:\n  - {{uuid: {terminate:N}, type: Terminate, state: executing, resource: {same:N}}}\n", yaml: true);

        var outcome = await harness.RunAgentOnceAsync();

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal("done", await harness.OrderStateAsync(terminate));
        Assert.Equal(before, await TreeAsync(scenario, otherId));
        Assert.Contains($"holds backend_id {scenario.ProjectAccount}, but that SLURM account is not the resource's own", outcome.Output, StringComparison.Ordinal);
        Assert.Contains("is the project account of this resource", outcome.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateOrder_ResumedWithAClaimThatIsNotItsOwn_ReleasesItAndCreatesUnderASafeId()
    {
        // A Create interrupted after claiming an id that turned out to be the project account's.
        var scenario = new TestScenario(projectSlug: "same", projectName: "Same") { SamePrefixes = true };
        var other = scenario.AddCreateOrder("Other", cpu: 2, state: "executing");
        var same = scenario.AddResource("Same", scenario.ProjectAccount, cpu: 1, state: "Creating");
        var create = scenario.AddOrder("Create", same);
        await using var harness = await AgentHarness.StartAsync(scenario);

        var outcome = await harness.RunAgentOnceAsync();

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.True(await harness.OrderStateAsync(create) == "done", await harness.OrderErrorAsync(create));
        Assert.Equal("done", await harness.OrderStateAsync(other));
        var id = scenario.AllocationAccount("same-0");
        Assert.Equal(id, (await harness.ResourceAsync(same)).GetProperty("backend_id").GetString());
        Assert.Equal([string.Empty, id], harness.Requests("POST", $"/{same:N}/set_backend_id/").Select(r => BackendIdOf(r.RequestBody)));
        Assert.Equal(scenario.ProjectAccount, (await SlurmCluster.AccountAsync(id))!.Parent);
        Assert.Equal(scenario.ProjectAccount, (await SlurmCluster.AccountAsync(await BackendIdAsync(harness, other)))!.Parent);
    }

    [Fact]
    public async Task FailedCreation_ReleasesItsClaim_ALaterResourceGetsTheIdAndTerminatingTheFirstTouchesNothingOfIt()
    {
        var scenario = new TestScenario { AccountNamePolicy = "project_slug" };
        var id = scenario.AllocationAccount(scenario.ProjectSlug);
        var first = scenario.AddCreateOrder("First", cpu: 1, state: "executing");
        await using var harness = await AgentHarness.StartAsync(scenario);
        var recorder = SacctmgrRecorder.Create(harness.Directory, failAddAccountOnce: id);
        harness.WriteConfig(new Dictionary<string, string> { ["slurm_bin_path"] = $"\"{recorder.BinPath}\"" });

        var failed = await harness.RunAgentOnceAsync();

        Assert.True(failed.ExitCode == 0, failed.ToString());
        Assert.Equal("erred", await harness.OrderStateAsync(first));
        Assert.Contains("injected failure", await harness.OrderErrorAsync(first), StringComparison.Ordinal);
        var firstResource = await harness.OrderResourceAsync(first);
        Assert.Equal(string.Empty, (await harness.ResourceAsync(firstResource)).GetProperty("backend_id").GetString());
        Assert.Equal([id, string.Empty], harness.Requests("POST", $"/{firstResource:N}/set_backend_id/").Select(r => BackendIdOf(r.RequestBody)));
        Assert.Null(await SlurmCluster.AccountAsync(id));

        var (second, seed) = scenario.CreateOrderSeed("Second", cpu: 3);
        harness.Emulator.Seed(seed, yaml: true);
        var created = await harness.RunAgentOnceAsync();

        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Equal("done", await harness.OrderStateAsync(second));
        Assert.Equal(id, await BackendIdAsync(harness, second));
        var before = await TreeAsync(scenario, id);
        Assert.Equal(scenario.Usernames.Order(), before.Where(r => r.Account == id && r.User.Length > 0).Select(r => r.User).Order());

        var terminate = Guid.NewGuid();
        harness.Emulator.Seed($"orders:\n  - {{uuid: {terminate:N}, type: Terminate, state: executing, resource: {firstResource:N}}}\n", yaml: true);
        var terminated = await harness.RunAgentOnceAsync();

        Assert.True(terminated.ExitCode == 0, terminated.ToString());
        Assert.Equal("done", await harness.OrderStateAsync(terminate));
        Assert.Equal(before, await TreeAsync(scenario, id));
        Assert.Equal("cpu=180000", (await SlurmCluster.AccountAsync(id))!.GrpTresMins);
    }

    [Fact]
    public async Task Restore_ProjectSlugPolicy_OntoALiveSiblingsAccount_ErrsAndLeavesItsCapsAndUsers()
    {
        var scenario = new TestScenario { AccountNamePolicy = "project_slug" };
        var live = scenario.AddCreateOrder("Live", cpu: 3, state: "executing");
        await using var harness = await AgentHarness.StartAsync(scenario);
        Assert.Equal(0, (await harness.RunAgentOnceAsync()).ExitCode);
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

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal("erred", await harness.OrderStateAsync(restore));
        var error = await harness.OrderErrorAsync(restore);
        Assert.Contains($"backend id {id} is also held by resource Live", error, StringComparison.Ordinal);
        Assert.Equal(before, await TreeAsync(scenario, id));
        Assert.Equal("cpu=180000", (await SlurmCluster.AccountAsync(id))!.GrpTresMins);
    }

    [Fact]
    public async Task Terminate_AllocationAlreadyGone_RemovesTheNowEmptyProjectAccount()
    {
        var scenario = new TestScenario();
        var create = scenario.AddCreateOrder("Gone", cpu: 1, state: "executing");
        await using var harness = await AgentHarness.StartAsync(scenario);
        Assert.Equal(0, (await harness.RunAgentOnceAsync()).ExitCode);
        var id = await BackendIdAsync(harness, create);
        // An earlier partial failure removed the allocation and left its project account.
        await SlurmCluster.WriteAsync("remove", "user", "where", $"account={id}", $"cluster={SlurmCluster.Name}");
        await SlurmCluster.WriteAsync("remove", "account", "where", $"name={id}", $"cluster={SlurmCluster.Name}");
        Assert.NotNull(await SlurmCluster.AccountAsync(scenario.ProjectAccount));
        var terminate = Guid.NewGuid();
        harness.Emulator.Seed($"orders:\n  - {{uuid: {terminate:N}, type: Terminate, state: executing, resource: {await harness.OrderResourceAsync(create):N}}}\n", yaml: true);

        var outcome = await harness.RunAgentOnceAsync();

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal("done", await harness.OrderStateAsync(terminate));
        Assert.Null(await SlurmCluster.AccountAsync(scenario.ProjectAccount));
        Assert.NotNull(await SlurmCluster.AccountAsync(scenario.CustomerAccount));
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

        Assert.Contains(rows, r => r.Account == account && r.User.Length == 0);
        return rows.OrderBy(r => r.Account, StringComparer.Ordinal).ThenBy(r => r.User, StringComparer.Ordinal).ToList();
    }
}
