using SiteAgent.Core.Offerings;
using SiteAgent.Core.Reporting;
using SiteAgent.Core.Tests.Support;
using SiteAgent.Testing;
using SiteAgent.Waldur.Emulator.State;

namespace SiteAgent.Core.Tests.Reporting;

/// <summary>
/// Two allocations with the usage of the real capture <c>sacct-usage-two-accounts.txt</c> (November 2026):
/// <c>hpc_alloc-1</c> (OK, users root, nobody, daemon) and <c>hpc_alloc-2</c> (Updating, user root), components
/// cpu, mem and gres/gpu with unit factor 1, and an offering user <c>nobody</c>.
/// </summary>
internal static class ReportScenario
{
    public const string Offering = "0f0f0f0f0f0f4f0f8f0f0f0f0f0f0f01";
    public const string Alloc1 = "a1a1a1a1a1a14a1a8a1a1a1a1a1a1a01";
    public const string Alloc2 = "a2a2a2a2a2a24a2a8a2a2a2a2a2a2a02";

    /// <summary>The month the capture was taken in; the clock is set inside it.</summary>
    public static readonly DateTimeOffset November = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    public static string SacctCapture => File.ReadAllText(RepositoryPaths.Combine("tests", "SiteAgent.Backends.Slurm.Tests", "Fixtures", "sacct-usage-two-accounts.txt"));

    public static string Yaml(string extraResources = "", string extraSections = "") => $$"""
        users:
          - {username: agent, is_staff: true}
          - {username: nobody@example.org, email: nobody@example.org}
        tokens:
          - {token: {{AgentWorld.Token}}, user: agent}
        customers:
          - {name: Provider, slug: prov}
          - {name: Org, slug: org}
        projects:
          - {name: Project, slug: proj, customer: org}
        offerings:
          - name: Cluster
            uuid: {{Offering}}
            slug: cluster
            customer: prov
            components:
              - {type: cpu, name: CPU, billing_type: usage, measured_unit: CPU-minutes}
              - {type: mem, name: RAM, billing_type: usage, measured_unit: MB-minutes}
              - {type: gres/gpu, name: GPU, billing_type: usage, measured_unit: GPU-minutes}
            plans:
              - {name: Default}
        offering_users:
          - {offering: cluster, user: nobody@example.org, username: nobody, state: OK}
        resources:
          - {uuid: {{Alloc1}}, name: Alloc 1, offering: cluster, project: proj, plan: Default, state: OK, backend_id: hpc_alloc-1}
          - {uuid: {{Alloc2}}, name: Alloc 2, offering: cluster, project: proj, plan: Default, state: Updating, backend_id: hpc_alloc-2}
        {{extraResources}}
        {{extraSections}}
        """;

    public static Func<string, string> AgentConfig(int periods = 2, string extraComponents = "") => api => $$"""
        timezone: "UTC"
        reporting_periods: {{periods}}
        offerings:
          - name: "Cluster"
            waldur_api_url: "{{api}}"
            waldur_api_token: "{{AgentWorld.Token}}"
            waldur_offering_uuid: "{{Offering}}"
            backend_type: "slurm"
            reporting_backend: "slurm"
            backend_settings:
              cluster_name: "testcluster"
              enable_user_homedir_account_creation: false
            backend_components:
              cpu: {measured_unit: "CPU-minutes", unit_factor: 1, accounting_type: "usage", label: "CPU"}
              mem: {measured_unit: "MB-minutes", unit_factor: 1, accounting_type: "usage", label: "RAM"}
              gres/gpu: {measured_unit: "GPU-minutes", unit_factor: 1, accounting_type: "usage", label: "GPU"}
        {{extraComponents}}
        """;

    /// <summary>A SLURM whose two allocation accounts exist and used, in November 2026, what the capture shows.</summary>
    public static ScriptedSlurm Slurm()
    {
        var slurm = new ScriptedSlurm();
        slurm.Usage["2026-11"] = SacctCapture;
        slurm.Accounts.UnionWith(["hpc_alloc-1", "hpc_alloc-2"]);
        return slurm;
    }

    /// <summary>Runs one report cycle of the world's offering (retries without pauses).</summary>
    public static async Task<ReportTotals> ReportAsync(this AgentWorld world)
    {
        var session = await world.SessionAsync(new OfferingSessionFactory(world.Runtime));
        return await new UsageReportCycle(world.Runtime, session, world.Heartbeat, [TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero])
            .RunAsync(CancellationToken.None, CancellationToken.None);
    }

    /// <summary>Component usages of a resource in a month: type → amount.</summary>
    public static Dictionary<string, decimal> Totals(this AgentWorld world, string resource, int month = 11) => world.Emulator.Read(s =>
        s.ComponentUsages.Where(u => u.Resource.Uuid == resource && u.BillingPeriod == new DateOnly(2026, month, 1))
            .ToDictionary(u => u.Component.Type, u => u.Usage));

    /// <summary>Per-user usages of a resource in a month: (type, username) → (amount, offering user or null).</summary>
    public static Dictionary<(string Type, string User), (decimal Usage, string? OfferingUser)> UserUsages(this AgentWorld world, string resource, int month = 11) =>
        world.Emulator.Read(s => s.ComponentUserUsages
            .Where(u => u.ComponentUsage.Resource.Uuid == resource && u.ComponentUsage.BillingPeriod == new DateOnly(2026, month, 1))
            .ToDictionary(u => (u.ComponentUsage.Component.Type, u.Username), u => (u.Usage, u.OfferingUser?.Username)));

    /// <summary>Requests the agent sent to a path containing <paramref name="part"/> with <paramref name="method"/>.</summary>
    public static int Sent(this AgentWorld world, string method, string part) =>
        world.Emulator.Requests.Count(r => r.Method == method && r.Path.Contains(part, StringComparison.Ordinal));
}
