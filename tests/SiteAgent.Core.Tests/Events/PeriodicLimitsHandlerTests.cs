using System.Text;
using System.Text.Json.Nodes;
using SiteAgent.Core.Events;
using SiteAgent.Core.Events.Handlers;
using SiteAgent.Core.Observability;
using SiteAgent.Core.Tests.Orders;
using SiteAgent.Waldur.Emulator.Faults;

namespace SiteAgent.Core.Tests.Events;

/// <summary>
/// The periodic-limits handler against the in-process emulator: every command gets a verdict in the
/// policy's command results, whatever went wrong, and a verdict that cannot be posted is only logged.
/// The offering's backend is the in-memory one, which does not apply periodic settings.
/// </summary>
public class PeriodicLimitsHandlerTests
{
    private const string Policy = "5a5a5a5a-5a5a-4a5a-8a5a-5a5a5a5a5a01";
    private const string Resource = "6b6b6b6b-6b6b-4b6b-8b6b-6b6b6b6b6b01";

    private static readonly string Policies = $"slurm_policies:\n  - {{uuid: {Policy.Replace("-", "", StringComparison.Ordinal)}, offering: {OrderWorld.Offering}}}\n";

    [Test]
    public async Task BackendWithoutTheCapability_IsWarned_AndReportedAsAFailure()
    {
        await using var world = await OrderWorld.StartAsync(Policies);

        await HandleAsync(world, Command());

        var report = await Assert.That(Reports(world)).HasSingleItem();
        await Assert.That(report!["success"]!.GetValue<bool>()).IsFalse();
        await Assert.That(report["resource_uuid"]!.GetValue<string>()).IsEqualTo(Resource);
        await Assert.That(report["error_message"]!.GetValue<string>()).IsEqualTo("Backend \"memory\" of offering \"Memory\" does not support periodic settings");
        await Assert.That(report["commands_executed"]!.AsArray()).IsEmpty();
        await Assert.That(world.World.Logs.Messages(LogEvents.EventPeriodicLimitsUnsupported)).HasSingleItem();
        await Assert.That(world.World.Logs.Messages(LogEvents.EventPeriodicLimitsReported)).HasSingleItem();
        await world.World.AssertNoContractViolationsAsync();
    }

    [Test]
    [Arguments("action", "apply_everything")]
    [Arguments("backend_id", "")]
    public async Task InvalidMessage_IsReportedWithWaldursWording(string key, string value)
    {
        await using var world = await OrderWorld.StartAsync(Policies);
        var command = Command();
        command[key] = value;

        await HandleAsync(world, command);

        var report = await Assert.That(Reports(world)).HasSingleItem();
        await Assert.That(report!["success"]!.GetValue<bool>()).IsFalse();
        await Assert.That(report["error_message"]!.GetValue<string>()).IsEqualTo(PeriodicLimitsEventHandler.InvalidMessageError);
        await Assert.That(world.World.Logs.Messages(LogEvents.EventPeriodicLimitsUnsupported)).IsEmpty();
    }

    [Test]
    public async Task NoPolicy_IsWarned_AndNothingIsPosted()
    {
        await using var world = await OrderWorld.StartAsync(Policies);
        var command = Command();
        command.Remove("policy_uuid");

        await HandleAsync(world, command);

        await Assert.That(Reports(world)).IsEmpty();
        await Assert.That(world.World.Emulator.Requests.Where(r => r.Method == "POST")).IsEmpty();
        var warning = await Assert.That(world.World.Logs.Messages(LogEvents.EventPeriodicLimitsNoPolicy)).HasSingleItem();
        await Assert.That(warning).Contains("does not support periodic settings");
    }

    [Test]
    public async Task ReportRefusedByWaldur_IsLoggedOnly()
    {
        await using var world = await OrderWorld.StartAsync(Policies);
        world.World.Emulator.Faults.Add(new FaultRule { Path = "/api/marketplace-slurm-periodic-usage-policies/*/report-command-result/", Method = "POST", Status = 400 });

        await HandleAsync(world, Command());

        await Assert.That(Reports(world)).IsEmpty();
        var error = await Assert.That(world.World.Logs.Messages(LogEvents.EventPeriodicLimitsReportFailed)).HasSingleItem();
        await Assert.That(error).Contains($"policy {Policy}");
    }

    private static JsonObject Command() => new()
    {
        ["resource_uuid"] = Resource,
        ["backend_id"] = "tb_alloc",
        ["policy_uuid"] = Policy,
        ["action"] = PeriodicLimitsEventHandler.ApplyAction,
        ["settings"] = new JsonObject { ["fairshare"] = 5, ["grp_tres_mins"] = new JsonObject { ["cpu"] = 60 } },
        ["timestamp"] = "2026-12-07T19:00:00+00:00",
        ["offering_uuid"] = OrderWorld.Offering,
    };

    private static async Task HandleAsync(OrderWorld world, JsonObject command)
    {
        using var services = new EventServices(world.World.Runtime, world.World.Heartbeat);
        var handler = new PeriodicLimitsEventHandler(services);
        await handler.HandleAsync(world.World.Offering, Encoding.UTF8.GetBytes(command.ToJsonString()), CancellationToken.None);
    }

    private static JsonObject[] Reports(OrderWorld world) => world.World.Emulator.Read(s =>
        s.SlurmPolicies.Single().CommandResults.Select(r => (JsonObject)r.DeepClone()).ToArray());
}
