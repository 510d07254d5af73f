using System.Diagnostics;

namespace SiteAgent.Benchmarks.Orders;

/// <summary>One run of the agent binary: <c>-m order_process --once</c> at Debug with JSON logs.</summary>
/// <param name="StartedUtc">When the process was started, by the system clock the agent's log timestamps use.</param>
/// <param name="Wall">From process start to exit: the time until every order was handled.</param>
/// <param name="ExitCode">The agent's exit code.</param>
/// <param name="Log">What it logged.</param>
/// <param name="Lines">Everything it printed, one log entry per line.</param>
internal sealed record AgentRun(DateTime StartedUtc, TimeSpan Wall, int ExitCode, AgentLog Log, IReadOnlyList<string> Lines)
{
    /// <summary>Runs the binary once against <paramref name="configPath"/> and reads its log.</summary>
    public static async Task<AgentRun> RunAsync(string binary, string configPath, string workDirectory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(binary)
        {
            ArgumentList = { "-m", "order_process", "-c", configPath, "--once", "--log-format", "json" },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workDirectory,
        };
        start.Environment["WALDUR_SITE_AGENT_LOG_LEVEL"] = "DEBUG";
        start.Environment["WALDUR_SITE_AGENT_HEARTBEAT_FILE"] = Path.Combine(workDirectory, "heartbeat");
        start.Environment.Remove("WALDUR_SITE_AGENT_LOG_FORMAT");
        start.Environment.Remove("JOURNAL_STREAM");

        var lines = new List<string>();
        var startedUtc = DateTime.UtcNow;
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + binary);
        process.StandardInput.Close();
        var stdout = PumpAsync(process.StandardOutput, lines);
        var stderr = PumpAsync(process.StandardError, lines);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the agent did not finish within {timeout.TotalMinutes:0} minutes (or the run was interrupted)");
        }

        stopwatch.Stop();
        await Task.WhenAll(stdout, stderr).ConfigureAwait(false);
        var log = new AgentLog();
        lines.ForEach(log.Add);
        return new AgentRun(startedUtc, stopwatch.Elapsed, process.ExitCode, log, lines);
    }

    // Lines are only collected during the run and parsed after it: on two shared cores, parsing JSON
    // while the agent runs would take CPU from the process being measured.
    private static async Task PumpAsync(StreamReader reader, List<string> lines)
    {
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            lock (lines)
            {
                lines.Add(line);
            }
        }
    }
}
