using System.Globalization;
using System.Text;
using SiteAgent.Testing;

namespace SiteAgent.Benchmarks.Events;

/// <summary>
/// Three event-driven offerings of one provider, the first with one project and one resource whose
/// team re-sync is what each benchmark event asks for. Names carry a random id, as in the other benches.
/// </summary>
internal sealed class EventBenchScenario(string clusterName)
{
    public string Id { get; } = Guid.NewGuid().ToString("N")[..6];

    public Guid[] OfferingUuids { get; } = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];

    public Guid ProjectUuid { get; } = Guid.NewGuid();

    public string Token => "bench-" + Id + "-0123456789abcdef";

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
              - {name: "Project {{Id}}", slug: proj-{{Id}}, uuid: {{ProjectUuid:N}}, customer: org-{{Id}}}
            offerings:

            """);
        for (var i = 0; i < OfferingUuids.Length; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $$"""
                  - name: "Cluster {{Id}} {{i}}"
                    uuid: {{OfferingUuids[i]:N}}
                    slug: cluster-{{Id}}-{{i}}
                    customer: prov-{{Id}}
                    backend_id: {{clusterName}}
                    components:
                      - {type: cpu, name: CPU, billing_type: limit, measured_unit: k-Hours, unit_factor: 60000}
                    plans:
                      - {name: Default, quotas: {cpu: 10} }

                """);
        }

        return yaml.Append(CultureInfo.InvariantCulture, $$"""
            resources:
              - {name: "Bench", offering: {{OfferingUuids[0]:N}}, project: proj-{{Id}}, plan: Default, state: OK, backend_id: "eb{{Id}}_absent", limits: {cpu: 1} }

            """).ToString();
    }

    /// <summary>The agent config: three offerings on the test broker, SLURM programs from <paramref name="slurmBin"/>.</summary>
    public string AgentConfig(string apiUrl, Uri webStomp, bool stomp, string slurmBin)
    {
        var settings = new Dictionary<string, string> { ["slurm_bin_path"] = $"\"{slurmBin}\"" };
        var keys = stomp
            ? $"    stomp_enabled: true\n    stomp_ws_host: \"{webStomp.Host}\"\n    stomp_ws_port: {webStomp.Port}\n    stomp_ws_path: \"{webStomp.AbsolutePath}\"\n    websocket_use_tls: false\n"
            : string.Empty;
        var config = new StringBuilder();
        for (var i = 0; i < OfferingUuids.Length; i++)
        {
            var one = SlurmAgentConfig.Yaml($"Cluster {Id} {i}", apiUrl, Token, OfferingUuids[i], "eb" + Id + "_", clusterName, settings)
                .Replace("    backend_type: \"slurm\"\n", "    backend_type: \"slurm\"\n" + keys, StringComparison.Ordinal);
            // Keep the first document whole; from the others take only their offering entry.
            config.Append(i == 0 ? one : one[(one.IndexOf("  - name:", StringComparison.Ordinal))..]);
        }

        return config.ToString();
    }
}
