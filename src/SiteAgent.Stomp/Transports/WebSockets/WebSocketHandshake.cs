using System.Globalization;
using System.Net.WebSockets;
using System.Text;

namespace SiteAgent.Stomp.Transports.WebSockets;

/// <summary>
/// The client side of the WebSocket opening handshake (RFC 6455 section 4): the HTTP/1.1 upgrade
/// request, and the checks on the server's answer.
/// </summary>
internal static class WebSocketHandshake
{
    /// <summary>Longest answer head accepted; RabbitMQ's is about 200 bytes.</summary>
    public const int MaxResponseHeadBytes = 16 * 1024;

    // Fixed by RFC 6455: appended to the key before hashing.
    private const string AcceptGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /// <summary>A fresh <c>Sec-WebSocket-Key</c>: 16 random bytes, base64.</summary>
    public static string NewKey()
    {
        Span<byte> nonce = stackalloc byte[16];
        KernelRandom.Fill(nonce);
        return Convert.ToBase64String(nonce);
    }

    /// <summary>The <c>Sec-WebSocket-Accept</c> a server must answer to <paramref name="key"/>.</summary>
    public static string ExpectedAccept(string key) => Convert.ToBase64String(Sha1.Hash(Encoding.ASCII.GetBytes(key + AcceptGuid)));

    /// <summary>The upgrade request, ready to send.</summary>
    public static byte[] Request(StompEndpoint endpoint, string key, IReadOnlyList<string> subProtocols)
    {
        var defaultPort = endpoint.UseTls ? 443 : 80;
        var hostHeader = endpoint.Port == defaultPort ? endpoint.HostForUri : $"{endpoint.HostForUri}:{endpoint.Port.ToString(CultureInfo.InvariantCulture)}";
        var request = new StringBuilder()
            .Append("GET ").Append(endpoint.Path).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(hostHeader).Append("\r\n")
            .Append("Upgrade: websocket\r\n")
            .Append("Connection: Upgrade\r\n")
            .Append("Sec-WebSocket-Key: ").Append(key).Append("\r\n")
            .Append("Sec-WebSocket-Version: 13\r\n");
        if (subProtocols.Count > 0) request.Append("Sec-WebSocket-Protocol: ").Append(string.Join(", ", subProtocols)).Append("\r\n");
        return Encoding.ASCII.GetBytes(request.Append("\r\n").ToString());
    }

    /// <summary>Checks the server's answer head (status line and headers, without the blank line).</summary>
    /// <returns>The subprotocol the server chose; empty when it chose none.</returns>
    /// <exception cref="WebSocketException">The answer does not accept this upgrade.</exception>
    public static string CheckResponse(string head, string key, IReadOnlyList<string> offeredSubProtocols)
    {
        var lines = head.Split("\r\n");
        var status = lines[0].Split(' ', 3);
        if (status.Length < 2 || !status[0].StartsWith("HTTP/1.", StringComparison.Ordinal))
        {
            throw Refused($"the server did not answer in HTTP ('{Printable(lines[0])}')");
        }
        if (status[1] != "101")
        {
            throw Refused($"the server answered HTTP {Printable(string.Join(' ', status.Skip(1)))} where 101 Switching Protocols was expected; check the path of the Web-STOMP endpoint");
        }

        var headers = ParseHeaders(lines.AsSpan(1));
        if (!string.Equals(headers.GetValueOrDefault("upgrade"), "websocket", StringComparison.OrdinalIgnoreCase))
        {
            throw Refused("the server's 101 answer lacks 'Upgrade: websocket'");
        }
        if (!HasToken(headers.GetValueOrDefault("connection"), "upgrade"))
        {
            throw Refused("the server's 101 answer lacks 'Connection: Upgrade'");
        }
        if (headers.GetValueOrDefault("sec-websocket-accept") != ExpectedAccept(key))
        {
            throw Refused("the server's Sec-WebSocket-Accept does not match the key sent; it is not a WebSocket server, or something in between altered the answer");
        }
        if (!string.IsNullOrWhiteSpace(headers.GetValueOrDefault("sec-websocket-extensions")))
        {
            throw Refused($"the server enabled the extensions '{Printable(headers["sec-websocket-extensions"])}', which the client never offered");
        }
        var chosen = headers.GetValueOrDefault("sec-websocket-protocol")?.Trim() ?? string.Empty;
        if (chosen.Length > 0 && !offeredSubProtocols.Contains(chosen, StringComparer.Ordinal))
        {
            throw Refused($"the server chose the subprotocol '{Printable(chosen)}', which the client never offered ({string.Join(", ", offeredSubProtocols)})");
        }
        return chosen;
    }

    private static Dictionary<string, string> ParseHeaders(ReadOnlySpan<string> lines)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines)
        {
            var colon = line.IndexOf(':');
            if (colon <= 0) throw Refused($"the server's answer has a malformed header line '{Printable(line)}'");
            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            // Repeated headers are one comma-separated list (RFC 9110 section 5.3).
            headers[name] = headers.TryGetValue(name, out var earlier) ? $"{earlier}, {value}" : value;
        }
        return headers;
    }

    private static bool HasToken(string? list, string token) =>
        list is not null && list.Split(',').Any(t => string.Equals(t.Trim(), token, StringComparison.OrdinalIgnoreCase));

    /// <summary>Text from the broker, fit for a log line: control characters replaced, at most 200 characters.</summary>
    public static string Printable(string text)
    {
        var clean = new string(text.Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return clean.Length <= 200 ? clean : clean[..200] + "…";
    }

    private static WebSocketException Refused(string reason) =>
        new(WebSocketError.HeaderError, $"WebSocket upgrade refused: {reason}");
}
