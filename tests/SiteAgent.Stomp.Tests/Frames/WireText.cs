using System.Text;
using SiteAgent.Stomp.Frames;

namespace SiteAgent.Stomp.Tests.Frames;

/// <summary>Wire bytes written as readable text: <c>^@</c> stands for NUL.</summary>
internal static class WireText
{
    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text.Replace("^@", "\0"));

    /// <summary>Parses everything in <paramref name="wire"/>, fed in chunks of <paramref name="chunk"/> bytes.</summary>
    public static List<StompFrame> ParseAll(byte[] wire, int chunk = int.MaxValue, StompFrameLimits? limits = null)
    {
        var parser = new StompFrameParser(limits);
        var frames = new List<StompFrame>();
        for (var offset = 0; offset < wire.Length; offset += chunk)
        {
            parser.Append(wire.AsSpan(offset, Math.Min(chunk, wire.Length - offset)));
            while (parser.TryReadFrame(out var frame)) frames.Add(frame);
        }
        return frames;
    }

    public static string Body(StompFrame frame) => Encoding.UTF8.GetString(frame.Body.Span);
}
