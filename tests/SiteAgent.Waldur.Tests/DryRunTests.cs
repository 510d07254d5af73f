using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SiteAgent.Waldur.Models;
using SiteAgent.Waldur.Tests.Infrastructure;

namespace SiteAgent.Waldur.Tests;

/// <summary>Dry-run: reads are sent, writes are described to the plan sink with secrets masked.</summary>
public sealed class DryRunTests
{
    private static readonly Guid Id = Guid.Parse("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Writes_AreNotSent_ButPlanned_WithNeutralAnswers()
    {
        var plan = new List<WaldurWritePlanEntry>();
        await using var server = new LoopbackServer(_ => CannedResponse.Json("""{"version": "8.0.9"}"""));
        using var client = TestClients.Client(server, o => o with { DryRun = true, WritePlan = plan.Add });

        await client.GetVersionAsync(Ct);
        var approval = await client.ApproveOrderByProviderAsync(Id, Ct);
        await client.SetOrderStateDoneAsync(Id, Ct);
        var status = await client.SetProviderResourceLimitsAsync(Id, new Dictionary<string, long> { ["cpu"] = 5 }, Ct);
        var identity = await client.CreateAgentIdentityAsync(new AgentIdentityRequest { Offering = Id, Name = "agent-x" }, Ct);
        var key = await client.ReportResourceApiKeyCreatedAsync(new ResourceApiKeyReportCreatedRequest(Id, "client-1", "sup3r-secret-key"), Ct);
        await client.SetProviderResourceBackendMetadataAsync(Id, new JsonObject { ["password"] = "hunter22", ["partition"] = "gpu" }, Ct);

        Assert.True(client.IsDryRun);
        Assert.Equal(["GET"], server.Requests.Select(r => r.Method));
        Assert.Equal("dry-run", approval.Detail);
        Assert.Equal("dry-run", status.Status);
        Assert.Equal(Guid.Empty, identity.Uuid);
        Assert.Equal(Guid.Empty, key.Uuid);
        Assert.Equal(6, plan.Count);
        Assert.Equal(new WaldurWritePlanEntry("marketplace_orders_approve_by_provider", "POST", $"/api/marketplace-orders/{Id:N}/approve_by_provider/", "{}"), plan[0]);
        Assert.Null(plan[1].Body);
        Assert.Equal("""{"limits":{"cpu":5}}""", plan[2].Body);
        Assert.Equal("""{"resource":"0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0","client_id":"client-1","api_key":"***"}""", plan[4].Body);
        Assert.Equal("""{"backend_metadata":{"password":"***","partition":"gpu"}}""", plan[5].Body);
        Assert.DoesNotContain(plan, p => p.ToString().Contains("sup3r-secret-key", StringComparison.Ordinal));
    }

    [Fact]
    public async Task QueryingPost_IsStillSent()
    {
        await using var server = new LoopbackServer(_ => CannedResponse.Json("""{"is_unique": false}"""));
        using var client = TestClients.Client(server, o => o with { DryRun = true, WritePlan = _ => Assert.Fail("planned a read") });

        var answer = await client.CheckUniqueBackendIdAsync(Id, new CheckUniqueBackendIdRequest { BackendId = "acc1" }, Ct);

        Assert.False(answer.IsUnique);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task WithoutASink_PlannedWritesAreLogged()
    {
        var logger = new ListLogger();
        await using var server = new LoopbackServer(_ => CannedResponse.Json("{}"));
        using var client = TestClients.Client(server, o => o with { DryRun = true }, logger);

        await client.SetOrderBackendIdAsync(Id, "remote-1", Ct);

        Assert.Empty(server.Requests);
        var entry = Assert.Single(logger.Entries, e => e.Id.Id == 3005);
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Contains("""{"backend_id":"remote-1"}""", entry.Message);
    }
}
