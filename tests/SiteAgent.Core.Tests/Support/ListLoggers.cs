using Microsoft.Extensions.Logging;

namespace SiteAgent.Core.Tests.Support;

/// <summary>A logger factory whose loggers all write into one list, so a test can read what the agent logged.</summary>
internal sealed class ListLoggers : ILoggerFactory
{
    private readonly List<(LogLevel Level, int EventId, string Message)> _entries = [];

    public IReadOnlyList<(LogLevel Level, int EventId, string Message)> Entries
    {
        get
        {
            lock (_entries)
            {
                return _entries.ToList();
            }
        }
    }

    /// <summary>Messages of one event id.</summary>
    public IReadOnlyList<string> Messages(int eventId) => Entries.Where(e => e.EventId == eventId).Select(e => e.Message).ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException("all loggers write to the list");

    public void Dispose()
    {
    }

    private sealed class Logger(ListLoggers owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (owner._entries)
            {
                owner._entries.Add((logLevel, eventId.Id, formatter(state, exception)));
            }
        }
    }
}

/// <summary>A clock the test moves by hand.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
