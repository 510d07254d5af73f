using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace SiteAgent.Waldur.Tests.Infrastructure;

/// <summary>A request as the loopback server received it.</summary>
internal sealed record RecordedRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    /// <summary>Path of the target (absolute-form targets of proxy requests included).</summary>
    public string Path => Target.StartsWith("http", StringComparison.Ordinal) ? new Uri(Target).AbsolutePath : Target.Split('?')[0];

    /// <summary>Raw query without '?'.</summary>
    public string RawQuery => Target.Contains('?') ? Target[(Target.IndexOf('?') + 1)..] : string.Empty;

    /// <summary>Decoded query pairs in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query =>
        RawQuery.Length == 0
            ? []
            : RawQuery.Split('&').Select(p => p.Split('=', 2)).Select(p => KeyValuePair.Create(Uri.UnescapeDataString(p[0]), Uri.UnescapeDataString(p.Length > 1 ? p[1] : string.Empty))).ToList();

    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;

    public IReadOnlyList<string> QueryValues(string key) => Query.Where(p => p.Key == key).Select(p => p.Value).ToList();
}

/// <summary>What the loopback server answers.</summary>
internal sealed record CannedResponse(int Status, string? Body = null)
{
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>Wait before answering (timeouts).</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Close the connection without answering (connection errors).</summary>
    public bool Drop { get; init; }

    public static CannedResponse Json(string body, int status = 200) => new(status, body);
}

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 and a random port, optionally over TLS. One request per
/// connection (it answers with <c>Connection: close</c>). Bounded: it stops when disposed.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<RecordedRequest, CannedResponse> _handler;
    private readonly X509Certificate2? _certificate;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;

    public LoopbackServer(Func<RecordedRequest, CannedResponse> handler, X509Certificate2? certificate = null)
    {
        _handler = handler;
        _certificate = certificate;
        _listener.Start();
        _acceptLoop = AcceptLoopAsync();
    }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public Uri BaseUri => new($"{(_certificate is null ? "http" : "https")}://127.0.0.1:{Port}/");

    public Uri ApiUrl => new(BaseUri, "api/");

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _acceptLoop;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                Stream stream = client.GetStream();
                if (_certificate is not null)
                {
                    var ssl = new SslStream(stream);
                    await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _certificate }, _stop.Token);
                    stream = ssl;
                }

                var request = await ReadRequestAsync(stream);
                if (request is null)
                {
                    return;
                }

                Requests.Enqueue(request);
                var response = _handler(request);
                if (response.Delay > TimeSpan.Zero)
                {
                    await Task.Delay(response.Delay, _stop.Token);
                }

                if (response.Drop)
                {
                    client.Client.LingerState = new LingerOption(true, 0);
                    return;
                }

                await WriteResponseAsync(stream, response);
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or SocketException or System.Security.Authentication.AuthenticationException)
            {
                // The client went away or refused our certificate: nothing to answer.
            }
        }
    }

    private async Task<RecordedRequest?> ReadRequestAsync(Stream stream)
    {
        var buffer = new List<byte>();
        var chunk = new byte[8192];
        int headerEnd;
        while ((headerEnd = IndexOfHeaderEnd(buffer)) < 0)
        {
            var read = await stream.ReadAsync(chunk, _stop.Token);
            if (read == 0)
            {
                return null;
            }

            buffer.AddRange(chunk.AsSpan(0, read));
        }

        var head = Encoding.ASCII.GetString(buffer.GetRange(0, headerEnd).ToArray());
        var lines = head.Split("\r\n");
        var requestLine = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            headers[name] = headers.TryGetValue(name, out var existing) ? existing + ", " + value : value;
        }

        var length = headers.TryGetValue("Content-Length", out var text) ? int.Parse(text) : 0;
        var body = buffer.Skip(headerEnd + 4).ToList();
        while (body.Count < length)
        {
            var read = await stream.ReadAsync(chunk, _stop.Token);
            if (read == 0)
            {
                break;
            }

            body.AddRange(chunk.AsSpan(0, read));
        }

        return new RecordedRequest(requestLine[0], requestLine[1], headers, body.ToArray());
    }

    private static int IndexOfHeaderEnd(List<byte> buffer)
    {
        for (var i = 0; i + 3 < buffer.Count; i++)
        {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }

    private async Task WriteResponseAsync(Stream stream, CannedResponse response)
    {
        var body = Encoding.UTF8.GetBytes(response.Body ?? string.Empty);
        var head = new StringBuilder()
            .Append($"HTTP/1.1 {response.Status} {ReasonPhrase(response.Status)}\r\n")
            .Append($"Content-Length: {body.Length}\r\n")
            .Append("Connection: close\r\n");
        if (response.Body is not null)
        {
            head.Append("Content-Type: application/json\r\n");
        }

        foreach (var (name, value) in response.Headers)
        {
            head.Append($"{name}: {value}\r\n");
        }

        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), _stop.Token);
        await stream.WriteAsync(body, _stop.Token);
        await stream.FlushAsync(_stop.Token);
    }

    private static string ReasonPhrase(int status) => status switch
    {
        200 => "OK",
        201 => "Created",
        204 => "No Content",
        301 => "Moved Permanently",
        400 => "Bad Request",
        401 => "Unauthorized",
        404 => "Not Found",
        409 => "Conflict",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    };
}
