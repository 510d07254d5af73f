using System.Text.Json.Nodes;
using SiteAgent.IntegrationTests.Infrastructure;
using SiteAgent.Waldur.Emulator.Faults;

namespace SiteAgent.IntegrationTests;

/// <summary>Prepaid plan switches and the edges of the order state machine, end to end.</summary>
public class OrderEdgeTests
{
    [Test]
    public async Task PrepaidUpdate_PlanSwitch_KeepsEveryOtherCapInPlace()
    {
        var (harness, resource, account) = await CreatePrepaidAsync();
        await using (harness)
        {
            await Assert.That((await SlurmCluster.AccountAsync(account))!.GrpTresMins).IsEqualTo("cpu=600000,mem=240G");

            var update = await UpdatePlanAsync(harness, resource, "Bigger");

            await Assert.That(await harness.OrderStateAsync(update)).IsEqualTo("done");
            // The new plan says nothing about mem: its cap stays (it used to become unlimited).
            await Assert.That((await SlurmCluster.AccountAsync(account))!.GrpTresMins).IsEqualTo("cpu=1200000,mem=240G");
        }
    }

    [Test]
    public async Task PrepaidUpdate_ZeroValuedPlanComponent_CapsItAtZeroInsteadOfUncapping()
    {
        var (harness, resource, account) = await CreatePrepaidAsync();
        await using (harness)
        {
            var update = await UpdatePlanAsync(harness, resource, "NoMem");

            await Assert.That(await harness.OrderStateAsync(update)).IsEqualTo("done");
            await Assert.That((await SlurmCluster.AccountAsync(account))!.GrpTresMins).IsEqualTo("cpu=1200000,mem=0");
        }
    }

    [Test]
    public async Task SetStateDone400_ErrsTheOrderWithWaldursMessageOnce()
    {
        var scenario = new TestScenario();
        var order = scenario.AddCreateOrder("Refused", cpu: 1, state: "executing");
        await using var harness = await StartWithOneFaultAsync(scenario, $"/api/marketplace-orders/{order:N}/set_state_done/", "POST", 400,
            new JsonObject { ["detail"] = "Order has pending consumer review." });

        var outcome = await harness.RunAgentOnceAsync();

        await Assert.That(outcome.ExitCode == 0).IsTrue().Because(outcome.ToString());
        await Assert.That(await harness.OrderStateAsync(order)).IsEqualTo("erred");
        var error = await harness.OrderErrorAsync(order);
        await Assert.That(error).Contains("HTTP 400");
        await Assert.That(error).Contains("Order has pending consumer review.");
        await Assert.That(harness.Requests("POST", $"/marketplace-orders/{order:N}/set_state_done/")).HasSingleItem();
        await Assert.That(harness.Requests("POST", $"/marketplace-orders/{order:N}/set_state_erred/")).HasSingleItem();

        // Erred, the order is not listed again: nothing is provisioned or re-applied a second time.
        var again = await harness.RunAgentOnceAsync();
        await Assert.That(again.Output).Contains("0 pending-provider or executing orders");
    }

    [Test]
    public async Task FreshReadNoLongerExecuting_TheTeamIsStillAdded()
    {
        var scenario = new TestScenario();
        var order = scenario.AddCreateOrder("Moved On", cpu: 1, state: "executing");
        // The read just before set_state_done finds the order done already (another agent, or staff).
        await using var harness = await StartWithOneFaultAsync(scenario, $"/api/marketplace-orders/{order:N}/", "GET", 200,
            new JsonObject { ["uuid"] = order.ToString("N"), ["state"] = "done" });

        var outcome = await harness.RunAgentOnceAsync();

        await Assert.That(outcome.ExitCode == 0).IsTrue().Because(outcome.ToString());
        await Assert.That(harness.Requests("POST", $"/marketplace-orders/{order:N}/set_state_done/")).IsEmpty();
        var account = (await harness.ResourceAsync(await harness.OrderResourceAsync(order))).GetProperty("backend_id").GetString()!;
        var users = (await SlurmCluster.AssociationsAsync(account)).Where(r => r.User.Length > 0).Select(r => r.User).Order();
        await Assert.That(users).IsEquivalentTo(scenario.Usernames.Order(), CollectionOrdering.Matching);
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
        await Assert.That(outcome.ExitCode == 0 && await harness.OrderStateAsync(create) == "done").IsTrue().Because(outcome + await harness.OrderErrorAsync(create));
        var resource = await harness.OrderResourceAsync(create);
        return (harness, resource, (await harness.ResourceAsync(resource)).GetProperty("backend_id").GetString()!);
    }

    private static async Task<Guid> UpdatePlanAsync(AgentHarness harness, Guid resource, string plan)
    {
        var update = Guid.NewGuid();
        harness.Emulator.Seed($"orders:\n  - {{uuid: {update:N}, type: Update, state: executing, resource: {resource:N}, plan: {plan}}}\n", yaml: true);
        var outcome = await harness.RunAgentOnceAsync();
        await Assert.That(outcome.ExitCode == 0).IsTrue().Because(outcome.ToString());
        return update;
    }
}
