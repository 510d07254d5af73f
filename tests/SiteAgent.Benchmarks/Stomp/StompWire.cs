using System.Text;
using SiteAgent.Stomp.Frames;

namespace SiteAgent.Benchmarks.Stomp;

/// <summary>
/// Deterministic byte streams of MESSAGE frames as RabbitMQ delivers them to an agent (the headers
/// its STOMP plugin sets, a JSON body with content-length, a heart-beat EOL now and then), cut into
/// the 16 KiB pieces a socket read returns.
/// </summary>
internal static class StompWire
{
    public const int ReadSize = 16 * 1024;

    /// <summary><paramref name="count"/> frames whose bodies are about <paramref name="bodyBytes"/> long, and the stream's total size.</summary>
    public static (byte[][] Reads, int Frames, long Bytes) Messages(int count, int bodyBytes)
    {
        var stream = new MemoryStream();
        var random = new Random(20261207);
        for (var i = 0; i < count; i++)
        {
            var body = Body(random, bodyBytes);
            var frame = new StompFrame(StompCommand.Message, StompHeaders.From(
            [
                new("subscription", "subscription_2a0e7d3ff12743b5843fff837ae51391_offering_37f4f67fa1ed44118459679ccd50e201_order"),
                new("destination", "/queue/subscription_2a0e7d3ff12743b5843fff837ae51391_offering_37f4f67fa1ed44118459679ccd50e201_order"),
                new("message-id", $"T_subscription_2a0e7d3f@@session-Xk2kq9YpOe6v8kVvZ5zJ6g@@{i}"),
                new("redelivered", "false"),
                new("ack", $"T_subscription_2a0e7d3f@@session-Xk2kq9YpOe6v8kVvZ5zJ6g@@{i}"),
                new("content-type", "application/json"),
                new("persistent", "true"),
            ]), body);
            stream.Write(StompFrameWriter.ToArray(frame));
            if (i % 10 == 9) stream.WriteByte((byte)'\n');
        }
        var all = stream.ToArray();
        var reads = all.Chunk(ReadSize).ToArray();
        return (reads, count, all.LongLength);
    }

    private static byte[] Body(Random random, int size)
    {
        var text = new StringBuilder("{\"order_uuid\": \"").Append(random.NextInt64().ToString("x16")).Append(random.NextInt64().ToString("x16")).Append("\", \"order_state\": \"pending-provider\", \"offering_uuid\": \"37f4f67fa1ed44118459679ccd50e201\"");
        var pad = 0;
        while (text.Length < size - 20) text.Append(", \"f").Append(pad++).Append("\": ").Append(random.Next());
        return Encoding.UTF8.GetBytes(text.Append('}').ToString());
    }
}
