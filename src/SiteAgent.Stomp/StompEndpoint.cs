using System.Globalization;

namespace SiteAgent.Stomp;

/// <summary>How the client reaches the broker.</summary>
public enum StompTransportKind
{
    /// <summary>STOMP inside WebSocket messages (RabbitMQ Web-STOMP), <c>ws://</c> or <c>wss://</c>.</summary>
    WebSocket,

    /// <summary>STOMP on a plain TCP stream, optionally inside TLS (RabbitMQ's STOMP listener).</summary>
    Tcp,
}

/// <summary>Where the broker listens: <c>ws://host:port/path</c>, <c>wss://…</c>, <c>stomp://host:port</c> or <c>stomp+ssl://host:port</c>.</summary>
public sealed record StompEndpoint
{
    /// <summary>WebSocket or TCP.</summary>
    public required StompTransportKind Transport { get; init; }

    /// <summary>Host name or address.</summary>
    public required string Host { get; init; }

    /// <summary>TCP port.</summary>
    public required int Port { get; init; }

    /// <summary>HTTP path of the WebSocket endpoint (RabbitMQ's default is <c>/ws</c>); unused over TCP.</summary>
    public string Path { get; init; } = "/ws";

    /// <summary>TLS around the connection (<c>wss</c>, <c>stomp+ssl</c>).</summary>
    public bool UseTls { get; init; }

    /// <summary>A WebSocket endpoint.</summary>
    public static StompEndpoint WebSocket(string host, int port, string path, bool useTls) =>
        new() { Transport = StompTransportKind.WebSocket, Host = host, Port = port, Path = path, UseTls = useTls };

    /// <summary>A TCP endpoint.</summary>
    public static StompEndpoint Tcp(string host, int port, bool useTls = false) =>
        new() { Transport = StompTransportKind.Tcp, Host = host, Port = port, UseTls = useTls };

    /// <summary>
    /// Parses <c>ws://</c>, <c>wss://</c> (port 80/443 when omitted), <c>stomp://</c> or
    /// <c>stomp+ssl://</c> URLs (port required: the STOMP schemes have no registered default).
    /// </summary>
    /// <exception cref="FormatException">Not such a URL, or a STOMP URL without port.</exception>
    public static StompEndpoint Parse(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) throw new FormatException($"'{url}' is not an absolute URL");
        if (uri.Port <= 0) throw new FormatException($"'{url}' has no port; write it out, e.g. stomp://host:61613");
        return uri.Scheme switch
        {
            "ws" => WebSocket(uri.Host, uri.Port, PathOf(uri), useTls: false),
            "wss" => WebSocket(uri.Host, uri.Port, PathOf(uri), useTls: true),
            "stomp" => Tcp(uri.Host, uri.Port),
            "stomp+ssl" => Tcp(uri.Host, uri.Port, useTls: true),
            _ => throw new FormatException($"'{url}' has scheme {uri.Scheme}; use ws, wss, stomp or stomp+ssl"),
        };
    }

    /// <summary>Problems with the endpoint, for options validation.</summary>
    internal IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(Host)) yield return "endpoint host is empty";
        if (Port is < 1 or > 65535) yield return $"endpoint port {Port} is outside 1..65535";
        if (Transport == StompTransportKind.WebSocket && !Path.StartsWith('/')) yield return $"WebSocket path '{Path}' must start with /";
    }

    /// <summary>The endpoint as a URL, for logs.</summary>
    public override string ToString() => Transport == StompTransportKind.WebSocket
        ? $"{(UseTls ? "wss" : "ws")}://{HostForUri}:{Port.ToString(CultureInfo.InvariantCulture)}{Path}"
        : $"{(UseTls ? "stomp+ssl" : "stomp")}://{HostForUri}:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The host as a URL or <c>Host</c> header writes it: an IPv6 address in brackets.</summary>
    internal string HostForUri => Host.Contains(':') && !Host.StartsWith('[') ? $"[{Host}]" : Host;

    private static string PathOf(Uri uri) => uri.PathAndQuery;
}
