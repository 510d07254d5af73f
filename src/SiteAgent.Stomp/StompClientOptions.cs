using System.Net.Security;
using SiteAgent.Stomp.Frames;

namespace SiteAgent.Stomp;

/// <summary>Everything a <see cref="StompClient"/> needs: where, who, what to consume, and its timing.</summary>
public sealed partial record StompClientOptions
{
    /// <summary>Where the broker listens.</summary>
    public required StompEndpoint Endpoint { get; init; }

    /// <summary>Virtual host, sent as the CONNECT <c>host</c> header; RabbitMQ refuses a vhost that does not exist.</summary>
    public string VirtualHost { get; init; } = "/";

    /// <summary>Broker login; null sends none (the broker's default user, if it has one).</summary>
    public string? Login { get; init; }

    /// <summary>Broker password. Never logged, never part of <see cref="ToString"/>.</summary>
    public string? Passcode { get; init; }

    /// <summary>Destinations to consume; all are (re-)subscribed on every connection.</summary>
    public required IReadOnlyList<StompSubscription> Subscriptions { get; init; }

    /// <summary>How often the client offers to send heart-beats (0: never). The broker's wish may make it longer.</summary>
    public TimeSpan HeartBeatSend { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the client wants heart-beats from the broker (0: never). Silence for 1.5 times the negotiated interval drops the connection.</summary>
    public TimeSpan HeartBeatReceive { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest wait from opening the socket to CONNECTED and every subscription confirmed.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait for the RECEIPT of a DISCONNECT before the socket is closed anyway.</summary>
    public TimeSpan DisconnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Delays between connection attempts.</summary>
    public StompReconnectPolicy Reconnect { get; init; } = StompReconnectPolicy.Default;

    /// <summary>Largest frames and header sections accepted from the broker.</summary>
    public StompFrameLimits FrameLimits { get; init; } = StompFrameLimits.Default;

    /// <summary>TLS server-certificate check; null uses the system trust store with full validation.</summary>
    public RemoteCertificateValidationCallback? CertificateValidation { get; init; }

    /// <summary>The options without the passcode, for logs.</summary>
    public override string ToString() =>
        $"{Endpoint} vhost={VirtualHost} login={Login ?? "(none)"} passcode={(Passcode is null ? "(none)" : "********")} subscriptions=[{string.Join(", ", Subscriptions.Select(s => s.Destination))}]";
}
