using Microsoft.Extensions.Logging;
using SiteAgent.Core.Observability;

namespace SiteAgent.Core.Runtime;

/// <summary>
/// The tick loop of the polling modes: the first cycle starts at once, the next when
/// the period has passed since the previous cycle ended, checked every tick; the heartbeat is written
/// at every tick. Cycles never overlap. Under systemd (<c>Type=notify</c>) the loop reports READY=1
/// when the first cycle starts, STOPPING=1 when shutdown is requested and, when the unit sets
/// <c>WatchdogSec</c>, WATCHDOG=1 at every tick and every heartbeat.
/// </summary>
public static partial class PollingLoop
{
    /// <summary>The reference's tick.</summary>
    public static readonly TimeSpan DefaultTick = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Runs cycles until <paramref name="shutdown"/> fires (exit 0) or, with <paramref name="once"/>, runs
    /// one cycle and returns 0 when it succeeded and 1 when any offering failed. Notifies systemd when
    /// the process was started with <c>NOTIFY_SOCKET</c>.
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
        using var notifier = SystemdNotifier.FromEnvironment(Environment.GetEnvironmentVariable, Environment.ProcessId, logger);
        return await RunAsync(cycle, period, heartbeat, once, time, logger, shutdown, notifier).ConfigureAwait(false);
    }

    /// <summary>As above, with the systemd notifier given (null: none).</summary>
    public static async Task<int> RunAsync(
        Func<CancellationToken, Task<bool>> cycle,
        TimeSpan period,
        Heartbeat heartbeat,
        bool once,
        TimeProvider time,
        ILogger logger,
        CancellationToken shutdown,
        SystemdNotifier? notifier)
    {
        heartbeat.Watchdog = notifier;
        using var stopping = notifier is null ? default : shutdown.Register(notifier.Stopping);
        heartbeat.Touch();
        var tick = TickFor(period, notifier?.WatchdogInterval);
        DateTimeOffset? lastEnd = null;
        while (!shutdown.IsCancellationRequested)
        {
            if (lastEnd is null || time.GetUtcNow() - lastEnd >= period)
            {
                if (lastEnd is null)
                {
                    notifier?.Ready();
                }

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

    /// <summary>
    /// The reference's tick, shorter when the period is; and half the watchdog interval at most, so
    /// that one late tick never lets systemd's watchdog fire.
    /// </summary>
    internal static TimeSpan TickFor(TimeSpan period, TimeSpan? watchdog)
    {
        var tick = period < DefaultTick ? period : DefaultTick;
        return watchdog is { } interval && interval / 2 < tick ? interval / 2 : tick;
    }

    [LoggerMessage(EventId = LogEvents.AgentStopped, Level = LogLevel.Information, Message = "Agent stopped")]
    private static partial void LogStopped(ILogger logger);
}
