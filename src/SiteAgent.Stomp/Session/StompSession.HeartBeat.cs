using SiteAgent.Stomp.Frames;
using SiteAgent.Stomp.Logging;

namespace SiteAgent.Stomp.Session;

/// <summary>
/// Heart-beats, on a timer independent of message handling: an EOL goes out whenever the client has
/// been quiet for half the agreed interval, and a broker silent for 1.5 times its interval is dead.
/// </summary>
/// <remarks>
/// Any received byte counts as proof of life, not only heart-beat EOLs. The margin of 1.5 covers a
/// broker that sends exactly at its interval plus network delay; RabbitMQ itself drops a client after
/// about two missed intervals, so both sides notice a dead peer in comparable time.
/// </remarks>
internal sealed partial class StompSession
{
    private const double SilenceFactor = 1.5;
    private long _lastReceived;
    private long _lastSent;

    /// <summary>The agreed client-to-broker interval (zero: none).</summary>
    public TimeSpan OutgoingHeartBeat { get; private set; }

    /// <summary>The agreed broker-to-client interval (zero: none).</summary>
    public TimeSpan IncomingHeartBeat { get; private set; }

    private void StartHeartBeats(StompFrame connected)
    {
        (OutgoingHeartBeat, IncomingHeartBeat) = HeartBeatNegotiation.Negotiate(
            _options.HeartBeatSend, _options.HeartBeatReceive, connected.Headers[StompHeaderNames.HeartBeat]);
        StompLog.Connected(_logger, _endpoint, _transport.Details,
            connected.Headers[StompHeaderNames.Version] ?? "1.0", connected.Headers[StompHeaderNames.Server] ?? "(unnamed)",
            (long)OutgoingHeartBeat.TotalMilliseconds, (long)IncomingHeartBeat.TotalMilliseconds);
        if (OutgoingHeartBeat == TimeSpan.Zero && IncomingHeartBeat == TimeSpan.Zero) return;
        _heartBeatLoop = Task.Run(HeartBeatLoopAsync, CancellationToken.None);
    }

    private async Task HeartBeatLoopAsync()
    {
        var outgoingMs = (long)OutgoingHeartBeat.TotalMilliseconds;
        var incomingMs = (long)IncomingHeartBeat.TotalMilliseconds;
        // Checks often enough that silence is noticed close to 1.5 intervals and an EOL goes out in time.
        var periodMs = Math.Max(50, Math.Min(outgoingMs > 0 ? outgoingMs / 2 : long.MaxValue, incomingMs > 0 ? incomingMs / 4 : long.MaxValue));
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(periodMs));
        try
        {
            while (await timer.WaitForNextTickAsync(_lifetime.Token))
            {
                var now = Environment.TickCount64;
                var silentMs = now - Volatile.Read(ref _lastReceived);
                if (incomingMs > 0 && silentMs > incomingMs * SilenceFactor)
                {
                    StompLog.HeartBeatTimeout(_logger, _endpoint, silentMs, incomingMs);
                    End(new SessionEnd(StompDisconnectReason.HeartBeatTimeout, $"nothing received for {silentMs} ms; heart-beats were agreed every {incomingMs} ms"));
                    return;
                }
                if (outgoingMs > 0 && now - Volatile.Read(ref _lastSent) >= outgoingMs / 2)
                {
                    await SendRawAsync(HeartBeatBytes, _lifetime.Token);
                }
            }
        }
        catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
        {
            // The session ended.
        }
        catch (Exception e) when (IsTransportFailure(e))
        {
            End(new SessionEnd(StompDisconnectReason.TransportFailed, "sending a heart-beat failed: " + Describe(e)));
        }
    }

    private static readonly ReadOnlyMemory<byte> HeartBeatBytes = StompFrameWriter.HeartBeat.ToArray();
}
