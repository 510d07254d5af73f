using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using SiteAgent.Waldur.Secrets;

namespace SiteAgent.Logging;

/// <summary>Builds the agent's logger factory: console output in the chosen format, a runtime-adjustable level, secret redaction.</summary>
public static class AgentLogging
{
    /// <summary>Creates the factory. Logs go to stderr when <paramref name="toStandardError"/> (commands whose stdout is data).</summary>
    public static ILoggerFactory Create(LogFormat format, LogLevelSwitch level, bool toStandardError, SecretRedactor redactor)
    {
        return LoggerFactory.Create(builder =>
        {
            builder.SetMinimumLevel(LogLevel.Trace);
            builder.AddFilter((_, _, entryLevel) => entryLevel >= level.Minimum);
            builder.AddConsole(options =>
            {
                options.LogToStandardErrorThreshold = toStandardError ? LogLevel.Trace : LogLevel.None;
                options.FormatterName = format switch
                {
                    LogFormat.Json => ConsoleFormatterNames.Json,
                    LogFormat.Systemd => ConsoleFormatterNames.Systemd,
                    _ => ConsoleFormatterNames.Simple,
                };
            });
            // AddConsole registers the simple, systemd and JSON formatters; configure them without
            // AddXxxConsole(), which would also select that formatter and override the choice above.
            builder.Services.Configure<SimpleConsoleFormatterOptions>(options =>
            {
                options.SingleLine = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
                options.ColorBehavior = LoggerColorBehavior.Disabled;
            });
            builder.Services.Configure<JsonConsoleFormatterOptions>(options =>
            {
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.ffffffZ";
            });
            Decorate(builder.Services, redactor);
        });
    }

    // AddConsole registers the console provider type; replace it with the same provider wrapped in redaction.
    private static void Decorate(IServiceCollection services, SecretRedactor redactor)
    {
        services.RemoveAll<ILoggerProvider>();
        services.AddSingleton<ILoggerProvider>(sp => new RedactingLoggerProvider(
            new ConsoleLoggerProvider(sp.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>(), sp.GetServices<ConsoleFormatter>()),
            redactor));
    }
}
