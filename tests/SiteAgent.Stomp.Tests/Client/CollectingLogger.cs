using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SiteAgent.Stomp.Tests.Client;

/// <summary>Keeps every log record (at all levels, Trace included) so tests can read what the client said.</summary>
internal sealed class CollectingLogger : ILogger
{
    public ConcurrentQueue<(EventId Id, LogLevel Level, string Text)> Records { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        Records.Enqueue((eventId, logLevel, formatter(state, exception) + (exception is null ? "" : " | " + exception)));
    }

    public bool Has(int eventId) => Records.Any(r => r.Id.Id == eventId);

    public string All => string.Join("\n", Records.Select(r => $"{r.Id.Id} {r.Level}: {r.Text}"));
}
