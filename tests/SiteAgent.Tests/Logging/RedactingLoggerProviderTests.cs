using Microsoft.Extensions.Logging;
using SiteAgent.Core.Observability;
using SiteAgent.Logging;

namespace SiteAgent.Tests.Logging;

public class RedactingLoggerProviderTests
{
    [Fact]
    public void Log_SecretsInMessageStateAndException_NeverReachTheSink()
    {
        var redactor = new SecretRedactor();
        redactor.AddSecrets(["s3cr3t-t0ken-value"]);
        var sink = new RecordingProvider();
        using var provider = new RedactingLoggerProvider(sink, redactor);
        var logger = provider.CreateLogger("test");

        logger.LogError(new InvalidOperationException("call failed with Authorization: Token s3cr3t-t0ken-value"),
            "GET {Url} failed for {Token}", "https://w/api/?token=abc123&x=1", "s3cr3t-t0ken-value");

        var entry = Assert.Single(sink.Entries);
        Assert.Equal("GET https://w/api/?token=[REDACTED]&x=1 failed for ********", entry.Message);
        Assert.Contains(entry.State, kv => kv.Key == "Token" && (string?)kv.Value == "********");
        Assert.Contains(entry.State, kv => kv.Key == "Url" && (string?)kv.Value == "https://w/api/?token=[REDACTED]&x=1");
        Assert.DoesNotContain("s3cr3t", entry.Exception, StringComparison.Ordinal);
        Assert.Contains("Authorization: Token ********", entry.Exception, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CONNECT\npasscode:hunter2hunter2\n", "CONNECT\npasscode:********\n")]
    [InlineData("{\"access_token\": \"eyJhbGciOi\", \"x\": 1}", "{\"access_token\": \"********\", \"x\": 1}")]
    [InlineData("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.x", "Authorization: Bearer ********")]
    [InlineData("/keys/AKIA?secretKey=abc123 204", "/keys/AKIA?secretKey=[REDACTED] 204")]
    [InlineData("nothing secret here", "nothing secret here")]
    public void Redact_CredentialShapes_AreMasked(string input, string expected)
    {
        Assert.Equal(expected, new SecretRedactor().Redact(input));
    }

    private sealed record Entry(string Message, IReadOnlyList<KeyValuePair<string, object?>> State, string Exception);

    private sealed class RecordingProvider : ILoggerProvider, ILogger
    {
        public List<Entry> Entries { get; } = [];

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add(new Entry(formatter(state, exception), (IReadOnlyList<KeyValuePair<string, object?>>)state!, exception?.ToString() ?? string.Empty));

        public void Dispose()
        {
        }
    }
}
