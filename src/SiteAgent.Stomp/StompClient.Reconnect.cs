using SiteAgent.Stomp.Logging;
using SiteAgent.Stomp.Session;

namespace SiteAgent.Stomp;

/// <summary>The connection loop: one session at a time, back-off between attempts, for ever until stopped.</summary>
public sealed partial class StompClient
{
    private async Task RunAsync(CancellationToken stop)
    {
        var endpoint = _options.Endpoint.ToString();
        var attempt = 0;
        while (!_stopping)
        {
            SessionEnd end;
            var established = false;
            Publish(new StompConnectionEvent(StompConnectionState.Connecting, endpoint, attempt));
            StompLog.Connecting(_logger, endpoint, _options.Login ?? "(no login)", _options.VirtualHost, attempt + 1);
            var session = new StompSession(_options, _transports(_options), _logger, _messages.Writer);
            try
            {
                await session.OpenAsync(stop);
                established = true;
                attempt = 0;
                _current = session;
                Connections++;
                Publish(new StompConnectionEvent(StompConnectionState.Connected, endpoint, 0));
                end = await session.Completion;
            }
            catch (SessionFailedException e)
            {
                end = e.End;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // A bug or an unforeseen failure below must not end the loop: the agent would stop
                // consuming for good while looking alive.
                StompLog.UnexpectedFailure(_logger, endpoint, e);
                end = new SessionEnd(StompDisconnectReason.TransportFailed, e.Message);
            }
            finally
            {
                _current = null;
                await session.DisposeAsync();
            }
            if (_stopping) break;

            var delay = _options.Reconnect.DelayFor(attempt, Random.Shared.NextDouble());
            attempt++;
            if (established) StompLog.ConnectionLost(_logger, endpoint, end.Reason, end.Detail, (long)delay.TotalMilliseconds);
            else if (attempt <= 3) StompLog.ConnectFailed(_logger, endpoint, end.Reason, end.Detail, attempt, (long)delay.TotalMilliseconds);
            else StompLog.ConnectStillFailing(_logger, endpoint, end.Reason, end.Detail, attempt, (long)delay.TotalMilliseconds);
            Publish(new StompConnectionEvent(StompConnectionState.WaitingToReconnect, endpoint, attempt, end.Reason, end.Detail, end.BrokerMessage, delay));
            try
            {
                await Task.Delay(delay, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
