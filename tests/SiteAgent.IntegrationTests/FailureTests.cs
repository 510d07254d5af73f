using SiteAgent.IntegrationTests.Infrastructure;
using SiteAgent.Waldur.Emulator.Faults;

namespace SiteAgent.IntegrationTests;

/// <summary>What Waldur and SLURM see when things go wrong: backend errors, transient Waldur failures, hostile values.</summary>
public class FailureTests
{
    private static readonly string[] WriteVerbs = ["add", "create", "modify", "update", "remove", "delete"];

    [Test]
    public async Task BackendFailure_ErrsTheOrderWithSacctmgrsMessage()
    {
        var scenario = new TestScenario();
        var order = scenario.AddCreateOrder("Orphan", cpu: 2, state: "executing");
        var missingRoot = scenario.AccountPrefix + "noroot";
        await using var harness = await AgentHarness.StartAsync(scenario, new Dictionary<string, string> { ["root_account"] = missingRoot });

        var outcome = await harness.RunAgentOnceAsync();

        await Assert.That(outcome.ExitCode == 0).IsTrue().Because(outcome.ToString());
        await Assert.That(await harness.OrderStateAsync(order)).IsEqualTo("erred");
        var error = await harness.OrderErrorAsync(order);
        await Assert.That(error).Contains($"Parent account '{missingRoot}' doesn't exist");
        await Assert.That(harness.Requests("POST", "/set_state_erred/")).HasSingleItem();
        await Assert.That(await SlurmCluster.AccountsWithPrefixAsync(scenario.AccountPrefix + "a_")).IsEmpty();
    }

    [Test]
    public async Task TransientWaldurFailures_OrdersAreDoneExactlyOnce()
    {
        var scenario = new TestScenario();
        var first = scenario.AddCreateOrder("Flaky One", cpu: 4);
        var second = scenario.AddCreateOrder("Flaky Two", cpu: 6);
        await using var harness = await AgentHarness.StartAsync(scenario);
        harness.Emulator.Faults.Add(new FaultRule { Path = "/api/marketplace-orders/*/approve_by_provider/", Method = "POST", Times = 1, Status = 503 });
        harness.Emulator.Faults.Add(new FaultRule { Path = "/api/marketplace-provider-resources/*/set_backend_id/", Method = "POST", Times = 1, Status = 502 });
        harness.Emulator.Faults.Add(new FaultRule { Path = "/api/marketplace-orders/*/set_state_done/", Method = "POST", Times = 2, Status = 503 });
        harness.Emulator.Faults.Add(new FaultRule { Path = "/api/marketplace-provider-resources/*/team/", Method = "GET", Times = 1, Drop = true });

        var outcome = await harness.RunAgentOnceAsync();

        await Assert.That(outcome.ExitCode == 0).IsTrue().Because(outcome.ToString());
        foreach (var order in new[] { first, second })
        {
            await Assert.That(await harness.OrderStateAsync(order)).IsEqualTo("done");
            await Assert.That(harness.Requests("POST", $"/marketplace-orders/{order:N}/set_state_done/")).HasSingleItem(r => r.Status == 200);
            await Assert.That(harness.Requests("POST", $"/marketplace-orders/{order:N}/set_state_erred/")).IsEmpty();
        }

        await Assert.That((await SlurmCluster.AccountsWithPrefixAsync(scenario.AccountPrefix + "a_")).Count).IsEqualTo(2);
        harness.AssertNoContractViolations();
    }

    [Test]
    [Arguments("proj-$(touch-pwned)", "shell metacharacters", true)]
    [Arguments("-oops", "leading dash, read as an option without a prefix", false)]
    [Arguments("a=b", "equals sign", true)]
    [Arguments("x,y", "comma", true)]
    [Arguments("where", "sacctmgr keyword without a prefix", false)]
    [Arguments("very-long-project-slug-that-goes-on-and-on-and-on-beyond-any-limit", "over-long", true)]
    public async Task HostileProjectSlug_ErrsCleanlyAndNoCommandCarriesIt(string slug, string why, bool prefixed)
    {
        var scenario = new TestScenario(projectSlug: slug, prefixed: prefixed);
        var order = scenario.AddCreateOrder("Hostile", cpu: 1, state: "executing");
        await using var harness = await AgentHarness.StartAsync(scenario);
        var recorder = SacctmgrRecorder.Create(harness.Directory);
        harness.WriteConfig(new Dictionary<string, string> { ["slurm_bin_path"] = $"\"{recorder.BinPath}\"" });

        var outcome = await harness.RunAgentOnceAsync();

        await Assert.That(outcome.ExitCode == 0).IsTrue().Because(why + "\n" + outcome);
        await Assert.That(await harness.OrderStateAsync(order)).IsEqualTo("erred");
        await Assert.That(await harness.OrderErrorAsync(order)).IsNotEmpty();
        // Validation happens before the first command: nothing at all was written to SLURM for this order.
        await Assert.That(recorder.Invocations()).DoesNotContain(argv => argv.Split(' ').Intersect(WriteVerbs).Any());
        await Assert.That(await SlurmCluster.AccountAsync(scenario.AllocationAccount("hostile"))).IsNull();
    }

    [Test]
    public async Task HostileUsername_IsSkippedAndTheOthersAreAdded()
    {
        var scenario = new TestScenario(extraMemberUsername: "eve;rm -rf /");
        var order = scenario.AddCreateOrder("Users", cpu: 1, state: "executing");
        await using var harness = await AgentHarness.StartAsync(scenario);
        var recorder = SacctmgrRecorder.Create(harness.Directory);
        harness.WriteConfig(new Dictionary<string, string> { ["slurm_bin_path"] = $"\"{recorder.BinPath}\"" });

        var outcome = await harness.RunAgentOnceAsync();

        await Assert.That(outcome.ExitCode == 0).IsTrue().Because(outcome.ToString());
        await Assert.That(await harness.OrderStateAsync(order)).IsEqualTo("done");
        var account = (await harness.ResourceAsync(await harness.OrderResourceAsync(order))).GetProperty("backend_id").GetString()!;
        var users = (await SlurmCluster.AssociationsAsync(account)).Where(r => r.User.Length > 0).Select(r => r.User).Order();
        await Assert.That(users).IsEquivalentTo(scenario.Usernames.Order(), CollectionOrdering.Matching);
        await Assert.That(recorder.Invocations()).DoesNotContain(argv => argv.Contains("eve;", StringComparison.Ordinal));
    }
}
