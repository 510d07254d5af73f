using SiteAgent.Waldur.Integration.Tests.Infrastructure;
using SiteAgent.Waldur.Models;
using static SiteAgent.Waldur.Integration.Tests.Infrastructure.EmulatedWaldur;

namespace SiteAgent.Waldur.Integration.Tests.Behaviour;

/// <summary>Dry-run: reads reach the emulator, writes only the plan.</summary>
public sealed class DryRunTests
{
    [Test]
    public async Task DryRun_ReadsAndWrites_WritesPlannedNotSent()
    {
        var plan = new List<WaldurWritePlanEntry>();
        await using var w = await StartAsync(client: o => o with { DryRun = true, WritePlan = plan.Add });

        var order = await w.Client.GetOrderAsync(Ids.PendingOrder, cancellationToken: Ct);
        var check = await w.Client.CheckUniqueBackendIdAsync(Ids.Offering, new CheckUniqueBackendIdRequest { BackendId = "a_climate" }, Ct);
        var approved = await w.Client.ApproveOrderByProviderAsync(Ids.PendingOrder, Ct);
        var limits = await w.Client.SetProviderResourceLimitsAsync(Ids.Resource, new Dictionary<string, long> { ["cpu"] = 150 }, Ct);
        var key = await w.Client.ReportResourceApiKeyCreatedAsync(new ResourceApiKeyReportCreatedRequest(Ids.Resource, "key-2", "s3cret-api-key"), Ct);

        await Assert.That(w.Client.IsDryRun).IsTrue();
        await Assert.That((order.State, check.IsUnique)).IsEqualTo((OrderState.PendingProvider, false));
        await Assert.That((approved.Detail, limits.Status, key.Uuid)).IsEqualTo(("dry-run", "dry-run", Guid.Empty));
        await Assert.That(w.Requests.Select(r => r.OperationId)).IsEquivalentTo<IEnumerable<string?>, string?>(["marketplace_orders_retrieve", "marketplace_provider_offerings_check_unique_backend_id"], CollectionOrdering.Matching);
        await Assert.That(plan.Take(2).Select(e => (e.OperationId, e.Method, e.Path, e.Body))).IsEquivalentTo<IEnumerable<(string OperationId, string Method, string Path, string? Body)>, (string OperationId, string Method, string Path, string? Body)>([
                ("marketplace_orders_approve_by_provider", "POST", $"/api/marketplace-orders/{Ids.PendingOrder.Hex()}/approve_by_provider/", "{}"),
                ("marketplace_provider_resources_set_limits", "POST", $"/api/marketplace-provider-resources/{Ids.Resource.Hex()}/set_limits/", """{"limits":{"cpu":150}}"""),
            ], CollectionOrdering.Matching);
        await Assert.That(plan[2].Body).DoesNotContain("s3cret-api-key");
        await Assert.That(w.Read(s => s.Orders.At(Ids.PendingOrder).State)).IsEqualTo(OrderState.PendingProvider);
        await Assert.That(w.Read(s => s.Resources.At(Ids.Resource).Limits["cpu"])).IsEqualTo(100);
        await Assert.That(w.Read(s => s.ApiKeys.Count)).IsEqualTo(1);
        w.AssertNoViolations();
    }
}
