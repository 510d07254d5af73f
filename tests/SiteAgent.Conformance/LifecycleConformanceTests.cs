using SiteAgent.Backends;
using SiteAgent.Backends.Capabilities;
using SiteAgent.Backends.Model;
using SiteAgent.Generated;

namespace SiteAgent.Conformance;

/// <summary>
/// The life of one resource on every backend that processes orders: create, exists, set limits, usage,
/// users, delete, with the answers the core relies on at each step (ownership, duplicates, absent is success).
/// </summary>
public sealed class LifecycleConformanceTests
{
    private static CancellationToken Token => TestContext.Current!.Execution.CancellationToken;

    /// <summary>Backends of the registry that process orders.</summary>
    public static IEnumerable<string> OrderBackends() =>
        BackendRegistry.All.Where(d => d.Has(BackendCapabilities.OrderProcessing)).Select(d => d.Id);

    [Test]
    [MethodDataSource(nameof(OrderBackends))]
    public async Task Resource_CreateExistsLimitsUsageUsersDelete(string id)
    {
        await using var harness = ConformanceBackends.Harnesses[id]();
        harness.RequireEnvironment();
        var backend = harness.Create(BackendRegistry.Find(id)!);
        var orders = (IOrderProcessingBackend)backend;
        var backendId = orders.BackendIdFor(harness.Candidate("alloc-1"));
        var resource = harness.Resource("alloc-1") with { BackendId = backendId };

        await Assert.That(await orders.ExistsAsync(resource, Token)).IsFalse();
        await Assert.That((await orders.CheckOwnershipAsync(resource, Token)).State).IsEqualTo(OwnershipState.Absent);
        await Assert.That(await orders.WhyIdIsTakenAsync(resource, backendId, Token)).IsNull();

        var created = await orders.CreateResourceAsync(resource, backendId, UserContext.Empty, Token);

        await Assert.That(created.BackendId).IsEqualTo(backendId);
        await Assert.That(await orders.ExistsAsync(resource, Token)).IsTrue();
        await Assert.That((await orders.CheckOwnershipAsync(resource, Token)).State).IsEqualTo(OwnershipState.Owned);
        var other = harness.Resource("alloc-2");
        await Assert.That(await orders.WhyIdIsTakenAsync(other, backendId, Token)).IsNotNull();
        await Assert.ThrowsAsync<DuplicateResourceException>(() => orders.CreateResourceAsync(resource, backendId, UserContext.Empty, Token));

        await orders.SetResourceLimitsAsync(resource, new Dictionary<string, decimal> { ["cpu"] = 20 }, Token);
        if (backend is ILimitReadingBackend limits)
        {
            await Assert.That((await limits.GetResourceLimitsAsync(backendId, Token))["cpu"]).IsEqualTo(20m);
        }

        if (backend is IUsageReportingBackend usage)
        {
            var report = await usage.GetUsageReportAsync([backendId], Token);
            await Assert.That(report.Failed.Keys).DoesNotContain(backendId);
            await Assert.That(report.Unknown).DoesNotContain(backendId);
            var amounts = report.Resources.GetValueOrDefault(backendId)?.Total.Values ?? [];
            await Assert.That(amounts.All(a => a >= 0)).IsTrue();
        }

        if (backend is IMembershipBackend membership)
        {
            await UsersAsync(harness, membership, resource);
        }

        await orders.DeleteResourceAsync(resource, resource.ProjectSlug, Token);

        await Assert.That(await orders.ExistsAsync(resource, Token)).IsFalse();
        await orders.DeleteResourceAsync(resource, resource.ProjectSlug, Token);
    }

    private static async Task UsersAsync(BackendHarness harness, IMembershipBackend membership, ResourceRequest resource)
    {
        string[] users = [harness.User("alice"), harness.User("bob")];

        var added = await membership.AddUsersAsync(resource, [.. users, "eve;id"], MembershipDetails.None, Token);

        await Assert.That(added).IsEquivalentTo(users);
        var present = (await membership.ReadMembershipAsync([resource.BackendId], Token))[resource.BackendId];
        await Assert.That(present.Intersect(users)).IsEquivalentTo(users);
        await Assert.That(present).DoesNotContain("eve;id");
        await Assert.That(harness.SideEffects.Any(e => e.Contains("eve;id", StringComparison.Ordinal))).IsFalse();

        var removed = await membership.RemoveUsersAsync(resource, [users[0]], MembershipDetails.None, Token);

        await Assert.That(removed).IsEquivalentTo([users[0]]);
        present = (await membership.ReadMembershipAsync([resource.BackendId], Token))[resource.BackendId];
        await Assert.That(present).DoesNotContain(users[0]);
        await Assert.That(present).Contains(users[1]);
    }
}
