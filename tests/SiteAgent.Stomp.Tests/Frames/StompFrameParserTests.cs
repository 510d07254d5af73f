using SiteAgent.Stomp.Frames;
using static SiteAgent.Stomp.Tests.Frames.WireText;

namespace SiteAgent.Stomp.Tests.Frames;

public class StompFrameParserTests
{
    private const string Message = "MESSAGE\nsubscription:s1\nmessage-id:m1\ndestination:/queue/q\nack:a1\n\n{\"order_uuid\": \"abc\"}^@";

    [Test]
    public async Task Message_WithoutContentLength_BodyEndsAtFirstNul()
    {
        var frame = ParseAll(Bytes(Message)).Single();
        await Assert.That(frame.Command).IsEqualTo(StompCommand.Message);
        await Assert.That(frame.Headers["message-id"]).IsEqualTo("m1");
        await Assert.That(Body(frame)).IsEqualTo("{\"order_uuid\": \"abc\"}");
    }

    [Test]
    public async Task ContentLength_BodyContainsNuls_ReadsExactlyThatManyOctets()
    {
        var frame = ParseAll(Bytes("MESSAGE\ncontent-length:7\ndestination:/q\n\nab^@^@cd^@^@")).Single();
        await Assert.That(frame.Body.ToArray()).IsEquivalentTo(new byte[] { (byte)'a', (byte)'b', 0, 0, (byte)'c', (byte)'d', 0 });
    }

    [Test]
    public async Task ContentLength_NotFollowedByNul_IsProtocolError()
    {
        await Assert.That(() => ParseAll(Bytes("MESSAGE\ncontent-length:2\n\nabc^@"))).Throws<StompProtocolException>();
    }

    [Test]
    [Arguments("abc")]
    [Arguments("-1")]
    [Arguments(" 5")]
    [Arguments("99999999999")]
    public async Task ContentLength_NotAByteCount_IsProtocolError(string value)
    {
        await Assert.That(() => ParseAll(Bytes($"MESSAGE\ncontent-length:{value}\n\nabc^@"))).Throws<StompProtocolException>();
    }

    [Test]
    public async Task MessageHeaders_EscapesDecoded()
    {
        var frame = ParseAll(Bytes("MESSAGE\ndestination:/queue/a\\cb\nx\\\\y:line1\\nline2\\r\n\n^@")).Single();
        await Assert.That(frame.Headers["destination"]).IsEqualTo("/queue/a:b");
        await Assert.That(frame.Headers["x\\y"]).IsEqualTo("line1\nline2\r");
    }

    [Test]
    [Arguments("MESSAGE\ndestination:a\\tb\n\n^@")]
    [Arguments("MESSAGE\ndestination:ab\\\n\n^@")]
    public async Task UndefinedEscape_IsProtocolError(string wire)
    {
        await Assert.That(() => ParseAll(Bytes(wire))).Throws<StompProtocolException>();
    }

    [Test]
    public async Task ConnectedHeaders_TakenLiterally()
    {
        var frame = ParseAll(Bytes("CONNECTED\nversion:1.2\nserver:RabbitMQ/3.10.8\nsession:a\\cb:c\n\n^@")).Single();
        await Assert.That(frame.Headers["session"]).IsEqualTo("a\\cb:c");
    }

    [Test]
    public async Task RepeatedHeader_FirstOccurrenceWins()
    {
        var frame = ParseAll(Bytes("MESSAGE\nfoo:first\nfoo:second\n\n^@")).Single();
        await Assert.That(frame.Headers["foo"]).IsEqualTo("first");
        await Assert.That(frame.Headers.Count).IsEqualTo(2);
    }

    [Test]
    public async Task HeaderValue_SplitAtFirstColon_SpacesKept()
    {
        var frame = ParseAll(Bytes("ERROR\nmessage: Bad CONNECT: refused \n\n^@")).Single();
        await Assert.That(frame.Headers["message"]).IsEqualTo(" Bad CONNECT: refused ");
    }

    [Test]
    public async Task CrLfLineEndings_Accepted()
    {
        var frame = ParseAll(Bytes("RECEIPT\r\nreceipt-id:r-1\r\n\r\n^@\r\n")).Single();
        await Assert.That(frame.Command).IsEqualTo(StompCommand.Receipt);
        await Assert.That(frame.Headers["receipt-id"]).IsEqualTo("r-1");
    }

    [Test]
    public async Task HeartBeatEols_BeforeBetweenAndAfterFrames_AreSkippedAndCounted()
    {
        var parser = new StompFrameParser();
        parser.Append(Bytes("\n\r\n" + Message + "\n\n" + Message + "\r\n\n"));
        var frames = new List<StompFrame>();
        while (parser.TryReadFrame(out var frame)) frames.Add(frame);
        await Assert.That(frames.Count).IsEqualTo(2);
        await Assert.That(parser.HeartBeatsSeen).IsEqualTo(6);
        await Assert.That(parser.BufferedBytes).IsEqualTo(0);
    }

    [Test]
    [Arguments(1)]
    [Arguments(2)]
    [Arguments(3)]
    [Arguments(7)]
    [Arguments(64)]
    public async Task FramesSplitAcrossReads_ParseAsInOnePiece(int chunk)
    {
        var wire = Bytes("\n" + Message + "\nMESSAGE\ncontent-length:3\n\na^@b^@" + Message);
        var whole = ParseAll(wire);
        var pieces = ParseAll(wire, chunk);
        await Assert.That(pieces.Count).IsEqualTo(3);
        await Assert.That(pieces.Select(f => Convert.ToHexString(f.Body.Span))).IsEquivalentTo(whole.Select(f => Convert.ToHexString(f.Body.Span)));
        await Assert.That(pieces.Select(f => f.Headers.ToString())).IsEquivalentTo(whole.Select(f => f.Headers.ToString()));
    }

    [Test]
    public async Task PartialFrame_WaitsForMoreBytes()
    {
        var parser = new StompFrameParser();
        parser.Append(Bytes("MESSAGE\ndestination:/q\n\npartial"));
        await Assert.That(parser.TryReadFrame(out _)).IsFalse();
        parser.Append(Bytes(" body^@"));
        await Assert.That(parser.TryReadFrame(out var frame)).IsTrue();
        await Assert.That(Body(frame!)).IsEqualTo("partial body");
    }

    [Test]
    [Arguments("HELLO\n\n^@")]
    [Arguments("message\n\n^@")]
    [Arguments("GET / HTTP/1.1\nhost:x\n\n^@")]
    public async Task UnknownCommand_IsProtocolError(string wire)
    {
        await Assert.That(() => ParseAll(Bytes(wire))).Throws<StompProtocolException>();
    }

    [Test]
    public async Task InvalidUtf8InHeader_IsProtocolError()
    {
        var wire = Bytes("MESSAGE\ndestination:/q/").Concat(new byte[] { 0xC3, 0x28 }).Concat(Bytes("\n\n^@")).ToArray();
        await Assert.That(() => ParseAll(wire)).Throws<StompProtocolException>();
    }

    [Test]
    [Arguments("MESSAGE\nno-colon-here\n\n^@")]
    [Arguments("MESSAGE\n:value-without-name\n\n^@")]
    [Arguments("MESSAGE\nname:va\rlue\n\n^@")]
    [Arguments("RECEIPT\nreceipt-id:1\n\nbody^@")]
    [Arguments("\rMESSAGE\n\n^@")]
    public async Task MalformedFrame_IsProtocolError(string wire)
    {
        await Assert.That(() => ParseAll(Bytes(wire))).Throws<StompProtocolException>();
    }

    [Test]
    public async Task OversizedFrame_ByContentLength_RejectedBeforeTheBodyArrives()
    {
        var limits = new StompFrameLimits(MaxFrameBytes: 1024, MaxHeaderBytes: 256);
        await Assert.That(() => ParseAll(Bytes("MESSAGE\ncontent-length:5000\n\nabc"), limits: limits)).Throws<StompProtocolException>();
    }

    [Test]
    public async Task OversizedFrame_WithoutContentLength_RejectedOnceItPassesTheCap()
    {
        var limits = new StompFrameLimits(MaxFrameBytes: 1024, MaxHeaderBytes: 256);
        var wire = Bytes("MESSAGE\n\n" + new string('x', 2000) + "^@");
        await Assert.That(() => ParseAll(wire, chunk: 100, limits: limits)).Throws<StompProtocolException>();
    }

    [Test]
    public async Task HeaderSectionBeyondItsCap_IsProtocolError()
    {
        var limits = new StompFrameLimits(MaxFrameBytes: 4096, MaxHeaderBytes: 256);
        var wire = Bytes("MESSAGE\nx:" + new string('y', 300) + "\n\n^@");
        await Assert.That(() => ParseAll(wire, chunk: 50, limits: limits)).Throws<StompProtocolException>();
    }

    [Test]
    public async Task TooManyHeaders_IsProtocolError()
    {
        var limits = new StompFrameLimits(MaxHeaders: 8);
        var wire = Bytes("MESSAGE\n" + string.Concat(Enumerable.Range(0, 9).Select(i => $"h{i}:v\n")) + "\n^@");
        await Assert.That(() => ParseAll(wire, limits: limits)).Throws<StompProtocolException>();
    }

    [Test]
    public async Task LargeFrame_BufferShrinksAfterwards()
    {
        var parser = new StompFrameParser();
        parser.Append(Bytes("MESSAGE\n\n" + new string('x', 1_000_000) + "^@"));
        await Assert.That(parser.TryReadFrame(out var frame)).IsTrue();
        await Assert.That(frame!.Body.Length).IsEqualTo(1_000_000);
        await Assert.That(parser.GetWriteBuffer(1).Length).IsLessThan(100_000);
    }
}
