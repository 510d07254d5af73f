using SiteAgent.Stomp.Frames;
using static SiteAgent.Stomp.Tests.Frames.WireText;

namespace SiteAgent.Stomp.Tests.Frames;

/// <summary>
/// Thousands of mutated frames fed to the parser in random pieces: it returns frames, waits for more,
/// or throws its own protocol exception; never anything else, never a hang, never unbounded memory.
/// </summary>
public class ParserFuzzTests
{
    private static readonly StompFrameLimits Limits = new(MaxFrameBytes: 8192, MaxHeaderBytes: 1024, MaxHeaders: 32);

    private static readonly byte[][] Seeds =
    [
        Bytes("CONNECTED\nversion:1.2\nheart-beat:10000,10000\nserver:RabbitMQ/3.10.8\nsession:session-x\n\n^@"),
        Bytes("MESSAGE\nsubscription:sub\ndestination:/queue/q\nmessage-id:T_sub@@session@@1\nredelivered:false\nack:T_sub@@session@@1\npersistent:true\ncontent-length:31\n\n{\"order_uuid\": \"0123456789abc\"}^@\n"),
        Bytes("MESSAGE\ndestination:/queue/a\\cb\nsubscription:s\nmessage-id:1\nack:1\n\n{\"x\":1}^@"),
        Bytes("RECEIPT\nreceipt-id:r-1\n\n^@\r\n"),
        Bytes("ERROR\nmessage:Bad CONNECT\ncontent-type:text/plain\ncontent-length:15\n\nAccess refused.^@"),
        Bytes("\n\n\n"),
    ];

    [Test]
    public async Task MutatedFrames_OnlyProtocolExceptions_BoundedBuffer()
    {
        const int Cases = 5000;
        var random = new Random(7_1207);
        var outcomes = new Dictionary<string, int> { ["frames"] = 0, ["protocol errors"] = 0, ["incomplete"] = 0 };
        for (var i = 0; i < Cases; i++)
        {
            var input = Mutate(random);
            var parser = new StompFrameParser(Limits);
            try
            {
                var offset = 0;
                while (offset < input.Length)
                {
                    var chunk = Math.Min(input.Length - offset, random.Next(1, 600));
                    parser.Append(input.AsSpan(offset, chunk));
                    offset += chunk;
                    while (parser.TryReadFrame(out _)) outcomes["frames"]++;
                    // Between reads the parser holds at most one partial frame.
                    if (parser.BufferedBytes > Limits.MaxFrameBytes + 1)
                    {
                        throw new InvalidOperationException($"case {i}: {parser.BufferedBytes} bytes buffered, beyond the {Limits.MaxFrameBytes}-byte cap");
                    }
                }
                if (parser.BufferedBytes > 0) outcomes["incomplete"]++;
            }
            catch (StompProtocolException)
            {
                outcomes["protocol errors"]++;
            }
        }
        // The mutations must exercise both paths, or the test proves nothing.
        await Assert.That(outcomes["frames"]).IsGreaterThan(1000);
        await Assert.That(outcomes["protocol errors"]).IsGreaterThan(500);
    }

    /// <summary>A few concatenated seeds, then random damage.</summary>
    private static byte[] Mutate(Random random)
    {
        var data = new List<byte>();
        for (var n = random.Next(1, 4); n > 0; n--) data.AddRange(Seeds[random.Next(Seeds.Length)]);
        for (var n = random.Next(0, 4); n > 0; n--)
        {
            var at = random.Next(data.Count + 1);
            switch (random.Next(8))
            {
                case 0 when at < data.Count: data[at] ^= (byte)(1 << random.Next(8)); break;
                case 1: data.Insert(at, (byte)random.Next(256)); break;
                case 2 when at < data.Count: data.RemoveAt(at); break;
                case 3: data.Insert(at, "\0\n:\\\r"u8[random.Next(5)]); break;
                case 4: data.RemoveRange(at, data.Count - at); break;
                case 5: data.InsertRange(at, Enumerable.Repeat((byte)'x', random.Next(1, 10_000))); break;
                case 6: data.InsertRange(at, Bytes($"content-length:{random.Next(-5, 20_000)}\n")); break;
                case 7: data.InsertRange(at, new byte[] { 0xF0, 0x9F, 0x98 }); break;
            }
        }
        return [.. data];
    }
}
