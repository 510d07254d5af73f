using System.Text.Json.Nodes;

namespace SiteAgent.Benchmarks;

/// <summary>The emulator's data for the benchmarks: one offering, 150 orders, one resource to set limits on.</summary>
internal static class BenchmarkScenario
{
    public const string Token = "benchmark-token-0d9c8b7a6f5e";
    public const int OrderCount = 150;

    public static readonly Guid FirstOrder = Guid.Parse("0b000000000000000000000000000000");
    public static readonly Guid Resource = Guid.Parse("0c000000000000000000000000000001");

    public static string Json()
    {
        var orders = new JsonArray();
        for (var i = 0; i < OrderCount; i++)
        {
            orders.Add(new JsonObject
            {
                ["uuid"] = $"0b{i:x30}",
                ["type"] = "Create",
                ["state"] = i % 2 == 0 ? "pending-provider" : "executing",
                ["offering"] = "bench",
                ["project"] = "bench-project",
                ["resource_name"] = $"allocation-{i:D3}",
                ["plan"] = "Default",
                ["limits"] = new JsonObject { ["cpu"] = 100 + i },
            });
        }

        return new JsonObject
        {
            ["customers"] = new JsonArray(
                new JsonObject { ["name"] = "Bench HPC", ["slug"] = "bench-hpc" },
                new JsonObject { ["name"] = "Bench Research", ["slug"] = "bench-research" }),
            ["projects"] = new JsonArray(new JsonObject { ["name"] = "Bench project", ["slug"] = "bench-project", ["customer"] = "bench-research" }),
            ["offerings"] = new JsonArray(new JsonObject
            {
                ["name"] = "Bench cluster",
                ["slug"] = "bench",
                ["customer"] = "bench-hpc",
                ["components"] = new JsonArray(new JsonObject { ["type"] = "cpu", ["name"] = "CPU", ["billing_type"] = "limit", ["measured_unit"] = "k-Hours" }),
                ["plans"] = new JsonArray(new JsonObject { ["name"] = "Default", ["unit"] = "month", ["quotas"] = new JsonObject { ["cpu"] = 100 } }),
            }),
            ["resources"] = new JsonArray(new JsonObject
            {
                ["uuid"] = Resource.ToString("N"),
                ["name"] = "bench-resource",
                ["offering"] = "bench",
                ["project"] = "bench-project",
                ["plan"] = "Default",
                ["state"] = "OK",
                ["limits"] = new JsonObject { ["cpu"] = 100 },
            }),
            ["orders"] = orders,
        }.ToJsonString();
    }
}
