using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SiteAgent.Waldur.Models;
using SiteAgent.Waldur.Tests.Infrastructure;

namespace SiteAgent.Waldur.Tests;

/// <summary>Dry-run: reads are sent, writes are described to the plan sink with secrets masked.</summary>
public sealed class DryRunTests
{
    private static readonly Guid Id = Guid.Parse("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");

    private static CancellationToken Ct => TestContext.Current!.Execution.CancellationToken;

    [Test]
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

        await Assert.That(client.IsDryRun).IsTrue();
        await Assert.That(server.Requests.Select(r => r.Method)).IsEquivalentTo(["GET"], CollectionOrdering.Matching);
        await Assert.That(approval.Detail).IsEqualTo("dry-run");
        await Assert.That(status.Status).IsEqualTo("dry-run");
        await Assert.That(identity.Uuid).IsEqualTo(Guid.Empty);
        await Assert.That(key.Uuid).IsEqualTo(Guid.Empty);
        await Assert.That(plan.Count).IsEqualTo(6);
        await Assert.That(plan[0]).IsEqualTo(new WaldurWritePlanEntry("marketplace_orders_approve_by_provider", "POST", $"/api/marketplace-orders/{Id:N}/approve_by_provider/", "{}"));
        await Assert.That(plan[1].Body).IsNull();
        await Assert.That(plan[2].Body).IsEqualTo("""{"limits":{"cpu":5}}""");
        await Assert.That(plan[4].Body).IsEqualTo("""{"resource":"0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0","client_id":"client-1","api_key":"********"}""");
        await Assert.That(plan[5].Body).IsEqualTo("""{"backend_metadata":{"password":"********","partition":"gpu"}}""");
        await Assert.That(plan).DoesNotContain(p => p.ToString().Contains("sup3r-secret-key", StringComparison.Ordinal));
    }

    [Test]
    public async Task QueryingPost_IsStillSent()
    {
        await using var server = new LoopbackServer(_ => CannedResponse.Json("""{"is_unique": false}"""));
        using var client = TestClients.Client(server, o => o with { DryRun = true, WritePlan = _ => Assert.Fail("planned a read") });

        var answer = await client.CheckUniqueBackendIdAsync(Id, new CheckUniqueBackendIdRequest { BackendId = "acc1" }, Ct);

        await Assert.That(answer.IsUnique).IsFalse();
        await Assert.That(server.Requests).HasSingleItem();
    }

    [Test]
    public async Task WithoutASink_PlannedWritesAreLogged()
    {
        var logger = new ListLogger();
        await using var server = new LoopbackServer(_ => CannedResponse.Json("{}"));
        using var client = TestClients.Client(server, o => o with { DryRun = true }, logger);

        await client.SetOrderBackendIdAsync(Id, "remote-1", Ct);

        await Assert.That(server.Requests).IsEmpty();
        var entry = await Assert.That(logger.Entries).HasSingleItem(e => e.Id.Id == 3005);
        await Assert.That(entry.Level).IsEqualTo(LogLevel.Information);
        await Assert.That(entry.Message).Contains("""{"backend_id":"remote-1"}""");
    }
}
