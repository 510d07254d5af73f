using System.Text.Json;
using SiteAgent.Testing;

namespace SiteAgent.Tests.Cli;

public class BackendsListTests
{
    [Test]
    public async Task BackendsList_DefaultManifest_ShowsBaseAndSlurmWithCapabilities()
    {
        var outcome = await AgentBinary.RunAsync("backends", "list");

        await Assert.That(outcome.ExitCode).IsEqualTo(0);
        var lines = outcome.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        await Assert.That(lines[0]).StartsWith("ID");
        await Assert.That(lines.Skip(1).Select(l => l.Split(' ')[0])).IsEquivalentTo(["base", "slurm"], CollectionOrdering.Matching);
        await Assert.That(lines[1]).Contains("username_management");
        await Assert.That(lines[2]).Contains("order_processing");
    }

    [Test]
    public async Task BackendsListJson_IsMachineReadable()
    {
        var outcome = await AgentBinary.RunAsync("backends", "list", "--json");

        using var document = JsonDocument.Parse(outcome.Output);
        var slurm = document.RootElement.EnumerateArray().Single(e => e.GetProperty("id").GetString() == "slurm");
        await Assert.That(slurm.GetProperty("type").GetString()).IsEqualTo("SiteAgent.Backends.Slurm.SlurmBackend");
        var capabilities = slurm.GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()).ToList();
        await Assert.That(capabilities).Contains("order_processing");
        await Assert.That(capabilities).Contains("membership_sync");
    }
}
