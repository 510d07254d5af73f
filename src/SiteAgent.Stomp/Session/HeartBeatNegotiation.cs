using System.Globalization;
using SiteAgent.Stomp.Frames;

namespace SiteAgent.Stomp.Session;

/// <summary>
/// STOMP heart-beat negotiation. Each side declares <c>heart-beat:x,y</c> in milliseconds: x = how often
/// it can send (0: cannot), y = how often it wants to receive (0: does not want). A missing header
/// means 0,0. Each direction runs at the larger of what the sender offers and the receiver wants, or
/// not at all when either says 0.
/// </summary>
internal static class HeartBeatNegotiation
{
    /// <summary>The <c>heart-beat</c> header the client sends.</summary>
    public static string Header(TimeSpan send, TimeSpan receive) =>
        string.Create(CultureInfo.InvariantCulture, $"{(long)send.TotalMilliseconds},{(long)receive.TotalMilliseconds}");

    /// <summary>The agreed intervals (zero: none) from the client's wishes and the server's header.</summary>
    /// <exception cref="StompProtocolException">The server's header is not two non-negative integers.</exception>
    public static (TimeSpan Outgoing, TimeSpan Incoming) Negotiate(TimeSpan clientSend, TimeSpan clientReceive, string? serverHeader)
    {
        var (serverSend, serverReceive) = Parse(serverHeader);
        var cx = (long)clientSend.TotalMilliseconds;
        var cy = (long)clientReceive.TotalMilliseconds;
        var outgoing = cx == 0 || serverReceive == 0 ? 0 : Math.Max(cx, serverReceive);
        var incoming = serverSend == 0 || cy == 0 ? 0 : Math.Max(serverSend, cy);
        return (TimeSpan.FromMilliseconds(outgoing), TimeSpan.FromMilliseconds(incoming));
    }

    private static (long Send, long Receive) Parse(string? header)
    {
        if (header is null) return (0, 0);
        var comma = header.IndexOf(',');
        if (comma < 0 || !TryMs(header.AsSpan(0, comma), out var send) || !TryMs(header.AsSpan(comma + 1), out var receive))
        {
            throw new StompProtocolException($"heart-beat header '{header}' is not two millisecond counts such as 10000,10000");
        }
        return (send, receive);
    }

    private static bool TryMs(ReadOnlySpan<char> text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value <= int.MaxValue;
}
