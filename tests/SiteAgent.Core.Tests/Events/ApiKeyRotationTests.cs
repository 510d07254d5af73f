using System.Text;
using SiteAgent.Core.Events;
using SiteAgent.Core.Events.Handlers;
using SiteAgent.Core.Orders;
using SiteAgent.Core.Tests.Orders;
using SiteAgent.TestBackend;

namespace SiteAgent.Core.Tests.Events;

/// <summary>
/// <c>resource_api_key_rotation</c> and the reconciliation of keys stuck in Updating, on the in-memory
/// backend against the emulator: Waldur gets the secret the backend now accepts, keys Waldur does not
/// know are removed, failures mark the key erred, and no secret reaches a log line.
/// </summary>
public class ApiKeyRotationTests
{
    private static readonly Guid Resource = Guid.Parse("5e5e5e5e-5e5e-4e5e-8e5e-5e5e5e5e5e01");
    private static readonly Guid RotatedKey = Guid.Parse("4a4a4a4a-4a4a-4a4a-8a4a-4a4a4a4a4a01");
    private static readonly Guid OtherKey = Guid.Parse("4a4a4a4a-4a4a-4a4a-8a4a-4a4a4a4a4a02");

    private static string Scenario(string backendId = "tb_keys") =>
        $"resources:\n  - {{uuid: {Resource:N}, name: Keys, slug: keys, offering: memory, project: proj, plan: Default, state: OK, backend_id: {backendId}, limits: {{cpu: 5}}}}\n" +
        $"api_keys:\n  - {{uuid: {RotatedKey:N}, resource: {Resource:N}, client_id: c-one, state: Updating, api_key: old-one}}\n" +
        $"  - {{uuid: {OtherKey:N}, resource: {Resource:N}, client_id: c-two, state: OK, api_key: old-two}}\n";

    private static void PutResourceWithKeys(OrderWorld world) => world.Store.Put("tb_keys", new StoredResource
    {
        Owner = Resource,
        Project = "proj",
        Keys = { ["c-one"] = "old-one", ["c-two"] = "old-two", ["c-stray"] = "stray-secret" },
    });

    private static Task RotateEventAsync(OrderWorld world, EventServices services, string backendId = "tb_keys") =>
        new ApiKeyRotationEventHandler(services).HandleAsync(world.World.Offering, Encoding.UTF8.GetBytes(
            $$"""{"action": "rotate", "resource_uuid": "{{Resource:N}}", "resource_backend_id": "{{backendId}}", "api_key_uuid": "{{RotatedKey:N}}", "client_id": "c-one", "offering_uuid": "{{OrderWorld.Offering}}"}"""),
            CancellationToken.None);

    private static (string State, string ClientId, string ApiKey, string Error) Key(OrderWorld world, Guid key) => world.World.Emulator.Read(s =>
    {
        var stored = s.ApiKeys.Find(key.ToString("N"))!;
        return (stored.State, stored.ClientId, stored.ApiKey, stored.ErrorMessage);
    });

    private static string AllLogs(OrderWorld world) => string.Join("\n", world.World.Logs.Entries.Select(e => e.Message));

    [Test]
    public async Task Rotate_WaldurGetsTheSecretTheBackendAccepts_UnknownKeysRemoved_SecretNeverLogged()
    {
        await using var world = await OrderWorld.StartAsync(Scenario());
        PutResourceWithKeys(world);
        using var services = new EventServices(world.World.Runtime, world.World.Heartbeat);

        await RotateEventAsync(world, services);

        var (state, clientId, secret, _) = Key(world, RotatedKey);
        var backendKeys = world.Store.Find("tb_keys")!.Keys;
        await Assert.That(state).IsEqualTo("OK");
        await Assert.That(clientId).IsEqualTo("c-one");
        await Assert.That(secret).IsNotEqualTo("old-one");
        await Assert.That(backendKeys["c-one"]).IsEqualTo(secret);
        // Waldur knows c-one and c-two: the stray key goes, the other key is left alone.
        await Assert.That(backendKeys.Keys.Order()).IsEquivalentTo(new[] { "c-one", "c-two" }, TUnit.Assertions.Enums.CollectionOrdering.Matching);
        await Assert.That(backendKeys["c-two"]).IsEqualTo("old-two");
        await Assert.That(AllLogs(world)).Contains($"API key {RotatedKey} of tb_keys rotated");
        await Assert.That(AllLogs(world)).DoesNotContain(secret);
        await world.World.AssertNoContractViolationsAsync();
    }

    [Test]
    public async Task Rotate_BackendChangesTheClientId_WaldurGetsBoth_OldKeyGone()
    {
        await using var world = await OrderWorld.StartAsync(Scenario());
        PutResourceWithKeys(world);
        world.Store.RotateClientIds = true;
        using var services = new EventServices(world.World.Runtime, world.World.Heartbeat);

        await RotateEventAsync(world, services);

        var (state, clientId, secret, _) = Key(world, RotatedKey);
        var backendKeys = world.Store.Find("tb_keys")!.Keys;
        await Assert.That(state).IsEqualTo("OK");
        await Assert.That(clientId).StartsWith("tb_keys-");
        await Assert.That(backendKeys[clientId]).IsEqualTo(secret);
        await Assert.That(backendKeys.ContainsKey("c-one")).IsFalse();
        await Assert.That(AllLogs(world)).DoesNotContain(secret);
    }

    [Test]
    public async Task Rotate_BackendFails_KeyErredWithTheBackendsReason()
    {
        // Waldur names an account the backend does not have.
        await using var world = await OrderWorld.StartAsync(Scenario("tb_gone"));
        using var services = new EventServices(world.World.Runtime, world.World.Heartbeat);

        await RotateEventAsync(world, services, "tb_gone");

        var (state, _, secret, error) = Key(world, RotatedKey);
        await Assert.That(state).IsEqualTo("Erred");
        await Assert.That(secret).IsEqualTo("old-one");
        await Assert.That(error).Contains("resource tb_gone does not exist in the memory backend");
        await Assert.That(AllLogs(world)).Contains($"rotating API key {RotatedKey} of tb_gone failed");
    }

    [Test]
    public async Task Rotate_InternalFailure_WithDetailsHidden_WaldurGetsTheGenericMessage()
    {
        await using var world = await OrderWorld.StartAsync(Scenario(), globalKeys: "expose_backend_error_details: false\n");
        PutResourceWithKeys(world);
        world.Store.BeforeOperation = op => throw new InvalidOperationException($"{op} failed at /var/lib/internal/keys.db");
        using var services = new EventServices(world.World.Runtime, world.World.Heartbeat);

        await RotateEventAsync(world, services);

        var (state, _, _, error) = Key(world, RotatedKey);
        await Assert.That(state).IsEqualTo("Erred");
        await Assert.That(error).IsEqualTo(OrderErrors.InternalError);
    }

    [Test]
    public async Task RotateMessage_WithoutClientId_IsRejected_AndNothingChanges()
    {
        await using var world = await OrderWorld.StartAsync(Scenario());
        PutResourceWithKeys(world);
        using var services = new EventServices(world.World.Runtime, world.World.Heartbeat);
        var body = Encoding.UTF8.GetBytes($$"""{"action": "rotate", "resource_uuid": "{{Resource:N}}", "resource_backend_id": "tb_keys", "api_key_uuid": "{{RotatedKey:N}}"}""");

        await Assert.That(() => new ApiKeyRotationEventHandler(services).HandleAsync(world.World.Offering, body, CancellationToken.None))
            .Throws<EventRejectedException>().WithMessageContaining("client_id");
        await Assert.That(Key(world, RotatedKey).State).IsEqualTo("Updating");
        await Assert.That(world.Store.Operations.Any(o => o.StartsWith("rotate-key", StringComparison.Ordinal))).IsFalse();
    }

    [Test]
    public async Task Reconciliation_RotatesKeysStuckInUpdating_OnlyAfterThirtyMinutes()
    {
        await using var world = await OrderWorld.StartAsync(Scenario());
        PutResourceWithKeys(world);
        using var services = new EventServices(world.World.Runtime, world.World.Heartbeat);

        // Just set to Updating: a rotation may still be running, so the key is left alone.
        await EventReconciliation.RunAsync(services, EventProcessMode.ReconciliationService, eventOfferingsOnly: false, CancellationToken.None);
        await Assert.That(Key(world, RotatedKey).State).IsEqualTo("Updating");

        world.World.Clock.Now += TimeSpan.FromHours(1);
        await EventReconciliation.RunAsync(services, EventProcessMode.ReconciliationService, eventOfferingsOnly: false, CancellationToken.None);

        var (state, _, secret, _) = Key(world, RotatedKey);
        await Assert.That(state).IsEqualTo("OK");
        await Assert.That(world.Store.Find("tb_keys")!.Keys["c-one"]).IsEqualTo(secret);
        await Assert.That(Key(world, OtherKey).ApiKey).IsEqualTo("old-two");
        await Assert.That(AllLogs(world)).Contains("API key reconciliation: 1 keys stuck in Updating, 1 rotated again");
        await Assert.That(AllLogs(world)).DoesNotContain(secret);
        await world.World.AssertNoContractViolationsAsync();
    }
}
