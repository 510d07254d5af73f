using SiteAgent.Testing;

namespace SiteAgent.IntegrationTests.Infrastructure;

/// <summary>
/// Runs a program in a real terminal (a detached tmux session on a private server) and returns the
/// screen as a person would see it. The program is started directly, without a shell.
/// </summary>
internal static class TmuxTerminal
{
    /// <summary>The screen after <paramref name="program"/> exited, with colour escapes when <paramref name="escapes"/>.</summary>
    public static async Task<string> CaptureAsync(string program, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?> environment, bool escapes = false, int width = 220)
    {
        var socket = "agent-test-" + Guid.NewGuid().ToString("N")[..8];
        var conf = Path.Combine(Path.GetTempPath(), socket + ".conf");
        await File.WriteAllTextAsync(conf, "set -g remain-on-exit on\nset -g history-limit 5000\n");
        try
        {
            var variables = environment.Where(p => p.Value is not null).SelectMany(p => new[] { "-e", $"{p.Key}={p.Value}" });
            await TmuxAsync(socket, conf, ["new-session", "-d", "-s", "t", "-x", width.ToString(System.Globalization.CultureInfo.InvariantCulture), "-y", "60", .. variables, "--", program, .. arguments]);
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while ((await TmuxAsync(socket, conf, ["display-message", "-p", "-t", "t", "#{pane_dead}"])).Output.Trim() != "1")
            {
                if (DateTime.UtcNow > deadline)
                {
                    Assert.Fail("the program did not finish in the terminal");
                }

                await Task.Delay(200);
            }

            var capture = await TmuxAsync(socket, conf, ["capture-pane", "-p", "-J", "-S", "-", "-t", "t", .. (escapes ? new[] { "-e" } : [])]);
            return capture.Output;
        }
        finally
        {
            await ProcessRunner.RunAsync("tmux", ["-L", socket, "-f", conf, "kill-server"]);
            File.Delete(conf);
        }
    }

    private static async Task<ProcessOutcome> TmuxAsync(string socket, string conf, IReadOnlyList<string> arguments)
    {
        var outcome = await ProcessRunner.RunAsync("tmux", ["-L", socket, "-f", conf, .. arguments]);
        if (outcome.ExitCode != 0)
        {
            Assert.Fail("tmux failed: " + outcome);
        }

        return outcome;
    }
}
