using System.Globalization;
using Microsoft.Extensions.Logging;
using SiteAgent.Core.Observability;

namespace SiteAgent.Core.Runtime;

/// <summary>
/// The liveness file that <c>healthz</c> checks: rewritten with the epoch time at every tick, at the
/// start of every offering and every 10 items of long loops.
/// </summary>
public sealed partial class Heartbeat
{
    private readonly string _path;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private bool _failureLogged;

    /// <summary>Creates the heartbeat writer for a path.</summary>
    public Heartbeat(string path, TimeProvider time, ILogger logger)
    {
        _path = path;
        _time = time;
        _logger = logger;
    }

    /// <summary>The file written.</summary>
    public string Path => _path;

    /// <summary>Told WATCHDOG=1 at every touch, since a touch marks progress (set by the polling loop).</summary>
    internal SystemdNotifier? Watchdog { get; set; }

    /// <summary>Rewrites the file; a failure is logged once and otherwise ignored (it must not stop the work).</summary>
    public void Touch()
    {
        Watchdog?.Watchdog();
        try
        {
            if (System.IO.Path.GetDirectoryName(_path) is { Length: > 0 } directory)
            {
                Directory.CreateDirectory(directory);
            }

            File.WriteAllText(_path, _time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
            _failureLogged = false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (!_failureLogged)
            {
                LogFailed(_logger, _path, ex.Message);
                _failureLogged = true;
            }
        }
    }

    /// <summary>Touches before every 10th item of a loop (index 0, 10, 20…).</summary>
    public void TouchEvery10th(int index)
    {
        if (index % 10 == 0)
        {
            Touch();
        }
    }

    [LoggerMessage(EventId = LogEvents.HeartbeatFailed, Level = LogLevel.Warning, Message = "Cannot write the heartbeat file {Path}: {Reason}")]
    private static partial void LogFailed(ILogger logger, string path, string reason);
}
