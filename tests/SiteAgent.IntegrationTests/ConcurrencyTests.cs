using SiteAgent.IntegrationTests.Infrastructure;
using SiteAgent.Testing;

namespace SiteAgent.IntegrationTests;

/// <summary>
/// SLURM 22.05's slurmdbd corrupts its account tree when two clients add accounts at once; the agent
/// serialises its sacctmgr writes across processes, so two agents working together stay correct.
/// </summary>
public class ConcurrencyTests
{
    [Fact]
    public async Task TwoAgentProcessesCreatingAccountsAtOnce_TreeStaysIntact()
    {
        const int OrdersEach = 5;
        var first = new TestScenario();
        var second = new TestScenario();
        var firstOrders = Enumerable.Range(0, OrdersEach).Select(i => first.AddCreateOrder($"Par {i}", cpu: i + 1, state: "executing")).ToList();
        var secondOrders = Enumerable.Range(0, OrdersEach).Select(i => second.AddCreateOrder($"Par {i}", cpu: i + 1, state: "executing")).ToList();
        await using var one = await AgentHarness.StartAsync(first);
        await using var two = await AgentHarness.StartAsync(second);

        var runs = await Task.WhenAll(one.RunAgentOnceAsync(), two.RunAgentOnceAsync());

        Assert.All(runs, run => Assert.True(run.ExitCode == 0, run.ToString()));
        foreach (var (harness, scenario, orders) in new[] { (one, first, firstOrders), (two, second, secondOrders) })
        {
            foreach (var order in orders)
            {
                Assert.Equal("done", await harness.OrderStateAsync(order));
            }

            var accounts = await SlurmCluster.AccountsWithPrefixAsync(scenario.AccountPrefix + "a_");
            Assert.Equal(OrdersEach, accounts.Count);
            foreach (var account in accounts)
            {
                Assert.Equal(scenario.ProjectAccount, (await SlurmCluster.AccountAsync(account))!.Parent);
            }
        }

        // The whole tree is still readable: slurmdbd answers a full association listing.
        var all = await SlurmCluster.SacctmgrAsync("show", "assoc", "format=account,parentname,user");
        Assert.Contains(first.ProjectAccount, all, StringComparison.Ordinal);
    }
}
