using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SiteAgent.Stomp.Tests.Broker;

/// <summary>
/// TLS in front of a plain loopback port: accepts TLS on its own port with a self-signed certificate
/// made for the test, and pumps the decrypted bytes both ways to the target. Lets the client's wss
/// path run against the real broker, whose test listener speaks plain ws only.
/// </summary>
internal sealed class TlsTerminatingRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _connections;
    private int _handshakesCompleted;

    public TlsTerminatingRelay(int targetPort)
    {
        _targetPort = targetPort;
        Certificate = CreateSelfSigned();
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>The relay's certificate (CN and IP SAN 127.0.0.1), with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>TCP connections accepted, whether or not their TLS handshake succeeded.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Connections whose TLS handshake completed.</summary>
    public int HandshakesCompleted => Volatile.Read(ref _handshakesCompleted);

    private static X509Certificate2 CreateSelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        // SslStream on Linux wants the key in a form it can hand to OpenSSL: a PKCS#12 round trip gives that.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                Interlocked.Increment(ref _connections);
                _ = Task.Run(() => RelayAsync(client));
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using var _ = client;
        await using var tls = new SslStream(client.GetStream(), leaveInnerStreamOpen: false);
        try
        {
            await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = Certificate }, _stop.Token);
            Interlocked.Increment(ref _handshakesCompleted);
            using var target = new TcpClient();
            await target.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token);
            await using var plain = target.GetStream();
            // Either direction ending ends the relayed connection, as a TCP proxy would.
            await Task.WhenAny(tls.CopyToAsync(plain, _stop.Token), plain.CopyToAsync(tls, _stop.Token));
        }
        catch (Exception e) when (e is IOException or SocketException or System.Security.Authentication.AuthenticationException or OperationCanceledException or ObjectDisposedException)
        {
            // The client refused the certificate or went away; the connection just ends.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        Certificate.Dispose();
    }
}
