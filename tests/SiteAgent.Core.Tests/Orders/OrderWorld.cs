using SiteAgent.Backends;
using SiteAgent.Backends.Capabilities;
using SiteAgent.Backends.Commands;
using SiteAgent.Backends.Registry;
using SiteAgent.Core.Orders;
using SiteAgent.Core.Tests.Support;
using SiteAgent.TestBackend;

namespace SiteAgent.Core.Tests.Orders;

/// <summary>
/// The order processor of a real agent runtime against the in-process emulator and the in-memory backend:
/// one offering "Memory" (allocation prefix <c>tb_</c>, component cpu) in a project <c>proj</c>, its own store.
/// </summary>
internal sealed class OrderWorld : IAsyncDisposable, ICatalogAddition
{
    public const string Offering = "0f0f0f0f0f0f4f0f8f0f0f0f0f0f0f21";
    public const string SecondOffering = "0f0f0f0f0f0f4f0f8f0f0f0f0f0f0f22";

    private OrderWorld(MemoryStore store, bool resourceApiKeys)
    {
        Store = store;
        Descriptor = new("memory", "In-memory", "1.0.0", "", typeof(MemoryBackend).FullName!,
            [BackendCapabilities.OrderProcessing, BackendCapabilities.MembershipSync, BackendCapabilities.UsageReporting,
             BackendCapabilities.LimitReading, BackendCapabilities.ResourceStatus, .. (resourceApiKeys ? new[] { BackendCapabilities.ResourceApiKeys } : []),
             BackendCapabilities.UserAttributes],
            r => MemoryBackendSettings.Read(r), (settings, context) => new MemoryBackend((MemoryBackendSettings)settings, context));
    }

    public MemoryStore Store { get; }

    public AgentWorld World { get; private set; } = null!;

    public BackendDescriptor Descriptor { get; }

    /// <summary>Starts the world.</summary>
    /// <param name="resourcesAndOrders">YAML sections (resources, orders) added to the scenario.</param>
    /// <param name="secondOfferingStore">When given, a second offering "Other" on its own store follows the first in the config.</param>
    /// <param name="offeringKeys">More keys of the first offering's config, each on a new line indented by four spaces.</param>
    /// <param name="globalKeys">Top-level config keys, each line ending in a newline.</param>
    /// <param name="resourceApiKeys">False: the backend's descriptor does not declare the resource API keys capability.</param>
    public static async Task<OrderWorld> StartAsync(string resourcesAndOrders, MemoryStore? secondOfferingStore = null, string offeringKeys = "", string globalKeys = "",
        bool resourceApiKeys = true)
    {
        var world = new OrderWorld(MemoryStore.Create(), resourceApiKeys);
        world.World = await AgentWorld.StartAsync(Scenario(resourcesAndOrders), api => globalKeys + Config(api, world.Store, secondOfferingStore, offeringKeys),
            NoCommandRunner.Instance, DateTimeOffset.UtcNow, world);
        return world;
    }

    /// <summary>One order cycle over every offering, as <c>-m order_process --once</c> runs it; retries without pauses.</summary>
    public Task<bool> CycleAsync(CancellationToken abort = default) =>
        new OrderProcessMode(World.Runtime, World.Heartbeat) { RetryDelays = [TimeSpan.Zero, TimeSpan.Zero] }.RunCycleAsync(CancellationToken.None, abort);

    public (string State, string ErrorMessage) OrderState(Guid uuid) => World.Emulator.Read(s =>
    {
        var order = s.Orders.Find(uuid.ToString("N"))!;
        return (order.State, order.ErrorMessage);
    });

    public (string State, string BackendId, Guid Uuid) ResourceOf(Guid order) => World.Emulator.Read(s =>
    {
        var resource = s.Orders.Find(order.ToString("N"))!.Resource;
        return (resource.State, resource.BackendId, Guid.Parse(resource.Uuid));
    });

    /// <summary>The POST actions the agent sent (last path segment), in order, with the request body.</summary>
    public List<(string Action, string Body)> Posts() => World.Emulator.Requests.Where(r => r.Method == "POST")
        .Select(r => (r.Path.TrimEnd('/').Split('/')[^1], r.RequestBody ?? "")).ToList();

    /// <summary>How many creations the store applied (a creation interrupted before it applied does not count).</summary>
    public int CreationsApplied { get; private set; }

    /// <summary>Counts applied creations, and runs <paramref name="after"/> after each.</summary>
    public void CountCreations(Action<string>? after = null) => Store.AfterOperation = op =>
    {
        if (op.StartsWith("create ", StringComparison.Ordinal))
        {
            CreationsApplied++;
            after?.Invoke(op);
        }
    };

    public async ValueTask DisposeAsync() => await World.DisposeAsync();

    private static string Scenario(string extra) => $$"""
        users:
          - {username: agent, is_staff: true}
        tokens:
          - {token: {{AgentWorld.Token}}, user: agent}
        customers:
          - {name: Provider, slug: prov}
          - {name: Org, slug: org}
        projects:
          - {name: Project, slug: proj, customer: org}
        offerings:
          - name: Memory
            uuid: {{Offering}}
            slug: memory
            customer: prov
            components:
              - {type: cpu, name: CPU, billing_type: limit, measured_unit: k-Hours}
            plans:
              - {name: Default}
          - name: Other
            uuid: {{SecondOffering}}
            slug: other
            customer: prov
            components:
              - {type: cpu, name: CPU, billing_type: limit, measured_unit: k-Hours}
            plans:
              - {name: Default}
        {{extra}}
        """;

    private static string Config(string api, MemoryStore store, MemoryStore? second, string offeringKeys) => $$"""
        offerings:
        {{OfferingYaml("Memory", Offering, api, store) + offeringKeys}}
        {{(second is null ? "" : OfferingYaml("Other", SecondOffering, api, second))}}
        """;

    private static string OfferingYaml(string name, string uuid, string api, MemoryStore store) => $$"""
          - name: "{{name}}"
            waldur_api_url: "{{api}}"
            waldur_api_token: "{{AgentWorld.Token}}"
            waldur_offering_uuid: "{{uuid}}"
            backend_type: "memory"
            order_processing_backend: "memory"
            backend_settings:
              store: "{{store.Name}}"
              allocation_prefix: "tb_"
            backend_components:
              cpu: {measured_unit: "k-Hours", unit_factor: 1, accounting_type: "limit", label: "CPU"}
        """;
}
