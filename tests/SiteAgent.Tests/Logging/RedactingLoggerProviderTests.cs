using Microsoft.Extensions.Logging;
using SiteAgent.Logging;
using SiteAgent.Waldur.Secrets;

namespace SiteAgent.Tests.Logging;

public class RedactingLoggerProviderTests
{
    [Test]
    public async Task Log_SecretsInMessageStateAndException_NeverReachTheSink()
    {
        var redactor = new SecretRedactor();
        redactor.AddSecrets(["s3cr3t-t0ken-value"]);
        var sink = new RecordingProvider();
        using var provider = new RedactingLoggerProvider(sink, redactor);
        var logger = provider.CreateLogger("test");

        logger.LogError(new InvalidOperationException("call failed with Authorization: Token s3cr3t-t0ken-value"),
            "GET {Url} failed for {Token}", "https://w/api/?token=abc123&x=1", "s3cr3t-t0ken-value");

        var entry = await Assert.That(sink.Entries).HasSingleItem();
        await Assert.That(entry.Message).IsEqualTo("GET https://w/api/?token=[REDACTED]&x=1 failed for ********");
        await Assert.That(entry.State).Contains(kv => kv.Key == "Token" && (string?)kv.Value == "********");
        await Assert.That(entry.State).Contains(kv => kv.Key == "Url" && (string?)kv.Value == "https://w/api/?token=[REDACTED]&x=1");
        await Assert.That(entry.Exception).DoesNotContain("s3cr3t");
        await Assert.That(entry.Exception).Contains("Authorization: Token ********");
    }

    [Test]
    [Arguments("CONNECT\npasscode:hunter2hunter2\n", "CONNECT\npasscode:********\n")]
    [Arguments("{\"access_token\": \"eyJhbGciOi\", \"x\": 1}", "{\"access_token\": \"********\", \"x\": 1}")]
    [Arguments("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.x", "Authorization: Bearer ********")]
    [Arguments("/keys/AKIA?secretKey=abc123 204", "/keys/AKIA?secretKey=[REDACTED] 204")]
    [Arguments("nothing secret here", "nothing secret here")]
    public async Task Redact_CredentialShapes_AreMasked(string input, string expected)
    {
        await Assert.That(new SecretRedactor().Redact(input)).IsEqualTo(expected);
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
