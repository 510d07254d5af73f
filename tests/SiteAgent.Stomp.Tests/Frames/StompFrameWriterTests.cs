using System.Text;
using SiteAgent.Stomp.Frames;
using static SiteAgent.Stomp.Tests.Frames.WireText;

namespace SiteAgent.Stomp.Tests.Frames;

public class StompFrameWriterTests
{
    private static KeyValuePair<string, string> H(string name, string value) => new(name, value);

    [Test]
    public async Task Subscribe_HeaderValuesEscaped()
    {
        var wire = StompFrameWriter.ToArray(new StompFrame(StompCommand.Subscribe, H("destination", "/queue/a:b\nc\\d\re"), H("id", "1")));
        await Assert.That(Encoding.UTF8.GetString(wire)).IsEqualTo("SUBSCRIBE\ndestination:/queue/a\\cb\\nc\\\\d\\re\nid:1\n\n\0");
    }

    [Test]
    public async Task Stomp_HeaderValuesLiteral()
    {
        var wire = StompFrameWriter.ToArray(new StompFrame(StompCommand.Stomp, H("accept-version", "1.2"), H("passcode", "p:a\\ss")));
        await Assert.That(Encoding.UTF8.GetString(wire)).IsEqualTo("STOMP\naccept-version:1.2\npasscode:p:a\\ss\n\n\0");
    }

    [Test]
    [Arguments("line\nbreak")]
    [Arguments("carriage\rreturn")]
    public async Task Stomp_ValueWithLineBreak_Rejected(string value)
    {
        // Unescaped, the break would start a header of the caller's choosing.
        await Assert.That(() => StompFrameWriter.ToArray(new StompFrame(StompCommand.Stomp, H("login", value)))).Throws<ArgumentException>();
    }

    [Test]
    public async Task BodyOnSubscribe_Rejected()
    {
        await Assert.That(() => StompFrameWriter.ToArray(new StompFrame(StompCommand.Subscribe, StompHeaders.Empty, new byte[] { 1 }))).Throws<ArgumentException>();
    }

    [Test]
    public async Task Body_GetsContentLength_AndRoundTripsWithNuls()
    {
        var body = new byte[] { 0, 1, 2, 0, 255 };
        var wire = StompFrameWriter.ToArray(new StompFrame(StompCommand.Send, StompHeaders.From([H("destination", "/queue/x")]), body));
        await Assert.That(Encoding.ASCII.GetString(wire)).Contains("content-length:5\n");
        var parsed = ParseAll(wire).Single();
        await Assert.That(parsed.Body.ToArray()).IsEquivalentTo(body);
    }

    [Test]
    public async Task RandomFrames_RoundTripThroughParser()
    {
        var random = new Random(20261207);
        string[] alphabet = ["a", "b", ":", "\\", "\n", "\r", " ", "é", "€", "𝄞", "-", "_", "/"];
        string Text(int max) => string.Concat(Enumerable.Range(0, random.Next(1, max)).Select(_ => alphabet[random.Next(alphabet.Length)]));
        for (var i = 0; i < 500; i++)
        {
            var headers = Enumerable.Range(0, random.Next(0, 6)).Select(n => H(Text(8) + n, Text(20))).ToArray();
            var body = new byte[random.Next(0, 50)];
            random.NextBytes(body);
            var frame = new StompFrame(StompCommand.Message, StompHeaders.From(headers), body);
            var parsed = ParseAll(StompFrameWriter.ToArray(frame), chunk: random.Next(1, 40)).Single();
            await Assert.That(parsed.Headers.Take(headers.Length).ToArray()).IsEquivalentTo(headers);
            await Assert.That(parsed.Body.ToArray()).IsEquivalentTo(body);
        }
    }
}
