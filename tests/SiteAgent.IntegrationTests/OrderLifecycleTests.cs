using SiteAgent.IntegrationTests.Infrastructure;

namespace SiteAgent.IntegrationTests;

/// <summary>Create, update, terminate and restore, end to end: AOT binary, Waldur emulator, real SLURM.</summary>
public class OrderLifecycleTests
{
    [Test]
    public async Task CreateOrder_PendingProvider_IsApprovedAndAccountCreatedWithLimitsAndUsers()
    {
        var scenario = new TestScenario();
        var order = scenario.AddCreateOrder("Alloc One", cpu: 20);
        await using var harness = await AgentHarness.StartAsync(scenario);

        var outcome = await harness.RunAgentOnceAsync();

        await Assert.That(outcome.ExitCode == 0).IsTrue().Because(outcome.ToString());
        await Assert.That(await harness.OrderStateAsync(order)).IsEqualTo("done");
        await Assert.That(harness.Requests("POST", "/approve_by_provider/")).HasSingleItem();
        var resource = await harness.ResourceAsync(await harness.OrderResourceAsync(order));
        var account = resource.GetProperty("backend_id").GetString()!;
        await Assert.That(account).StartsWith(scenario.AccountPrefix + "a_");
        await Assert.That(resource.GetProperty("limits").GetProperty("cpu").GetInt32()).IsEqualTo(20);

        var rows = await SlurmCluster.AssociationsAsync(account);
        var accountRow = await Assert.That(rows).HasSingleItem(r => r.User.Length == 0);
        await Assert.That(accountRow.Parent).IsEqualTo(scenario.ProjectAccount);
        await Assert.That(accountRow.GrpTresMins).IsEqualTo("cpu=1200000");
        await Assert.That(rows.Where(r => r.User.Length > 0).Select(r => r.User).Order()).IsEquivalentTo(scenario.Usernames.Order(), CollectionOrdering.Matching);
        await Assert.That((await SlurmCluster.AccountAsync(scenario.ProjectAccount))!.Parent).IsEqualTo(scenario.CustomerAccount);
        await Assert.That((await SlurmCluster.AccountAsync(scenario.CustomerAccount))!.Parent).IsEqualTo("root");
        harness.AssertNoContractViolations();
    }

    [Test]
    public async Task UpdateThenTerminate_ChangesLimitsThenRemovesAccountAndEmptyProject()
    {
        var scenario = new TestScenario();
        var create = scenario.AddCreateOrder("Alloc Two", cpu: 10, state: "executing");
        await using var harness = await AgentHarness.StartAsync(scenario);
        await Assert.That((await harness.RunAgentOnceAsync()).ExitCode).IsEqualTo(0);
        var resource = await harness.OrderResourceAsync(create);
        var account = (await harness.ResourceAsync(resource)).GetProperty("backend_id").GetString()!;

        var update = Guid.NewGuid();
        harness.Emulator.Seed($"orders:\n  - {{uuid: {update:N}, type: Update, state: executing, resource: {resource:N}, limits: {{cpu: 30}}}}\n", yaml: true);
        var updated = await harness.RunAgentOnceAsync();

        await Assert.That(updated.ExitCode == 0).IsTrue().Because(updated.ToString());
        await Assert.That(await harness.OrderStateAsync(update)).IsEqualTo("done");
        await Assert.That((await SlurmCluster.AccountAsync(account))!.GrpTresMins).IsEqualTo("cpu=1800000");

        var terminate = Guid.NewGuid();
        harness.Emulator.Seed($"orders:\n  - {{uuid: {terminate:N}, type: Terminate, state: executing, resource: {resource:N}}}\n", yaml: true);
        var terminated = await harness.RunAgentOnceAsync();

        await Assert.That(terminated.ExitCode == 0).IsTrue().Because(terminated.ToString());
        await Assert.That(await harness.OrderStateAsync(terminate)).IsEqualTo("done");
        await Assert.That(await SlurmCluster.AccountAsync(account)).IsNull();
        await Assert.That(await SlurmCluster.AccountAsync(scenario.ProjectAccount)).IsNull();
        await Assert.That((await harness.ResourceAsync(resource)).GetProperty("state").GetString()).IsEqualTo("Terminated");
        harness.AssertNoContractViolations();
    }

    [Test]
    public async Task RestoreOrder_AfterHardDelete_RecreatesAccountWithItsLimits()
    {
        var scenario = new TestScenario();
        var backendId = scenario.AllocationAccount("restored");
        var resource = scenario.AddResource("Restored", backendId, cpu: 7, state: "Terminated");
        var restore = scenario.AddOrder("Restore", resource);
        await using var harness = await AgentHarness.StartAsync(scenario);

        var outcome = await harness.RunAgentOnceAsync();

        await Assert.That(outcome.ExitCode == 0).IsTrue().Because(outcome.ToString());
        await Assert.That(await harness.OrderStateAsync(restore)).IsEqualTo("done");
        var row = await SlurmCluster.AccountAsync(backendId);
        await Assert.That(row).IsNotNull();
        await Assert.That(row.Parent).IsEqualTo(scenario.ProjectAccount);
        await Assert.That(row.GrpTresMins).IsEqualTo("cpu=420000");
    }

    [Test]
    public async Task CreateOrder_ResourceWhoseAccountVanished_RecreatesItUnderTheSameId()
    {
        var scenario = new TestScenario();
        var backendId = scenario.AllocationAccount("vanished");
        var resource = scenario.AddResource("Vanished", backendId, cpu: 3, state: "Creating");
        var create = scenario.AddOrder("Create", resource);
        await using var harness = await AgentHarness.StartAsync(scenario);

        var outcome = await harness.RunAgentOnceAsync();

        await Assert.That(outcome.ExitCode == 0).IsTrue().Because(outcome.ToString());
        await Assert.That(await harness.OrderStateAsync(create)).IsEqualTo("done");
        await Assert.That((await SlurmCluster.AccountAsync(backendId))!.GrpTresMins).IsEqualTo("cpu=180000");
        await Assert.That(harness.Requests("POST", "/set_backend_id/")).IsEmpty();
    }

    [Test]
    public async Task SoftDeleteThenRestore_KeepsAccountAtZeroThenReappliesLimits()
    {
        var scenario = new TestScenario();
        var create = scenario.AddCreateOrder("Soft", cpu: 5, state: "executing");
        await using var harness = await AgentHarness.StartAsync(scenario, new Dictionary<string, string> { ["soft_delete"] = "true" });
        await Assert.That((await harness.RunAgentOnceAsync()).ExitCode).IsEqualTo(0);
        var resource = await harness.OrderResourceAsync(create);
        var account = (await harness.ResourceAsync(resource)).GetProperty("backend_id").GetString()!;

        var terminate = Guid.NewGuid();
        harness.Emulator.Seed($"orders:\n  - {{uuid: {terminate:N}, type: Terminate, state: executing, resource: {resource:N}}}\n", yaml: true);
        await Assert.That((await harness.RunAgentOnceAsync()).ExitCode).IsEqualTo(0);
        await Assert.That(await harness.OrderStateAsync(terminate)).IsEqualTo("done");
        // Every configured component is zeroed, as the reference does.
        await Assert.That((await SlurmCluster.AccountAsync(account))!.GrpTresMins).IsEqualTo("cpu=0,mem=0");

        // The reference completed the Restore without touching the zeroed limits.
        var restore = Guid.NewGuid();
        harness.Emulator.Seed($"orders:\n  - {{uuid: {restore:N}, type: Restore, state: executing, resource: {resource:N}}}\n", yaml: true);
        await Assert.That((await harness.RunAgentOnceAsync()).ExitCode).IsEqualTo(0);

        await Assert.That(await harness.OrderStateAsync(restore)).IsEqualTo("done");
        await Assert.That((await SlurmCluster.AccountAsync(account))!.GrpTresMins).IsEqualTo("cpu=300000");
    }

    [Test]
    public async Task SecondCycle_AfterEverythingIsDone_ChangesNothing()
    {
        var scenario = new TestScenario();
        scenario.AddCreateOrder("Once", cpu: 1, state: "executing");
        await using var harness = await AgentHarness.StartAsync(scenario);
        await Assert.That((await harness.RunAgentOnceAsync()).ExitCode).IsEqualTo(0);
        var accounts = await SlurmCluster.AccountsWithPrefixAsync(scenario.AccountPrefix);
        var writesBefore = OrderWrites(harness);

        var again = await harness.RunAgentOnceAsync();

        await Assert.That(again.ExitCode).IsEqualTo(0);
        await Assert.That(again.Output).Contains("0 pending-provider or executing orders");
        await Assert.That(await SlurmCluster.AccountsWithPrefixAsync(scenario.AccountPrefix)).IsEquivalentTo(accounts, CollectionOrdering.Matching);
        await Assert.That(OrderWrites(harness)).IsEqualTo(writesBefore);
    }

    private static int OrderWrites(AgentHarness harness) => harness.Emulator.Requests.Count(r =>
        r.Method == "POST" && (r.Path.Contains("/marketplace-orders/", StringComparison.Ordinal) || r.Path.Contains("/marketplace-provider-resources/", StringComparison.Ordinal)));
}
