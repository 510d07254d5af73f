using Microsoft.Extensions.Logging;

namespace SiteAgent.Backends.Commands;

/// <summary>Log events of the shared command runners.</summary>
/// <remarks>
/// Event ids 4200–4299 belong to the shared runners (SLURM owns 4000–4199). Never reuse or renumber one:
/// 4200 CommandFinished, 4201 CommandTimedOut, 4202 CommandOutputCapped, 4203 CommandPlanned,
/// 4204 CommandFailedToStart.
/// </remarks>
internal static partial class CommandLog
{
    // Fractional milliseconds: whole ones truncated up to 1 ms per command, too coarse to subtract
    // the time inside commands from a run's total (tests/SiteAgent.Benchmarks, orders command).
    [LoggerMessage(EventId = 4200, Level = LogLevel.Debug, Message = "Ran {Command} in {ElapsedMs} ms, exit code {ExitCode}")]
    public static partial void CommandFinished(ILogger logger, string command, double elapsedMs, int exitCode);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Warning, Message = "Killed {Command} (and its children) after {TimeoutSeconds} s without finishing")]
    public static partial void CommandTimedOut(ILogger logger, string command, double timeoutSeconds);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "Killed {Command}: its output passed the {CapBytes}-byte cap")]
    public static partial void CommandOutputCapped(ILogger logger, string command, int capBytes);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Information, Message = "Dry run: would run {Command}")]
    public static partial void CommandPlanned(ILogger logger, string command);

    [LoggerMessage(EventId = 4204, Level = LogLevel.Error, Message = "Cannot start {Program}: {Reason}")]
    public static partial void CommandFailedToStart(ILogger logger, string program, string reason);
}
