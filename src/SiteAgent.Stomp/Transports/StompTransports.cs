namespace SiteAgent.Stomp.Transports;

/// <summary>Creates the transport an endpoint names.</summary>
internal static class StompTransports
{
    public static IStompTransport Create(StompClientOptions options) => options.Endpoint.Transport switch
    {
        StompTransportKind.WebSocket => new WebSocketTransport(options.Endpoint, options.CertificateValidation),
        StompTransportKind.Tcp => new TcpTransport(options.Endpoint, options.CertificateValidation),
        var other => throw new ArgumentOutOfRangeException(nameof(options), other, "unknown STOMP transport"),
    };
}
