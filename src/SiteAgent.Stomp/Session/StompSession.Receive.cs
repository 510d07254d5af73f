using Microsoft.Extensions.Logging;
using SiteAgent.Stomp.Frames;
using SiteAgent.Stomp.Logging;

namespace SiteAgent.Stomp.Session;

/// <summary>The receive loop: bytes to frames, frames to messages, receipts and session ends.</summary>
internal sealed partial class StompSession
{
    private const int ReceiveChunk = 16 * 1024;

    private async Task ReceiveLoopAsync()
    {
        try
        {
            while (!_lifetime.IsCancellationRequested)
            {
                var received = await _transport.ReceiveAsync(_parser.GetWriteBuffer(ReceiveChunk), _lifetime.Token);
                if (received == 0)
                {
                    var why = _transport.CloseReason is { } reason ? $" ({reason})" : "";
                    End(new SessionEnd(StompDisconnectReason.ClosedByBroker, "the broker closed the connection" + why));
                    return;
                }
                Volatile.Write(ref _lastReceived, Environment.TickCount64);
                _parser.Advance(received);
                while (!HasEnded && _parser.TryReadFrame(out var frame)) Dispatch(frame);
            }
        }
        catch (StompProtocolException e)
        {
            StompLog.ProtocolViolation(_logger, _endpoint, e.Message);
            End(new SessionEnd(StompDisconnectReason.ProtocolViolation, e.Message));
        }
        catch (Exception) when (HasEnded)
        {
            // Ending the session aborted the transport under the pending receive; the reason is recorded.
        }
        catch (Exception e) when (IsTransportFailure(e) || e is OperationCanceledException)
        {
            End(new SessionEnd(StompDisconnectReason.TransportFailed, Describe(e)));
        }
        catch (Exception e)
        {
            // Whatever the broker sends must not take the process down: log, drop, reconnect.
            StompLog.UnexpectedFailure(_logger, _endpoint, e);
            End(new SessionEnd(StompDisconnectReason.TransportFailed, Describe(e)));
        }
    }

    /// <exception cref="StompProtocolException">A frame the broker must not send here.</exception>
    private void Dispatch(StompFrame frame)
    {
        StompLog.FrameReceived(_logger, _endpoint, frame);
        var connected = _connected.Task.IsCompleted;
        switch (frame.Command)
        {
            case StompCommand.Connected when !connected:
                _connected.TrySetResult(frame);
                break;
            case StompCommand.Message when connected:
                Deliver(frame);
                break;
            case StompCommand.Receipt when connected:
                var id = Required(frame, StompHeaderNames.ReceiptId);
                if (_receipts.TryRemove(id, out var waiting)) waiting.TrySetResult();
                else StompLog.UnexpectedReceipt(_logger, _endpoint, id);
                break;
            case StompCommand.Error:
                var message = frame.Headers[StompHeaderNames.Message] ?? "(no message header)";
                var details = frame.Body.IsEmpty ? "" : Excerpt(System.Text.Encoding.UTF8.GetString(frame.Body.Span));
                StompLog.BrokerError(_logger, _endpoint, message, details);
                End(new SessionEnd(
                    connected ? StompDisconnectReason.BrokerError : StompDisconnectReason.ConnectRefused,
                    details.Length == 0 ? message : $"{message}: {details}",
                    message));
                break;
            default:
                throw new StompProtocolException($"unexpected {frame.Command.Name()} frame {(connected ? "on an open session" : "before CONNECTED")}");
        }
    }

    private void Deliver(StompFrame frame)
    {
        var subscription = Required(frame, StompHeaderNames.Subscription);
        if (!_subscriptionIds.Contains(subscription)) throw new StompProtocolException($"MESSAGE for subscription '{subscription}', which this client never made");
        var messageId = Required(frame, StompHeaderNames.MessageId);
        var destination = Required(frame, StompHeaderNames.Destination);
        // With ack:client-individual every MESSAGE names its ack id; one without could never be acknowledged.
        var ackId = Required(frame, StompHeaderNames.Ack);
        // The channel is unbounded: the broker sends at most prefetch-count unacknowledged messages per subscription.
        _messages.TryWrite(new StompMessage(frame, subscription, messageId, destination, ackId, this));
    }

    private static string Required(StompFrame frame, string header) =>
        frame.Headers[header] ?? throw new StompProtocolException($"{frame.Command.Name()} frame lacks the {header} header");

    private static string Excerpt(string text) => text.Length <= 500 ? text.Trim() : text[..500].Trim() + "…";
}
