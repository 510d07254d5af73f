using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using SiteAgent.Core.Observability;

namespace SiteAgent.Core.Runtime;

/// <summary>
/// Tells systemd the agent's state (units with <c>Type=notify</c>): <c>READY=1</c>, <c>STOPPING=1</c>
/// and <c>WATCHDOG=1</c>. Absent when the process was not started with <c>NOTIFY_SOCKET</c>.
/// </summary>
/// <remarks>
/// The sd_notify protocol: each message is one datagram of newline-separated <c>VAR=VALUE</c> lines,
/// sent to the AF_UNIX datagram socket named by <c>NOTIFY_SOCKET</c>. A name that starts with '@'
/// lives in the abstract namespace, where the '@' stands for a leading NUL byte. <c>WATCHDOG_USEC</c>
/// asks for <c>WATCHDOG=1</c> at least that often, and applies to this process only when
/// <c>WATCHDOG_PID</c> is unset or names it. A failed send is logged once and otherwise ignored, as
/// sd_notify does: the agent must not stop working because its service manager cannot hear it.
/// </remarks>
public sealed partial class SystemdNotifier : IDisposable
{
    private readonly Socket _socket;
    private readonly UnixDomainSocketEndPoint _endPoint;
    private readonly string _socketName;
    private readonly ILogger _logger;
    private bool _failureLogged;

    private SystemdNotifier(string socketName, TimeSpan? watchdogInterval, ILogger logger)
    {
        _socketName = socketName;
        _endPoint = new UnixDomainSocketEndPoint(socketName[0] == '@' ? "\0" + socketName[1..] : socketName);
        _socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        WatchdogInterval = watchdogInterval;
        _logger = logger;
    }

    /// <summary>How often systemd expects <c>WATCHDOG=1</c>; null when the unit sets no <c>WatchdogSec</c>.</summary>
    public TimeSpan? WatchdogInterval { get; }

    /// <summary>
    /// The notifier for a process started with <paramref name="environment"/>, or null when
    /// <c>NOTIFY_SOCKET</c> is unset or not a usable socket name.
    /// </summary>
    public static SystemdNotifier? FromEnvironment(Func<string, string?> environment, int processId, ILogger logger)
    {
        var socket = environment("NOTIFY_SOCKET");
        if (string.IsNullOrEmpty(socket) || (socket[0] != '/' && socket[0] != '@') || socket.Length == 1)
        {
            return null;
        }

        return new SystemdNotifier(socket, ReadWatchdog(environment, processId), logger);
    }

    /// <summary>The agent is up: its first cycle has started.</summary>
    public void Ready() => Send("READY=1");

    /// <summary>The agent is shutting down.</summary>
    public void Stopping() => Send("STOPPING=1");

    /// <summary>The agent is alive (sent only when systemd asked for a watchdog).</summary>
    public void Watchdog()
    {
        if (WatchdogInterval is not null)
        {
            Send("WATCHDOG=1");
        }
    }

    /// <inheritdoc />
    public void Dispose() => _socket.Dispose();

    private static TimeSpan? ReadWatchdog(Func<string, string?> environment, int processId)
    {
        if (!long.TryParse(environment("WATCHDOG_USEC"), NumberStyles.None, CultureInfo.InvariantCulture, out var microseconds) || microseconds <= 0)
        {
            return null;
        }

        var pid = environment("WATCHDOG_PID");
        if (!string.IsNullOrEmpty(pid) && pid != processId.ToString(CultureInfo.InvariantCulture))
        {
            return null;
        }

        return TimeSpan.FromMicroseconds(microseconds);
    }

    private void Send(string message)
    {
        try
        {
            _socket.SendTo(Encoding.ASCII.GetBytes(message), _endPoint);
            _failureLogged = false;
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            if (!_failureLogged)
            {
                LogSendFailed(_logger, message, _socketName, ex.Message);
                _failureLogged = true;
            }
        }
    }

    [LoggerMessage(EventId = LogEvents.SystemdNotifyFailed, Level = LogLevel.Warning,
        Message = "Cannot tell systemd {Message} through {Socket}: {Reason}; the unit may time out or restart the agent")]
    private static partial void LogSendFailed(ILogger logger, string message, string socket, string reason);
}
