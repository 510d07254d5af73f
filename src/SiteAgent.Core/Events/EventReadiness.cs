using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using SiteAgent.Core.Observability;
using SiteAgent.Stomp;

namespace SiteAgent.Core.Events;

/// <summary>
/// The consumers' connection states for <c>healthz</c>: beside the heartbeat file, a file
/// (<see cref="PathFor"/>) rewritten at every consumer state change, whose first line is
/// <c>down N of M</c> followed by one line per consumer not connected. Readiness fails while N is
/// above zero. It is also rewritten at every tick of the mode's loop and removed when the mode stops,
/// so a file older than the heartbeat limit is left over from a killed process and is ignored.
/// </summary>
public sealed partial class EventReadiness : IDisposable
{
    private readonly string _path;
    private readonly ILogger _logger;
    private readonly IReadOnlyList<EventConsumer> _consumers;
    private readonly Lock _write = new();
    private bool _failureLogged;

    /// <summary>Follows <paramref name="consumers"/> and writes their state at once.</summary>
    public EventReadiness(string heartbeatPath, IReadOnlyList<EventConsumer> consumers, ILogger logger)
    {
        _path = PathFor(heartbeatPath);
        _consumers = consumers;
        _logger = logger;
        foreach (var consumer in consumers)
        {
            consumer.StateChanged += OnStateChanged;
        }

        Write();
    }

    /// <summary>The readiness file that belongs to a heartbeat file.</summary>
    public static string PathFor(string heartbeatPath) => heartbeatPath + ".consumers";

    /// <summary>
    /// Reads a readiness file: null when absent or older than <paramref name="maxAge"/> (no event mode
    /// running), else the consumers down and their description.
    /// </summary>
    public static (int Down, string Description)? Read(string heartbeatPath, TimeSpan maxAge)
    {
        var path = PathFor(heartbeatPath);
        string text;
        try
        {
            if (DateTime.UtcNow - File.GetLastWriteTimeUtc(path) >= maxAge)
            {
                return null;
            }

            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        var first = text.Split('\n', 2)[0].Split(' ');
        return first.Length >= 2 && first[0] == "down" && int.TryParse(first[1], NumberStyles.None, CultureInfo.InvariantCulture, out var down)
            ? (down, text.Trim())
            : (int.MaxValue, $"{path} is not a consumer state file");
    }

    /// <summary>Rewrites the file, so that its age shows the mode is alive.</summary>
    public void Refresh() => Write();

    private void OnStateChanged(object? sender, StompConnectionState state) => Write();

    private void Write()
    {
        lock (_write)
        {
            var down = _consumers.Where(c => c.State != StompConnectionState.Connected).ToList();
            var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"down {down.Count} of {_consumers.Count}\n");
            foreach (var consumer in down)
            {
                text.Append(CultureInfo.InvariantCulture, $"{consumer.Binding.Offering.Name} {consumer.Binding.ObjectType} {consumer.State}\n");
            }

            try
            {
                var temporary = _path + ".tmp";
                File.WriteAllText(temporary, text.ToString());
                File.Move(temporary, _path, overwrite: true);
                _failureLogged = false;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                if (!_failureLogged)
                {
                    LogWriteFailed(_logger, _path, ex.Message);
                    _failureLogged = true;
                }
            }
        }
    }

    /// <summary>Stops following the consumers and removes the file.</summary>
    public void Dispose()
    {
        foreach (var consumer in _consumers)
        {
            consumer.StateChanged -= OnStateChanged;
        }

        lock (_write)
        {
            try
            {
                File.Delete(_path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                LogWriteFailed(_logger, _path, ex.Message);
            }
        }
    }

    [LoggerMessage(EventId = LogEvents.EventReadinessWriteFailed, Level = LogLevel.Warning,
        Message = "Cannot write the consumer state file {Path} ({Reason}); healthz cannot see consumers that are down")]
    private static partial void LogWriteFailed(ILogger logger, string path, string reason);
}
