using System.Diagnostics;
using SiteAgent.Backends.Commands;
using SiteAgent.Backends.Slurm;

namespace SiteAgent.Benchmarks.Orders;

/// <summary>The replay's figures.</summary>
/// <param name="Wall">The whole replay, lock waits included: "sacctmgr alone".</param>
/// <param name="InsideCommandsMs">Sum of the runner's per-command times (the replay's own overhead is Wall minus this).</param>
/// <param name="LockWait">Time spent waiting for the host-wide write lock (another process writing meanwhile).</param>
/// <param name="ElapsedByKind">Per command kind: commands and summed milliseconds.</param>
/// <param name="ExitCodeMismatches">Commands whose exit code differed from the agent's: the replay took another path.</param>
internal sealed record ReplayResult(TimeSpan Wall, double InsideCommandsMs, TimeSpan LockWait, IReadOnlyDictionary<string, double> ElapsedByKind, int ExitCodeMismatches);

/// <summary>
/// The baseline "sacctmgr alone": the agent's commands run again directly, one after another, on fresh
/// accounts (the run's account prefix swapped for one of the same length), through the same shared
/// runner the agent uses and with the same write lock around writes, so that nothing but the agent's
/// own work separates the two runs.
/// </summary>
internal static class SacctmgrReplay
{
    public static async Task<ReplayResult> RunAsync(
        IReadOnlyList<RecordedCommand> commands, string agentPrefix, string replayPrefix, SacctmgrWriteLock writeLock, CancellationToken cancellationToken)
    {
        var runner = new ProcessCommandRunner();
        var byKind = new Dictionary<string, double>(StringComparer.Ordinal);
        var lockWait = new Stopwatch();
        var inside = 0.0;
        var mismatches = 0;
        var wall = Stopwatch.StartNew();
        foreach (var command in commands)
        {
            var arguments = command.Arguments.Skip(1).Select(a => a.Replace(agentPrefix, replayPrefix, StringComparison.Ordinal)).ToArray();
            var spec = new CommandSpec(command.Arguments[0], arguments, command.IsWrite ? CommandEffect.Write : CommandEffect.Read);
            SacctmgrWriteLock.Holder? held = null;
            if (command.IsWrite)
            {
                lockWait.Start();
                held = await writeLock.AcquireAsync(cancellationToken).ConfigureAwait(false);
                lockWait.Stop();
            }

            try
            {
                var result = held is null
                    ? await runner.RunAsync(spec, cancellationToken).ConfigureAwait(false)
                    : await held.RunAsync(runner, spec, cancellationToken).ConfigureAwait(false);
                inside += result.Elapsed.TotalMilliseconds;
                byKind[command.Kind] = byKind.GetValueOrDefault(command.Kind) + result.Elapsed.TotalMilliseconds;
                mismatches += result.ExitCode == command.ExitCode ? 0 : 1;
            }
            finally
            {
                held?.Dispose();
            }
        }

        wall.Stop();
        return new ReplayResult(wall.Elapsed, inside, lockWait.Elapsed, byKind, mismatches);
    }
}
