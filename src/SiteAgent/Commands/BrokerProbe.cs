using Microsoft.Extensions.Logging;
using SiteAgent.Backends.Model;
using SiteAgent.Core.Config;
using SiteAgent.Stomp;

namespace SiteAgent.Commands;

/// <summary>The broker check of <c>diagnostics</c>: open a STOMP connection to the offering's broker, then disconnect.</summary>
public static class BrokerProbe
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>OK when the broker accepted the connection; WARN when it answered but refused the login; FAIL when it did not answer.</summary>
    public static async Task<BackendCheck> CheckAsync(OfferingConfig offering, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        const string name = "STOMP broker";
        var stomp = offering.Stomp;
        var endpoint = StompEndpoint.WebSocket(stomp.WsHost, stomp.WsPort, stomp.WsPath, stomp.UseTls);
        var options = new StompClientOptions
        {
            Endpoint = endpoint,
            // Only the connection matters; the destination is a private auto-deleted topic queue.
            Subscriptions = [new StompSubscription($"/topic/waldur-site-agent-diagnostics-{Guid.NewGuid():N}")],
            ConnectTimeout = Timeout,
            Reconnect = StompReconnectPolicy.Default,
        };
        var outcome = new TaskCompletionSource<StompConnectionEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        var client = new StompClient(options, loggers.CreateLogger("SiteAgent.Stomp"));
        await using (client.ConfigureAwait(false))
        {
            client.StateChanged += (_, e) =>
            {
                if (e.State is StompConnectionState.Connected or StompConnectionState.WaitingToReconnect)
                {
                    outcome.TrySetResult(e);
                }
            };
            client.Start();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout + TimeSpan.FromSeconds(2));
            StompConnectionEvent result;
            try
            {
                result = await outcome.Task.WaitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return BackendCheck.Fail(name, $"{endpoint} did not answer within {Timeout.TotalSeconds:0} s");
            }

            await client.DisconnectAsync().ConfigureAwait(false);
            return result switch
            {
                { State: StompConnectionState.Connected } => BackendCheck.Ok(name, $"{endpoint} accepted a connection (then disconnected)"),
                { Reason: StompDisconnectReason.ConnectRefused or StompDisconnectReason.BrokerError } =>
                    BackendCheck.Warn(name, $"{endpoint} answers but refused this connection: {result.BrokerMessage ?? result.Detail}; the event mode logs in with its event subscription's credentials"),
                _ => BackendCheck.Fail(name, $"{endpoint} cannot be reached: {result.Detail ?? result.Reason?.ToString()}; check stomp_ws_host, stomp_ws_port and stomp_ws_path"),
            };
        }
    }
}
