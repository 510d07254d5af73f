using SiteAgent.IntegrationTests.Infrastructure;

namespace SiteAgent.IntegrationTests;

/// <summary>Create, update, terminate and restore, end to end: AOT binary, Waldur emulator, real SLURM.</summary>
public class OrderLifecycleTests
{
    [Fact]
    public async Task CreateOrder_PendingProvider_IsApprovedAndAccountCreatedWithLimitsAndUsers()
    {
        var scenario = new TestScenario();
        var order = scenario.AddCreateOrder("Alloc One", cpu: 20);
        await using var harness = await AgentHarness.StartAsync(scenario);

        var outcome = await harness.RunAgentOnceAsync();

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal("done", await harness.OrderStateAsync(order));
        Assert.Single(harness.Requests("POST", "/approve_by_provider/"));
        var resource = await harness.ResourceAsync(await harness.OrderResourceAsync(order));
        var account = resource.GetProperty("backend_id").GetString()!;
        Assert.StartsWith(scenario.AccountPrefix + "a_", account, StringComparison.Ordinal);
        Assert.Equal(20, resource.GetProperty("limits").GetProperty("cpu").GetInt32());

        var rows = await SlurmCluster.AssociationsAsync(account);
        var accountRow = Assert.Single(rows, r => r.User.Length == 0);
        Assert.Equal(scenario.ProjectAccount, accountRow.Parent);
        Assert.Equal("cpu=1200000", accountRow.GrpTresMins);
        Assert.Equal(scenario.Usernames.Order(), rows.Where(r => r.User.Length > 0).Select(r => r.User).Order());
        Assert.Equal(scenario.CustomerAccount, (await SlurmCluster.AccountAsync(scenario.ProjectAccount))!.Parent);
        Assert.Equal("root", (await SlurmCluster.AccountAsync(scenario.CustomerAccount))!.Parent);
        harness.AssertNoContractViolations();
    }

    [Fact]
    public async Task UpdateThenTerminate_ChangesLimitsThenRemovesAccountAndEmptyProject()
    {
        var scenario = new TestScenario();
        var create = scenario.AddCreateOrder("Alloc Two", cpu: 10, state: "executing");
        await using var harness = await AgentHarness.StartAsync(scenario);
        Assert.Equal(0, (await harness.RunAgentOnceAsync()).ExitCode);
        var resource = await harness.OrderResourceAsync(create);
        var account = (await harness.ResourceAsync(resource)).GetProperty("backend_id").GetString()!;

        var update = Guid.NewGuid();
        harness.Emulator.Seed($"orders:\n  - {{uuid: {update:N}, type: Update, state: executing, resource: {resource:N}, limits: {{cpu: 30}}}}\n", yaml: true);
        var updated = await harness.RunAgentOnceAsync();

        Assert.True(updated.ExitCode == 0, updated.ToString());
        Assert.Equal("done", await harness.OrderStateAsync(update));
        Assert.Equal("cpu=1800000", (await SlurmCluster.AccountAsync(account))!.GrpTresMins);

        var terminate = Guid.NewGuid();
        harness.Emulator.Seed($"orders:\n  - {{uuid: {terminate:N}, type: Terminate, state: executing, resource: {resource:N}}}\n", yaml: true);
        var terminated = await harness.RunAgentOnceAsync();

        Assert.True(terminated.ExitCode == 0, terminated.ToString());
        Assert.Equal("done", await harness.OrderStateAsync(terminate));
        Assert.Null(await SlurmCluster.AccountAsync(account));
        Assert.Null(await SlurmCluster.AccountAsync(scenario.ProjectAccount));
        Assert.Equal("Terminated", (await harness.ResourceAsync(resource)).GetProperty("state").GetString());
        harness.AssertNoContractViolations();
    }

    [Fact]
    public async Task RestoreOrder_AfterHardDelete_RecreatesAccountWithItsLimits()
    {
        var scenario = new TestScenario();
        var backendId = scenario.AllocationAccount("restored");
        var resource = scenario.AddResource("Restored", backendId, cpu: 7, state: "Terminated");
        var restore = scenario.AddOrder("Restore", resource);
        await using var harness = await AgentHarness.StartAsync(scenario);

        var outcome = await harness.RunAgentOnceAsync();

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal("done", await harness.OrderStateAsync(restore));
        var row = await SlurmCluster.AccountAsync(backendId);
        Assert.NotNull(row);
        Assert.Equal(scenario.ProjectAccount, row.Parent);
        Assert.Equal("cpu=420000", row.GrpTresMins);
    }

    [Fact]
    public async Task CreateOrder_ResourceWhoseAccountVanished_RecreatesItUnderTheSameId()
    {
        var scenario = new TestScenario();
        var backendId = scenario.AllocationAccount("vanished");
        var resource = scenario.AddResource("Vanished", backendId, cpu: 3, state: "Creating");
        var create = scenario.AddOrder("Create", resource);
        await using var harness = await AgentHarness.StartAsync(scenario);

        var outcome = await harness.RunAgentOnceAsync();

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal("done", await harness.OrderStateAsync(create));
        Assert.Equal("cpu=180000", (await SlurmCluster.AccountAsync(backendId))!.GrpTresMins);
        Assert.Empty(harness.Requests("POST", "/set_backend_id/"));
    }

    [Fact]
    public async Task SoftDeleteThenRestore_KeepsAccountAtZeroThenReappliesLimits()
    {
        var scenario = new TestScenario();
        var create = scenario.AddCreateOrder("Soft", cpu: 5, state: "executing");
        await using var harness = await AgentHarness.StartAsync(scenario, new Dictionary<string, string> { ["soft_delete"] = "true" });
        Assert.Equal(0, (await harness.RunAgentOnceAsync()).ExitCode);
        var resource = await harness.OrderResourceAsync(create);
        var account = (await harness.ResourceAsync(resource)).GetProperty("backend_id").GetString()!;

        var terminate = Guid.NewGuid();
        harness.Emulator.Seed($"orders:\n  - {{uuid: {terminate:N}, type: Terminate, state: executing, resource: {resource:N}}}\n", yaml: true);
        Assert.Equal(0, (await harness.RunAgentOnceAsync()).ExitCode);
        Assert.Equal("done", await harness.OrderStateAsync(terminate));
        // Every configured component is zeroed, as the reference does.
        Assert.Equal("cpu=0,mem=0", (await SlurmCluster.AccountAsync(account))!.GrpTresMins);

        // The reference completed the Restore without touching the zeroed limits.
        var restore = Guid.NewGuid();
        harness.Emulator.Seed($"orders:\n  - {{uuid: {restore:N}, type: Restore, state: executing, resource: {resource:N}}}\n", yaml: true);
        Assert.Equal(0, (await harness.RunAgentOnceAsync()).ExitCode);

        Assert.Equal("done", await harness.OrderStateAsync(restore));
        Assert.Equal("cpu=300000", (await SlurmCluster.AccountAsync(account))!.GrpTresMins);
    }

    [Fact]
    public async Task SecondCycle_AfterEverythingIsDone_ChangesNothing()
    {
        var scenario = new TestScenario();
        scenario.AddCreateOrder("Once", cpu: 1, state: "executing");
        await using var harness = await AgentHarness.StartAsync(scenario);
        Assert.Equal(0, (await harness.RunAgentOnceAsync()).ExitCode);
        var accounts = await SlurmCluster.AccountsWithPrefixAsync(scenario.AccountPrefix);
        var writesBefore = OrderWrites(harness);

        var again = await harness.RunAgentOnceAsync();

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("0 pending-provider or executing orders", again.Output, StringComparison.Ordinal);
        Assert.Equal(accounts, await SlurmCluster.AccountsWithPrefixAsync(scenario.AccountPrefix));
        Assert.Equal(writesBefore, OrderWrites(harness));
    }

    private static int OrderWrites(AgentHarness harness) => harness.Emulator.Requests.Count(r =>
        r.Method == "POST" && (r.Path.Contains("/marketplace-orders/", StringComparison.Ordinal) || r.Path.Contains("/marketplace-provider-resources/", StringComparison.Ordinal)));
}
