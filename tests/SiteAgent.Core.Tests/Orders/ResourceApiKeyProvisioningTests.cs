using SiteAgent.Core.Observability;
using SiteAgent.TestBackend;

namespace SiteAgent.Core.Tests.Orders;

/// <summary>
/// API keys of a new resource, on the in-memory backend against the emulator: a creation leaves the
/// resource with two keys that the backend accepts and Waldur holds, keys Waldur does not know are
/// removed, a failure of the keys never fails the order, and no secret reaches a log line.
/// </summary>
public class ResourceApiKeyProvisioningTests
{
    private static readonly Guid Create = Guid.Parse("c7c7c7c7-c7c7-4c7c-8c7c-c7c7c7c7c701");
    private static readonly Guid Resource = Guid.Parse("5e5e5e5e-5e5e-4e5e-8e5e-5e5e5e5e5e11");

    private static Dictionary<string, string> WaldurKeys(OrderWorld world, Guid resource) => world.World.Emulator.Read(s =>
        s.ApiKeys.Where(k => k.Resource.Uuid == resource.ToString("N")).ToDictionary(k => k.ClientId, k => k.ApiKey, StringComparer.Ordinal));

    private static string AllLogs(OrderWorld world) => string.Join("\n", world.World.Logs.Entries.Select(e => e.Message));

    private static bool AnyKeyRequest(OrderWorld world) =>
        world.World.Emulator.Requests.Any(r => r.Path.Contains("marketplace-resource-api-keys", StringComparison.Ordinal));

    [Test]
    public async Task Create_MintsTwoKeys_WaldurHoldsWhatTheBackendAccepts_SecretsNeverLogged()
    {
        await using var world = await OrderWorld.StartAsync("orders:\n" + OrderProcessingTests.CreateOrder(Create));

        await world.CycleAsync();

        await Assert.That(world.OrderState(Create).State).IsEqualTo("done");
        var resource = world.ResourceOf(Create);
        var inWaldur = WaldurKeys(world, resource.Uuid);
        var inBackend = world.Store.Find(resource.BackendId)!.Keys;
        await Assert.That(inWaldur.Count).IsEqualTo(2);
        await Assert.That(inWaldur.OrderBy(k => k.Key, StringComparer.Ordinal))
            .IsEquivalentTo(inBackend.OrderBy(k => k.Key, StringComparer.Ordinal), TUnit.Assertions.Enums.CollectionOrdering.Matching);
        await Assert.That(AllLogs(world)).Contains($"2 API keys minted for {resource.BackendId}, 2 reported to Waldur");
        foreach (var secret in inWaldur.Values)
        {
            await Assert.That(AllLogs(world)).DoesNotContain(secret);
        }

        await world.World.AssertNoContractViolationsAsync();
    }

    [Test]
    public async Task Create_WaldurKnowsOneKey_OtherBackendKeysRemoved_OneMinted()
    {
        await using var world = await OrderWorld.StartAsync(
            $"resources:\n  - {{uuid: {Resource:N}, name: Keyed, slug: keyed, offering: memory, project: proj, plan: Default, state: Creating}}\n" +
            $"api_keys:\n  - {{uuid: 4a4a4a4a4a4a4a4a8a4a4a4a4a4a4a11, resource: {Resource:N}, client_id: c-known, state: OK, api_key: known-secret}}\n" +
            $"orders:\n  - {{uuid: {Create:N}, type: Create, state: executing, resource: {Resource:N}, limits: {{cpu: 10}}}}\n");
        // The backend resource comes with a key Waldur knows and one it does not (left by an earlier life of the account).
        world.CountCreations(_ =>
        {
            var created = world.Store.Find("tb_keyed")!;
            created.Keys["c-known"] = "known-secret";
            created.Keys["c-stray"] = "stray-secret";
            world.Store.Put("tb_keyed", created);
        });

        await world.CycleAsync();

        await Assert.That(world.OrderState(Create).State).IsEqualTo("done");
        var inWaldur = WaldurKeys(world, Resource);
        var inBackend = world.Store.Find("tb_keyed")!.Keys;
        await Assert.That(inWaldur.Count).IsEqualTo(2);
        await Assert.That(inBackend.ContainsKey("c-stray")).IsFalse();
        await Assert.That(inBackend.Keys.Order(StringComparer.Ordinal))
            .IsEquivalentTo(inWaldur.Keys.Order(StringComparer.Ordinal), TUnit.Assertions.Enums.CollectionOrdering.Matching);
        await Assert.That(world.Store.Operations.Count(o => o == "generate-keys tb_keyed 1")).IsEqualTo(1);
        await Assert.That(AllLogs(world)).Contains("1 API keys minted for tb_keyed, 1 reported to Waldur");
    }

    [Test]
    public async Task BackendCannotMintKeys_OrderStillDone_WithAWarning()
    {
        await using var world = await OrderWorld.StartAsync("orders:\n" + OrderProcessingTests.CreateOrder(Create));
        world.Store.BeforeOperation = op =>
        {
            if (op.StartsWith("generate-keys ", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("the key service is down");
            }
        };

        await world.CycleAsync();

        await Assert.That(world.OrderState(Create).State).IsEqualTo("done");
        var resource = world.ResourceOf(Create);
        await Assert.That(WaldurKeys(world, resource.Uuid)).IsEmpty();
        var warnings = world.World.Logs.Entries.Where(e => e.EventId == LogEvents.ApiKeysProvisioningFailed).ToList();
        await Assert.That(warnings.Count).IsEqualTo(1);
        await Assert.That(warnings[0].Level).IsEqualTo(Microsoft.Extensions.Logging.LogLevel.Warning);
        await Assert.That(warnings[0].Message).Contains($"minting the keys for {resource.BackendId} failed (the key service is down)");
    }

    [Test]
    public async Task BackendWithoutTheCapability_MakesNoKeyCall()
    {
        await using var world = await OrderWorld.StartAsync("orders:\n" + OrderProcessingTests.CreateOrder(Create), resourceApiKeys: false);

        await world.CycleAsync();

        await Assert.That(world.OrderState(Create).State).IsEqualTo("done");
        await Assert.That(AnyKeyRequest(world)).IsFalse();
        await Assert.That(world.Store.Operations.Any(o => o.Contains("-keys ", StringComparison.Ordinal))).IsFalse();
    }

    [Test]
    public async Task RestoreOntoItsOriginalId_ProvisionsKeysToo_ButAResourceThatStillExistsGetsNone()
    {
        var restore = Guid.Parse("c7c7c7c7-c7c7-4c7c-8c7c-c7c7c7c7c702");
        var kept = Guid.Parse("5e5e5e5e-5e5e-4e5e-8e5e-5e5e5e5e5e12");
        var keptRestore = Guid.Parse("c7c7c7c7-c7c7-4c7c-8c7c-c7c7c7c7c703");
        await using var world = await OrderWorld.StartAsync(
            $"resources:\n  - {{uuid: {Resource:N}, name: Old, slug: old, offering: memory, project: proj, plan: Default, state: Terminated, backend_id: tb_old}}\n" +
            $"  - {{uuid: {kept:N}, name: Kept, slug: kept, offering: memory, project: proj, plan: Default, state: Terminated, backend_id: tb_kept}}\n" +
            $"orders:\n  - {{uuid: {restore:N}, type: Restore, state: executing, resource: {Resource:N}}}\n" +
            $"  - {{uuid: {keptRestore:N}, type: Restore, state: executing, resource: {kept:N}}}\n");
        // tb_kept was only soft-deleted: nothing is created, so its keys are left as they are.
        world.Store.Put("tb_kept", new StoredResource { Owner = kept, Project = "proj", Limits = { ["cpu"] = 0 } });

        await world.CycleAsync();

        await Assert.That(world.OrderState(restore).State).IsEqualTo("done");
        await Assert.That(world.OrderState(keptRestore).State).IsEqualTo("done");
        var inWaldur = WaldurKeys(world, Resource);
        await Assert.That(inWaldur.Count).IsEqualTo(2);
        await Assert.That(world.Store.Find("tb_old")!.Keys.Keys.Order(StringComparer.Ordinal))
            .IsEquivalentTo(inWaldur.Keys.Order(StringComparer.Ordinal), TUnit.Assertions.Enums.CollectionOrdering.Matching);
        await Assert.That(WaldurKeys(world, kept)).IsEmpty();
        await Assert.That(world.Store.Operations.Any(o => o.Contains("keys tb_kept", StringComparison.Ordinal))).IsFalse();
    }
}
