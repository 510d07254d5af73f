using System.Text.Json;
using SiteAgent.Testing;

namespace SiteAgent.Tests.Cli;

public class BackendsListTests
{
    [Fact]
    public async Task BackendsList_DefaultManifest_ShowsBaseAndSlurmWithCapabilities()
    {
        var outcome = await AgentBinary.RunAsync("backends", "list");

        Assert.Equal(0, outcome.ExitCode);
        var lines = outcome.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("ID", lines[0], StringComparison.Ordinal);
        Assert.Equal(["base", "slurm"], lines.Skip(1).Select(l => l.Split(' ')[0]));
        Assert.Contains("username_management", lines[1], StringComparison.Ordinal);
        Assert.Contains("order_processing", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task BackendsListJson_IsMachineReadable()
    {
        var outcome = await AgentBinary.RunAsync("backends", "list", "--json");

        using var document = JsonDocument.Parse(outcome.Output);
        var slurm = document.RootElement.EnumerateArray().Single(e => e.GetProperty("id").GetString() == "slurm");
        Assert.Equal("SiteAgent.Backends.Slurm.SlurmBackend", slurm.GetProperty("type").GetString());
        var capabilities = slurm.GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Contains("order_processing", capabilities);
        Assert.Contains("membership_sync", capabilities);
    }
}
