using SiteAgent.IntegrationTests.Infrastructure;
using SiteAgent.Testing;

namespace SiteAgent.IntegrationTests;

/// <summary>
/// SLURM 22.05's slurmdbd corrupts its account tree when two clients add accounts at once; the agent
/// serialises its sacctmgr writes across processes, so two agents working together stay correct.
/// </summary>
public class ConcurrencyTests
{
    [Test]
    public async Task TwoAgentProcessesCreatingAccountsAtOnce_TreeStaysIntact()
    {
        const int OrdersEach = 5;
        var first = new TestScenario();
        var second = new TestScenario();
        var firstOrders = Enumerable.Range(0, OrdersEach).Select(i => first.AddCreateOrder($"Par {i}", cpu: i + 1, state: "executing")).ToList();
        var secondOrders = Enumerable.Range(0, OrdersEach).Select(i => second.AddCreateOrder($"Par {i}", cpu: i + 1, state: "executing")).ToList();
        await using var one = await AgentHarness.StartAsync(first);
        await using var two = await AgentHarness.StartAsync(second);

        // Ten orders' writes queue on the host-wide write lock with every other writer on the machine
        // (other test processes, an orphaned write being waited for): more than the default 2 minutes
        // were seen on a loaded host.
        var limit = TimeSpan.FromMinutes(6);
        var runs = await Task.WhenAll(one.RunAgentOnceAsync(limit), two.RunAgentOnceAsync(limit));

        foreach (var run in runs) { await Assert.That(run.ExitCode == 0).IsTrue().Because(run.ToString()); }
        foreach (var (harness, scenario, orders) in new[] { (one, first, firstOrders), (two, second, secondOrders) })
        {
            foreach (var order in orders)
            {
                await Assert.That(await harness.OrderStateAsync(order)).IsEqualTo("done");
            }

            var accounts = await SlurmCluster.AccountsWithPrefixAsync(scenario.AccountPrefix + "a_");
            await Assert.That(accounts.Count).IsEqualTo(OrdersEach);
            foreach (var account in accounts)
            {
                await Assert.That((await SlurmCluster.AccountAsync(account))!.Parent).IsEqualTo(scenario.ProjectAccount);
            }
        }

        // The whole tree is still readable: slurmdbd answers a full association listing.
        var all = await SlurmCluster.SacctmgrAsync("show", "assoc", "format=account,parentname,user");
        await Assert.That(all).Contains(first.ProjectAccount);
    }
}
