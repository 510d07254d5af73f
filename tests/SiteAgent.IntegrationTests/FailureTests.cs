using SiteAgent.IntegrationTests.Infrastructure;
using SiteAgent.Waldur.Emulator.Faults;

namespace SiteAgent.IntegrationTests;

/// <summary>What Waldur and SLURM see when things go wrong: backend errors, transient Waldur failures, hostile values.</summary>
public class FailureTests
{
    private static readonly string[] WriteVerbs = ["add", "create", "modify", "update", "remove", "delete"];

    [Fact]
    public async Task BackendFailure_ErrsTheOrderWithSacctmgrsMessage()
    {
        var scenario = new TestScenario();
        var order = scenario.AddCreateOrder("Orphan", cpu: 2, state: "executing");
        var missingRoot = scenario.AccountPrefix + "noroot";
        await using var harness = await AgentHarness.StartAsync(scenario, new Dictionary<string, string> { ["root_account"] = missingRoot });

        var outcome = await harness.RunAgentOnceAsync();

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal("erred", await harness.OrderStateAsync(order));
        var error = await harness.OrderErrorAsync(order);
        Assert.Contains($"Parent account '{missingRoot}' doesn't exist", error, StringComparison.Ordinal);
        Assert.Single(harness.Requests("POST", "/set_state_erred/"));
        Assert.Empty(await SlurmCluster.AccountsWithPrefixAsync(scenario.AccountPrefix + "a_"));
    }

    [Fact]
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

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        foreach (var order in new[] { first, second })
        {
            Assert.Equal("done", await harness.OrderStateAsync(order));
            Assert.Single(harness.Requests("POST", $"/marketplace-orders/{order:N}/set_state_done/"), r => r.Status == 200);
            Assert.Empty(harness.Requests("POST", $"/marketplace-orders/{order:N}/set_state_erred/"));
        }

        Assert.Equal(2, (await SlurmCluster.AccountsWithPrefixAsync(scenario.AccountPrefix + "a_")).Count);
        harness.AssertNoContractViolations();
    }

    [Theory]
    [InlineData("proj-$(touch-pwned)", "shell metacharacters", true)]
    [InlineData("-oops", "leading dash, read as an option without a prefix", false)]
    [InlineData("a=b", "equals sign", true)]
    [InlineData("x,y", "comma", true)]
    [InlineData("where", "sacctmgr keyword without a prefix", false)]
    public async Task HostileProjectSlug_ErrsCleanlyAndNoCommandCarriesIt(string slug, string why, bool prefixed)
    {
        var scenario = new TestScenario(projectSlug: slug, prefixed: prefixed);
        var order = scenario.AddCreateOrder("Hostile", cpu: 1, state: "executing");
        await using var harness = await AgentHarness.StartAsync(scenario);
        var recorder = SacctmgrRecorder.Create(harness.Directory);
        harness.WriteConfig(new Dictionary<string, string> { ["slurm_bin_path"] = $"\"{recorder.BinPath}\"" });

        var outcome = await harness.RunAgentOnceAsync();

        Assert.True(outcome.ExitCode == 0, why + "\n" + outcome);
        Assert.Equal("erred", await harness.OrderStateAsync(order));
        Assert.NotEmpty(await harness.OrderErrorAsync(order));
        // Validation happens before the first command: nothing at all was written to SLURM for this order.
        Assert.DoesNotContain(recorder.Invocations(), argv => argv.Split(' ').Intersect(WriteVerbs).Any());
        Assert.Null(await SlurmCluster.AccountAsync(scenario.AllocationAccount("hostile")));
    }

    [Fact]
    public async Task HostileUsername_IsSkippedAndTheOthersAreAdded()
    {
        var scenario = new TestScenario(extraMemberUsername: "eve;rm -rf /");
        var order = scenario.AddCreateOrder("Users", cpu: 1, state: "executing");
        await using var harness = await AgentHarness.StartAsync(scenario);
        var recorder = SacctmgrRecorder.Create(harness.Directory);
        harness.WriteConfig(new Dictionary<string, string> { ["slurm_bin_path"] = $"\"{recorder.BinPath}\"" });

        var outcome = await harness.RunAgentOnceAsync();

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal("done", await harness.OrderStateAsync(order));
        var account = (await harness.ResourceAsync(await harness.OrderResourceAsync(order))).GetProperty("backend_id").GetString()!;
        var users = (await SlurmCluster.AssociationsAsync(account)).Where(r => r.User.Length > 0).Select(r => r.User).Order();
        Assert.Equal(scenario.Usernames.Order(), users);
        Assert.DoesNotContain(recorder.Invocations(), argv => argv.Contains("eve;", StringComparison.Ordinal));
    }
}
