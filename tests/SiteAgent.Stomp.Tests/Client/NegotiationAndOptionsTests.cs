using SiteAgent.Stomp.Frames;
using SiteAgent.Stomp.Session;

namespace SiteAgent.Stomp.Tests.Client;

public class NegotiationAndOptionsTests
{
    private static readonly TimeSpan TenSeconds = TimeSpan.FromSeconds(10);

    [Test]
    [Arguments(null, 0, 0)]
    [Arguments("0,0", 0, 0)]
    [Arguments("30000,30000", 30000, 30000)]
    [Arguments("5000,5000", 10000, 10000)]
    [Arguments("0,20000", 20000, 0)]
    [Arguments("20000,0", 0, 20000)]
    public async Task HeartBeat_ClientAsks10000Both_NegotiatedAgainstServer(string? server, int outgoingMs, int incomingMs)
    {
        var (outgoing, incoming) = HeartBeatNegotiation.Negotiate(TenSeconds, TenSeconds, server);
        await Assert.That(outgoing).IsEqualTo(TimeSpan.FromMilliseconds(outgoingMs));
        await Assert.That(incoming).IsEqualTo(TimeSpan.FromMilliseconds(incomingMs));
    }

    [Test]
    public async Task HeartBeat_ClientCannotSend_NoOutgoingWhateverTheServerWants()
    {
        var (outgoing, _) = HeartBeatNegotiation.Negotiate(TimeSpan.Zero, TenSeconds, "10000,10000");
        await Assert.That(outgoing).IsEqualTo(TimeSpan.Zero);
        await Assert.That(HeartBeatNegotiation.Header(TenSeconds, TimeSpan.Zero)).IsEqualTo("10000,0");
    }

    [Test]
    [Arguments("10000")]
    [Arguments("a,b")]
    [Arguments("-1,5")]
    [Arguments("10000, 10000")]
    public async Task HeartBeat_MalformedServerHeader_IsProtocolError(string server)
    {
        await Assert.That(() => HeartBeatNegotiation.Negotiate(TenSeconds, TenSeconds, server)).Throws<StompProtocolException>();
    }

    [Test]
    public async Task Backoff_DoublesFromOneSecondToTheCap_JitterUpToAQuarter()
    {
        var policy = StompReconnectPolicy.Default;
        var seconds = Enumerable.Range(0, 10).Select(n => policy.DelayFor(n, 0).TotalSeconds).ToArray();
        await Assert.That(seconds).IsEquivalentTo(new double[] { 1, 2, 4, 8, 16, 32, 64, 120, 120, 120 });
        await Assert.That(policy.DelayFor(3, 0.999).TotalSeconds).IsGreaterThan(9.99).And.IsLessThan(10.0);
        await Assert.That(policy.DelayFor(1000, 0.5).TotalSeconds).IsEqualTo(135);
    }

    [Test]
    [Arguments("ws://broker.example:15674/ws", StompTransportKind.WebSocket, "broker.example", 15674, false, "ws://broker.example:15674/ws")]
    [Arguments("wss://waldur.example:443/rmqws-stomp", StompTransportKind.WebSocket, "waldur.example", 443, true, "wss://waldur.example:443/rmqws-stomp")]
    [Arguments("stomp://127.0.0.1:61613", StompTransportKind.Tcp, "127.0.0.1", 61613, false, "stomp://127.0.0.1:61613")]
    [Arguments("stomp+ssl://broker:61614", StompTransportKind.Tcp, "broker", 61614, true, "stomp+ssl://broker:61614")]
    [Arguments("wss://waldur.example/rmqws-stomp", StompTransportKind.WebSocket, "waldur.example", 443, true, "wss://waldur.example:443/rmqws-stomp")]
    public async Task Endpoint_Parse_RoundTrips(string url, StompTransportKind kind, string host, int port, bool tls, string shown)
    {
        var endpoint = StompEndpoint.Parse(url);
        await Assert.That(endpoint.Transport).IsEqualTo(kind);
        await Assert.That(endpoint.Host).IsEqualTo(host);
        await Assert.That(endpoint.Port).IsEqualTo(port);
        await Assert.That(endpoint.UseTls).IsEqualTo(tls);
        await Assert.That(endpoint.ToString()).IsEqualTo(shown);
    }

    [Test]
    [Arguments("stomp://broker")]
    [Arguments("http://broker:15674/ws")]
    [Arguments("not a url")]
    public async Task Endpoint_WithoutPortOrUnknownScheme_Rejected(string url)
    {
        await Assert.That(() => StompEndpoint.Parse(url)).Throws<FormatException>();
    }

    [Test]
    public async Task Options_EveryProblemListed_PasscodeNeverShown()
    {
        var options = new StompClientOptions
        {
            Endpoint = StompEndpoint.Tcp("", 0),
            Passcode = "top-secret-token",
            Subscriptions = [new StompSubscription("/amq/queue/a", "same", 0), new StompSubscription("/amq/queue/b", "same")],
            ConnectTimeout = TimeSpan.Zero,
        };

        var problems = options.Problems();

        await Assert.That(problems.Count).IsEqualTo(5);
        await Assert.That(string.Join("; ", problems)).Contains("prefetch count 0");
        await Assert.That(() => new StompClient(options)).Throws<ArgumentException>();
        await Assert.That(options.ToString()).DoesNotContain("top-secret-token");
        await Assert.That(options.ToString()).Contains("passcode=********");
    }
}
