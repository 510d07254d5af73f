using Microsoft.Extensions.Logging;

namespace SiteAgent.Waldur.Tests.Infrastructure;

/// <summary>Options and clients aimed at a loopback server, with retries fast enough for tests.</summary>
internal static class TestClients
{
    public const string Token = "s3cr3t-static-token-0123456789";

    public static WaldurRetrySettings FastRetry { get; } = new()
    {
        MaxRetryAttempts = 3,
        BaseDelay = TimeSpan.FromMilliseconds(10),
        MaxDelay = TimeSpan.FromMilliseconds(50),
        UseJitter = false,
    };

    public static WaldurClientOptions Options(Uri apiUrl) => new()
    {
        ApiUrl = apiUrl,
        Credentials = new StaticTokenCredentials(Token),
        UserAgent = WaldurUserAgent.For("testing", "0.1.0"),
        Timeout = TimeSpan.FromSeconds(20),
        ReadRetry = FastRetry,
        WriteRetry = FastRetry,
    };

    public static WaldurClient Client(LoopbackServer server, Func<WaldurClientOptions, WaldurClientOptions>? adjust = null, ILogger? logger = null) =>
        new(adjust is null ? Options(server.ApiUrl) : adjust(Options(server.ApiUrl)), logger);
}

/// <summary>Captures log entries.</summary>
internal sealed class ListLogger : ILogger
{
    public List<(LogLevel Level, EventId Id, string Message)> Entries { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (Entries)
        {
            Entries.Add((logLevel, eventId, formatter(state, exception)));
        }
    }
}

/// <summary>A clock whose "now" the test moves; timers stay real so Polly's delays still run.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
