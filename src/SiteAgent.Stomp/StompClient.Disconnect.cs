using SiteAgent.Stomp.Logging;

namespace SiteAgent.Stomp;

/// <summary>Clean shutdown: DISCONNECT, no reconnect, the message stream ends.</summary>
public sealed partial class StompClient
{
    /// <summary>
    /// Stops for good: sends DISCONNECT (waiting briefly for its RECEIPT or the broker's close), stops
    /// reconnecting and ends <see cref="ReadAsync"/>. Unacknowledged messages stay with the broker and
    /// are delivered to the next consumer. Safe to call more than once, and before <see cref="Start"/>.
    /// </summary>
    public async Task DisconnectAsync()
    {
        Task? run;
        lock (_gate)
        {
            if (_stopping) return;
            _stopping = true;
            run = _run;
        }
        if (_current is { } session)
        {
            var how = await session.DisconnectAsync();
            StompLog.Disconnected(_logger, _options.Endpoint.ToString(), how);
        }
        await _stop.CancelAsync();
        if (run is not null) await run.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _messages.Writer.TryComplete();
        Publish(new StompConnectionEvent(StompConnectionState.Stopped, _options.Endpoint.ToString(), 0, StompDisconnectReason.Stopped, "disconnected on request"));
    }

    /// <summary>Same as <see cref="DisconnectAsync"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        await DisconnectAsync();
        _stop.Dispose();
    }
}
