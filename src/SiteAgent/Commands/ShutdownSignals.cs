using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using SiteAgent.Core.Observability;

namespace SiteAgent.Commands;

/// <summary>
/// Graceful stop on SIGTERM, SIGINT and SIGQUIT: the first signal stops new work (the current order
/// finishes); if it has not finished within the grace period, or a second signal arrives, the work in
/// flight is cancelled (a running command is killed). The process then exits 0.
/// </summary>
public sealed partial class ShutdownSignals : IDisposable
{
    /// <summary>How long in-flight work may take after the first signal (systemd's TimeoutStopSec is 120 s).</summary>
    public static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(90);

    private readonly CancellationTokenSource _shutdown;
    private readonly CancellationTokenSource _abort = new();
    private readonly List<PosixSignalRegistration> _registrations = [];
    private readonly ILogger _logger;

    /// <summary>Starts listening; <paramref name="external"/> also requests a shutdown.</summary>
    public ShutdownSignals(ILogger logger, CancellationToken external)
    {
        _logger = logger;
        _shutdown = CancellationTokenSource.CreateLinkedTokenSource(external);
        foreach (var signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT, PosixSignal.SIGQUIT })
        {
            _registrations.Add(PosixSignalRegistration.Create(signal, OnSignal));
        }
    }

    /// <summary>Fires on the first signal: start no new work.</summary>
    public CancellationToken Shutdown => _shutdown.Token;

    /// <summary>Fires after the grace period or on a second signal: cancel the work in flight.</summary>
    public CancellationToken Abort => _abort.Token;

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _shutdown.Dispose();
        _abort.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        if (_shutdown.IsCancellationRequested)
        {
            LogAbort(_logger, context.Signal.ToString());
            _abort.Cancel();
            return;
        }

        LogShutdown(_logger, context.Signal.ToString(), GracePeriod.TotalSeconds);
        _shutdown.Cancel();
        _abort.CancelAfter(GracePeriod);
    }

    [LoggerMessage(EventId = LogEvents.ShutdownRequested, Level = LogLevel.Information,
        Message = "Received {Signal}. Shutting down gracefully: finishing the current step (at most {Seconds} s)")]
    private static partial void LogShutdown(ILogger logger, string signal, double seconds);

    [LoggerMessage(EventId = LogEvents.ShutdownForced, Level = LogLevel.Warning, Message = "Received {Signal} again: cancelling the work in flight")]
    private static partial void LogAbort(ILogger logger, string signal);
}
