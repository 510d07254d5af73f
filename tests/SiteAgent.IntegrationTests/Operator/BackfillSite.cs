using SiteAgent.IntegrationTests.Infrastructure;
using SiteAgent.Testing;

namespace SiteAgent.IntegrationTests.Operator;

/// <summary>
/// What the back-fill tests start from: an allocation the AOT binary created on the real SLURM cluster
/// from an order, and a finished job of <c>nobody</c> in it this month (components in CPU- and MB-minutes).
/// </summary>
/// <param name="Scenario">The Waldur side.</param>
/// <param name="Harness">The emulator and the agent's config; the test disposes it.</param>
/// <param name="Resource">The allocation's Waldur resource.</param>
/// <param name="Account">The allocation's SLURM account.</param>
internal sealed record BackfillSite(TestScenario Scenario, AgentHarness Harness, Guid Resource, string Account)
{
    /// <summary>Creates the allocation <paramref name="resourceName"/> and runs the job.</summary>
    public static async Task<BackfillSite> StartAsync(string resourceName)
    {
        var scenario = new TestScenario(siteUsernames: ["nobody", "daemon"], usageInMinutes: true);
        var order = scenario.AddCreateOrder(resourceName, cpu: 1, state: "executing");
        var harness = await AgentHarness.StartAsync(scenario);
        try
        {
            await Assert.That((await harness.RunAgentOnceAsync()).ExitCode).IsEqualTo(0);
            var resource = await harness.OrderResourceAsync(order);
            var account = (await harness.ResourceAsync(resource)).GetProperty("backend_id").GetString()!;
            var job = await TestJobs.SubmitAsync(account, "nobody", cpus: 1, memoryMb: 100, seconds: 3);
            await TestJobs.WaitForRecordsAsync([job], [account]);
            return new BackfillSite(scenario, harness, resource, account);
        }
        catch
        {
            // The accounts the agent created are removed here, since the test never gets the harness to dispose.
            await harness.DisposeAsync();
            throw;
        }
    }
}
