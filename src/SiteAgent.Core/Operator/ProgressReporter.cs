using System.Diagnostics;
using Microsoft.Extensions.Logging;
using SiteAgent.Core.Observability;

namespace SiteAgent.Core.Operator;

/// <summary>
/// Progress of a long-running command: done/total, rate and estimated time left. On a terminal one
/// line is redrawn in place on stderr; elsewhere (journald, cron, pipes) a plain log line is written
/// every <see cref="LogInterval"/> and at the end, so logs stay readable.
/// </summary>
public sealed partial class ProgressReporter
{
    private readonly string _what;
    private readonly string _unit;
    private readonly TextWriter? _terminal;
    private readonly ILogger _logger;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan? _lastLog;

    /// <summary>Creates a reporter.</summary>
    /// <param name="what">What is being done, e.g. <c>Backfill of offering "HPC"</c>.</param>
    /// <param name="unit">What is counted, e.g. <c>months</c>.</param>
    /// <param name="terminal">The terminal to draw on, or null to log.</param>
    /// <param name="logger">Where the log lines go.</param>
    public ProgressReporter(string what, string unit, TextWriter? terminal, ILogger logger)
    {
        _what = what;
        _unit = unit;
        _terminal = terminal;
        _logger = logger;
    }

    /// <summary>How often a log line is written when not on a terminal.</summary>
    public TimeSpan LogInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The standard error stream when it is a terminal, else null.</summary>
    public static TextWriter? TerminalOrNull() => Console.IsErrorRedirected ? null : Console.Error;

    /// <summary>Reports <paramref name="done"/> of <paramref name="total"/>.</summary>
    public void Report(int done, int total)
    {
        var elapsed = _clock.Elapsed;
        var rate = elapsed.TotalSeconds > 0 ? done / elapsed.TotalSeconds : 0;
        var left = rate > 0 && total > done ? TimeSpan.FromSeconds((total - done) / rate) : TimeSpan.Zero;
        var text = Format(done, total, rate, left);
        if (_terminal is not null)
        {
            _terminal.Write("\r\u001b[K" + text);
            if (done >= total)
            {
                _terminal.WriteLine();
            }

            return;
        }

        if (done >= total || _lastLog is not { } last || elapsed - last >= LogInterval)
        {
            _lastLog = elapsed;
            LogProgress(_logger, text);
        }
    }

    /// <summary>The progress text: <c>3/36 months (8 %), 0.5 months/s, about 1m06s left</c>.</summary>
    public string Format(int done, int total, double rate, TimeSpan left)
    {
        var tail = done >= total ? $", done in {Duration(_clock.Elapsed)}" : rate > 0 ? $", about {Duration(left)} left" : string.Empty;
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{_what}: {done}/{total} {_unit} ({(total == 0 ? 100 : done * 100 / total)} %), {rate:0.##} {_unit}/s{tail}");
    }

    private static string Duration(TimeSpan span) => span.TotalHours >= 1
        ? $"{(int)span.TotalHours}h{span.Minutes:00}m"
        : span.TotalMinutes >= 1 ? $"{(int)span.TotalMinutes}m{span.Seconds:00}s" : $"{span.TotalSeconds:0.0}s";

    [LoggerMessage(EventId = LogEvents.OperatorProgress, Level = LogLevel.Information, Message = "{Progress}")]
    private static partial void LogProgress(ILogger logger, string progress);
}
