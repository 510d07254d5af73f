using System.Globalization;
using System.Text;
using SiteAgent.Testing;

namespace SiteAgent.Benchmarks.Orders;

/// <summary>
/// The emulator data and agent config of one orders bench run: one offering, one project without team
/// members (so no user associations: the run measures account creation and limits), and N Create
/// orders in <c>executing</c> whose resources the orders create. Every name carries a random id, so runs
/// can share the SLURM cluster with each other and with the integration tests.
/// </summary>
internal sealed class OrderBenchScenario(int orderCount, string clusterName)
{
    /// <summary>Random id of this run's objects.</summary>
    public string Id { get; } = Guid.NewGuid().ToString("N")[..6];

    /// <summary>Prefix of every SLURM account the agent creates in this run.</summary>
    public string AgentPrefix => "bo" + Id + "_";

    /// <summary>Prefix the replay substitutes for <see cref="AgentPrefix"/>: same length, so the same commands on fresh accounts.</summary>
    public string ReplayPrefix => "br" + Id + "_";

    public Guid OfferingUuid { get; } = Guid.NewGuid();

    public string Token => "bench-" + Id + "-0123456789abcdef";

    public int OrderCount => orderCount;

    /// <summary>The scenario as YAML (the emulator README's format).</summary>
    public string Yaml()
    {
        var yaml = new StringBuilder().Append(CultureInfo.InvariantCulture, $$"""
            users:
              - {username: agent{{Id}}, is_staff: true}
            tokens:
              - {token: {{Token}}, user: agent{{Id}}}
            customers:
              - {name: "Provider {{Id}}", slug: prov-{{Id}}}
              - {name: "Research Org {{Id}}", slug: org-{{Id}}}
            projects:
              - {name: "Project {{Id}}", slug: proj-{{Id}}, customer: org-{{Id}}}
            offerings:
              - name: "Cluster {{Id}}"
                uuid: {{OfferingUuid:N}}
                slug: cluster-{{Id}}
                customer: prov-{{Id}}
                backend_id: {{clusterName}}
                components:
                  - {type: cpu, name: CPU, billing_type: limit, measured_unit: k-Hours, unit_factor: 60000}
                  - {type: mem, name: RAM, billing_type: usage, measured_unit: gb-Hours, unit_factor: 61440}
                plans:
                  - {name: Default, quotas: {cpu: 10} }
            orders:

            """);
        for (var i = 1; i <= orderCount; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture,
                $"  - {{type: Create, state: executing, offering: {OfferingUuid:N}, project: proj-{Id}, resource_name: \"Alloc {i:D4}\", plan: Default, limits: {{cpu: {10 + (i % 50)}}}}}\n");
        }

        return yaml.ToString();
    }

    /// <summary>The agent's config: the integration tests' SLURM offering with this run's prefixes.</summary>
    public string AgentConfig(string apiUrl) =>
        SlurmAgentConfig.Yaml("Cluster " + Id, apiUrl, Token, OfferingUuid, AgentPrefix, clusterName);
}
