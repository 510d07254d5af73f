using System.Text.Json.Nodes;
using SiteAgent.IntegrationTests.Infrastructure;
using SiteAgent.Waldur.Emulator.Faults;

namespace SiteAgent.IntegrationTests;

/// <summary>Prepaid plan switches and the edges of the order state machine, end to end.</summary>
public class OrderEdgeTests
{
    [Fact]
    public async Task PrepaidUpdate_PlanSwitch_KeepsEveryOtherCapInPlace()
    {
        var (harness, resource, account) = await CreatePrepaidAsync();
        await using (harness)
        {
            Assert.Equal("cpu=600000,mem=240G", (await SlurmCluster.AccountAsync(account))!.GrpTresMins);

            var update = await UpdatePlanAsync(harness, resource, "Bigger");

            Assert.Equal("done", await harness.OrderStateAsync(update));
            // The new plan says nothing about mem: its cap stays (it used to become unlimited).
            Assert.Equal("cpu=1200000,mem=240G", (await SlurmCluster.AccountAsync(account))!.GrpTresMins);
        }
    }

    [Fact]
    public async Task PrepaidUpdate_ZeroValuedPlanComponent_CapsItAtZeroInsteadOfUncapping()
    {
        var (harness, resource, account) = await CreatePrepaidAsync();
        await using (harness)
        {
            var update = await UpdatePlanAsync(harness, resource, "NoMem");

            Assert.Equal("done", await harness.OrderStateAsync(update));
            Assert.Equal("cpu=1200000,mem=0", (await SlurmCluster.AccountAsync(account))!.GrpTresMins);
        }
    }

    [Fact]
    public async Task SetStateDone400_ErrsTheOrderWithWaldursMessageOnce()
    {
        var scenario = new TestScenario();
        var order = scenario.AddCreateOrder("Refused", cpu: 1, state: "executing");
        await using var harness = await StartWithOneFaultAsync(scenario, $"/api/marketplace-orders/{order:N}/set_state_done/", "POST", 400,
            new JsonObject { ["detail"] = "Order has pending consumer review." });

        var outcome = await harness.RunAgentOnceAsync();

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal("erred", await harness.OrderStateAsync(order));
        var error = await harness.OrderErrorAsync(order);
        Assert.Contains("HTTP 400", error, StringComparison.Ordinal);
        Assert.Contains("Order has pending consumer review.", error, StringComparison.Ordinal);
        Assert.Single(harness.Requests("POST", $"/marketplace-orders/{order:N}/set_state_done/"));
        Assert.Single(harness.Requests("POST", $"/marketplace-orders/{order:N}/set_state_erred/"));

        // Erred, the order is not listed again: nothing is provisioned or re-applied a second time.
        var again = await harness.RunAgentOnceAsync();
        Assert.Contains("0 pending-provider or executing orders", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FreshReadNoLongerExecuting_TheTeamIsStillAdded()
    {
        var scenario = new TestScenario();
        var order = scenario.AddCreateOrder("Moved On", cpu: 1, state: "executing");
        // The read just before set_state_done finds the order done already (another agent, or staff).
        await using var harness = await StartWithOneFaultAsync(scenario, $"/api/marketplace-orders/{order:N}/", "GET", 200,
            new JsonObject { ["uuid"] = order.ToString("N"), ["state"] = "done" });

        var outcome = await harness.RunAgentOnceAsync();

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Empty(harness.Requests("POST", $"/marketplace-orders/{order:N}/set_state_done/"));
        var account = (await harness.ResourceAsync(await harness.OrderResourceAsync(order))).GetProperty("backend_id").GetString()!;
        var users = (await SlurmCluster.AssociationsAsync(account)).Where(r => r.User.Length > 0).Select(r => r.User).Order();
        Assert.Equal(scenario.Usernames.Order(), users);
    }

    /// <summary>Starts the scenario with Waldur answering the next matching request with <paramref name="status"/> and <paramref name="body"/>.</summary>
    private static async Task<AgentHarness> StartWithOneFaultAsync(TestScenario scenario, string path, string method, int status, JsonObject body)
    {
        var harness = await AgentHarness.StartAsync(scenario);
        harness.Emulator.Faults.Add(new FaultRule { Path = path, Method = method, Times = 1, Status = status, Body = body });
        return harness;
    }

    private static async Task<(AgentHarness Harness, Guid Resource, string Account)> CreatePrepaidAsync()
    {
        var scenario = new TestScenario { Prepaid = true };
        var create = scenario.AddCreateOrder("Prepaid", cpu: 10, state: "executing");
        var harness = await AgentHarness.StartAsync(scenario);
        var outcome = await harness.RunAgentOnceAsync();
        Assert.True(outcome.ExitCode == 0 && await harness.OrderStateAsync(create) == "done", outcome + await harness.OrderErrorAsync(create));
        var resource = await harness.OrderResourceAsync(create);
        return (harness, resource, (await harness.ResourceAsync(resource)).GetProperty("backend_id").GetString()!);
    }

    private static async Task<Guid> UpdatePlanAsync(AgentHarness harness, Guid resource, string plan)
    {
        var update = Guid.NewGuid();
        harness.Emulator.Seed($"orders:\n  - {{uuid: {update:N}, type: Update, state: executing, resource: {resource:N}, plan: {plan}}}\n", yaml: true);
        var outcome = await harness.RunAgentOnceAsync();
        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        return update;
    }
}
