using SiteAgent.IntegrationTests.Infrastructure;
using SiteAgent.Testing;

namespace SiteAgent.IntegrationTests.Operator;

/// <summary>The diagnostics and drift tables as a person sees them in a real terminal (tmux): aligned, coloured status, one line per check.</summary>
public class TerminalTableTests
{
    [Test]
    public async Task DiagnosticsTable_InATerminal_IsAlignedAndColoured()
    {
        var scenario = new TestScenario();
        await using var harness = await AgentHarness.StartAsync(scenario);
        File.SetUnixFileMode(harness.ConfigPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var arguments = new[] { "diagnostics", "-c", harness.ConfigPath, "--log-format", "plain" };

        var screen = await TmuxTerminal.CaptureAsync(AgentBinary.Path, arguments, harness.AgentEnvironment());
        var coloured = await TmuxTerminal.CaptureAsync(AgentBinary.Path, arguments, harness.AgentEnvironment(), escapes: true);
        await SaveSampleAsync("diagnostics", screen);

        var lines = screen.Split('\n');
        var header = Array.FindIndex(lines, l => l.StartsWith("STATUS  SCOPE", StringComparison.Ordinal));
        await Assert.That(header).IsGreaterThanOrEqualTo(0).Because(screen);
        var checkColumn = lines[header].IndexOf("CHECK", StringComparison.Ordinal);
        var rows = lines.Skip(header + 2).TakeWhile(l => l.Length > 0).ToList();
        await Assert.That(rows.Count).IsGreaterThanOrEqualTo(10).Because(screen);
        foreach (var row in rows)
        {
            await Assert.That(row[..4] is "OK  " or "WARN" or "FAIL").IsTrue().Because(row);
            await Assert.That(row[checkColumn - 1]).IsEqualTo(' ').Because(row);
            await Assert.That(row[checkColumn]).IsNotEqualTo(' ').Because(row);
        }

        await Assert.That(coloured).Contains("\u001b[32mOK");
        await Assert.That(screen).Contains("ok, 0 warning(s), 0 failed");
    }

    [Test]
    public async Task DriftTable_InATerminal_NamesEachDifferenceOnOneLine()
    {
        var scenario = new TestScenario();
        var order = scenario.AddCreateOrder("Terminal", cpu: 4, state: "executing");
        await using var harness = await AgentHarness.StartAsync(scenario);
        await Assert.That((await harness.RunAgentOnceAsync()).ExitCode).IsEqualTo(0);
        var account = (await harness.ResourceAsync(await harness.OrderResourceAsync(order))).GetProperty("backend_id").GetString()!;
        await SlurmCluster.WriteAsync("modify", "account", "where", $"name={account}", $"cluster={SlurmCluster.Name}", "set", "GrpTRESMins=cpu=123456");
        await SlurmCluster.WriteAsync("add", "user", "visitor" + scenario.Id, $"account={account}", $"cluster={SlurmCluster.Name}");

        var screen = await TmuxTerminal.CaptureAsync(AgentBinary.Path, ["drift", "-c", harness.ConfigPath, "--log-format", "plain"], harness.AgentEnvironment());
        await SaveSampleAsync("drift", screen);

        var lines = screen.Split('\n');
        await Assert.That(lines).Contains(l => l.StartsWith("KIND ", StringComparison.Ordinal) && l.Contains("WALDUR", StringComparison.Ordinal)).Because(screen);
        await Assert.That(lines).Contains(l => l.StartsWith("limit-mismatch", StringComparison.Ordinal) && l.Contains(account, StringComparison.Ordinal) && l.Contains(" 4 ", StringComparison.Ordinal));
        await Assert.That(lines).Contains(l => l.StartsWith("extra-user", StringComparison.Ordinal) && l.Contains("visitor" + scenario.Id, StringComparison.Ordinal));
        await Assert.That(screen).Contains("2 difference(s) found");
        // On a terminal the progress line is drawn in place and ends with the total.
        await Assert.That(screen).Contains("1/1 resources (100 %)");
    }

    /// <summary>Keeps the captured screen under TestResults/terminal for the README samples.</summary>
    private static async Task SaveSampleAsync(string name, string screen)
    {
        var directory = Path.Combine(RepositoryPaths.Root, "TestResults", "terminal");
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, name + ".txt"), screen);
    }
}
