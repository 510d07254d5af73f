using Microsoft.Extensions.Logging;
using SiteAgent.Core.Observability;

namespace SiteAgent.Core.Runtime;

/// <summary>
/// The tick loop of the polling modes (modes.md §1.1): the first cycle starts at once, the next when
/// the period has passed since the previous cycle ended, checked every tick; the heartbeat is written
/// at every tick. Cycles never overlap.
/// </summary>
public static partial class PollingLoop
{
    /// <summary>The reference's tick.</summary>
    public static readonly TimeSpan DefaultTick = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Runs cycles until <paramref name="shutdown"/> fires (exit 0) or, with <paramref name="once"/>, runs
    /// one cycle and returns 0 when it succeeded and 1 when any offering failed.
    /// </summary>
    public static async Task<int> RunAsync(
        Func<CancellationToken, Task<bool>> cycle,
        TimeSpan period,
        Heartbeat heartbeat,
        bool once,
        TimeProvider time,
        ILogger logger,
        CancellationToken shutdown)
    {
        heartbeat.Touch();
        var tick = period < DefaultTick ? period : DefaultTick;
        DateTimeOffset? lastEnd = null;
        while (!shutdown.IsCancellationRequested)
        {
            if (lastEnd is null || time.GetUtcNow() - lastEnd >= period)
            {
                var ok = await cycle(shutdown).ConfigureAwait(false);
                lastEnd = time.GetUtcNow();
                if (once)
                {
                    return ok ? 0 : 1;
                }
            }

            heartbeat.Touch();
            try
            {
                await Task.Delay(tick, time, shutdown).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        LogStopped(logger);
        return 0;
    }

    [LoggerMessage(EventId = LogEvents.AgentStopped, Level = LogLevel.Information, Message = "Agent stopped")]
    private static partial void LogStopped(ILogger logger);
}
