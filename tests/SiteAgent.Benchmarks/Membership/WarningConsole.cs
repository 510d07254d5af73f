using Microsoft.Extensions.Logging;

namespace SiteAgent.Benchmarks.Membership;

/// <summary>Loggers that print the agent's warnings and errors (a bench must not hide why a cycle did less than asked).</summary>
internal sealed class WarningConsole : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new Logger();

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }

    private sealed class Logger : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                Console.WriteLine($"agent {logLevel} {eventId.Id}: {formatter(state, exception)}");
            }
        }
    }
}
