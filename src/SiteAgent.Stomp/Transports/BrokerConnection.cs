using System.Net;
using System.Net.Security;
using System.Net.Sockets;

namespace SiteAgent.Stomp.Transports;

/// <summary>The TCP connection under every transport, with TLS around it when the endpoint asks for it.</summary>
internal static class BrokerConnection
{
    /// <summary>Connects <paramref name="socket"/> and, for a TLS endpoint, checks the broker's certificate.</summary>
    /// <returns>The stream to talk over; it owns the socket.</returns>
    public static async Task<Stream> OpenAsync(
        Socket socket, StompEndpoint endpoint, RemoteCertificateValidationCallback? certificateValidation, CancellationToken cancellationToken)
    {
        await socket.ConnectAsync(new DnsEndPoint(endpoint.Host, endpoint.Port), cancellationToken);
        var network = new NetworkStream(socket, ownsSocket: true);
        if (!endpoint.UseTls) return network;

        var tls = new SslStream(network, leaveInnerStreamOpen: false);
        try
        {
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = endpoint.Host,
                RemoteCertificateValidationCallback = certificateValidation,
            }, cancellationToken);
        }
        catch
        {
            await tls.DisposeAsync();
            throw;
        }
        return tls;
    }

    /// <summary>What the stream negotiated, for the log.</summary>
    public static string Describe(Stream? stream) => stream is SslStream tls ? $"TLS {tls.SslProtocol}" : "plain TCP";
}
