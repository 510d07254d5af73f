using Microsoft.Extensions.Logging;
using SiteAgent.Waldur.Secrets;

namespace SiteAgent.Logging;

/// <summary>
/// Wraps a logger provider so that every message, structured value and exception text passes the
/// <see cref="SecretRedactor"/> before any formatter sees it.
/// </summary>
/// <remarks>Redaction sits in front of the sink rather than at call sites, so a forgotten call site cannot leak.</remarks>
public sealed class RedactingLoggerProvider : ILoggerProvider
{
    private readonly ILoggerProvider _inner;
    private readonly SecretRedactor _redactor;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public RedactingLoggerProvider(ILoggerProvider inner, SecretRedactor redactor)
    {
        _inner = inner;
        _redactor = redactor;
    }

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(_inner.CreateLogger(categoryName), _redactor);

    /// <inheritdoc />
    public void Dispose() => _inner.Dispose();

    private sealed class RedactingLogger(ILogger inner, SecretRedactor redactor) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!inner.IsEnabled(logLevel))
            {
                return;
            }

            var message = redactor.Redact(formatter(state, exception));
            var redactedState = new RedactedState(state as IReadOnlyList<KeyValuePair<string, object?>>, message, redactor);
            var redactedException = exception is null ? null : new RedactedException(exception, redactor);
            inner.Log(logLevel, eventId, redactedState, redactedException, static (s, _) => s.Message);
        }
    }
}
