using System.Text;
using SiteAgent.Backends.Commands;
using SiteAgent.Core.Events;
using SiteAgent.Core.Events.Handlers;
using SiteAgent.Core.Tests.Support;

namespace SiteAgent.Core.Tests.Events;

/// <summary>The importable_resources handler against the emulator, with the real SLURM backend over scripted sacctmgr answers.</summary>
public sealed class ImportableResourcesHandlerTests
{
    private const string Offering = "0f0f0f0f0f0f4f0f8f0f0f0f0f0f0f07";
    private const string Request = "c1c1c1c1c1c14c1c8c1c1c1c1c1c1c01";

    private static string Yaml(string state) => $$"""
        users:
          - {username: agent, is_staff: true}
        tokens:
          - {token: {{AgentWorld.Token}}, user: agent}
        customers:
          - {name: Provider, slug: prov}
        offerings:
          - name: Cluster
            uuid: {{Offering}}
            slug: cluster
            customer: prov
            components:
              - {type: cpu, name: CPU, billing_type: limit, measured_unit: k-Hours}
            plans:
              - {name: Default}
        backend_resource_requests:
          - {uuid: {{Request}}, offering: cluster, state: {{state}}}
        """;

    private static Func<string, string> Config(bool expose) => api => $$"""
        expose_backend_error_details: {{(expose ? "true" : "false")}}
        offerings:
          - name: "Cluster"
            waldur_api_url: "{{api}}"
            waldur_api_token: "{{AgentWorld.Token}}"
            waldur_offering_uuid: "{{Offering}}"
            backend_type: "slurm"
            order_processing_backend: "slurm"
            resource_import_enabled: true
            backend_settings:
              cluster_name: "testcluster"
              project_prefix: "hpc_"
              enable_user_homedir_account_creation: false
            backend_components:
              cpu: {measured_unit: "k-Hours", unit_factor: 60000, accounting_type: "limit", label: "CPU"}
        """;

    private static async Task HandleAsync(AgentWorld world)
    {
        using var services = new EventServices(world.Runtime, world.Heartbeat);
        var body = Encoding.UTF8.GetBytes($$"""{"backend_resource_request_uuid": "{{Request}}", "offering_uuid": "{{Offering}}"}""");
        await new ImportableResourcesEventHandler(services).HandleAsync(world.Offering, body, CancellationToken.None);
    }

    private static (string State, string Message, string Traceback) RequestState(AgentWorld world) => world.Emulator.Read(s =>
    {
        var request = s.BackendResourceRequests.Single();
        return (request.State, request.ErrorMessage, request.ErrorTraceback);
    });

    [Test]
    [Arguments(false)]
    [Arguments(true)]
    public async Task ListingFails_RequestErred_TracebackOnlyWhenDetailsAreExposed(bool expose)
    {
        await using var world = await AgentWorld.StartAsync(Yaml("Sent"), Config(expose), new FailingAccountList(), DateTimeOffset.UtcNow);

        await HandleAsync(world);

        var (state, message, traceback) = RequestState(world);
        await Assert.That(state).IsEqualTo("Erred");
        await Assert.That(message).Contains("Connection refused");
        await Assert.That(traceback.Length > 0).IsEqualTo(expose);
        await world.AssertNoContractViolationsAsync();
    }

    [Test]
    public async Task NothingToImport_RequestDone_NothingReported()
    {
        await using var world = await AgentWorld.StartAsync(Yaml("Sent"), Config(expose: true), new ScriptedSlurm(), DateTimeOffset.UtcNow);

        await HandleAsync(world);

        await Assert.That(RequestState(world).State).IsEqualTo("Done");
        await Assert.That(world.Emulator.Read(s => s.BackendResources.Count)).IsEqualTo(0);
    }

    [Test]
    [Arguments("Done")]
    [Arguments("Erred")]
    public async Task RedeliveredForAFinishedRequest_ChangesNothing(string state)
    {
        await using var world = await AgentWorld.StartAsync(Yaml(state), Config(expose: true), new ScriptedSlurm(), DateTimeOffset.UtcNow);

        await HandleAsync(world);

        await Assert.That(RequestState(world).State).IsEqualTo(state);
        await Assert.That(world.Emulator.Requests.Any(r => r.Method == "POST")).IsFalse();
    }

    /// <summary>SLURM whose accounting database is down for the account listing.</summary>
    private sealed class FailingAccountList : ICommandRunner
    {
        private readonly ScriptedSlurm _slurm = new();

        public Task<CommandResult> RunAsync(CommandSpec command, CancellationToken cancellationToken) =>
            command.Arguments.Contains("list") && command.Arguments.Contains("account")
                ? Task.FromResult(new CommandResult(1, "sacctmgr: error: Problem talking to the database: Connection refused\n", false, TimeSpan.Zero))
                : _slurm.RunAsync(command, cancellationToken);
    }
}
