using System.CommandLine;
using Microsoft.Extensions.Logging;
using SiteAgent.Core.Backends;
using SiteAgent.Core.Config;
using SiteAgent.Core.Observability;
using SiteAgent.Logging;
using SiteAgent.Waldur.Secrets;

namespace SiteAgent.Commands;

/// <summary>What one invocation of the binary works with: parsed options, output streams, logging, the backend catalog.</summary>
public sealed partial class CommandContext : IDisposable
{
    private readonly LogLevelSwitch _level;
    private ILoggerFactory? _loggerFactory;

    /// <summary>Creates the context for a parsed command line.</summary>
    public CommandContext(ParseResult parse, CommonOptions options, BackendCatalog catalog, bool legacyInvocation, TextWriter output, TextWriter error)
    {
        Parse = parse;
        Options = options;
        Catalog = catalog;
        LegacyInvocation = legacyInvocation;
        Output = output;
        Error = error;
        var envLevel = LogLevels.Parse(Environment.GetEnvironmentVariable(LogLevels.EnvironmentVariable));
        _level = new LogLevelSwitch(envLevel ?? LogLevel.Information) { FixedByEnvironment = envLevel is not null };
    }

    /// <summary>The parsed command line.</summary>
    public ParseResult Parse { get; }

    /// <summary>The shared option definitions.</summary>
    public CommonOptions Options { get; }

    /// <summary>Backends in this build.</summary>
    public BackendCatalog Catalog { get; }

    /// <summary>True when run under a reference command name (reference defaults apply).</summary>
    public bool LegacyInvocation { get; }

    /// <summary>Where results go.</summary>
    public TextWriter Output { get; }

    /// <summary>Where errors go.</summary>
    public TextWriter Error { get; }

    /// <summary>Logs go to stderr, keeping stdout for the command's data.</summary>
    public bool LogToStandardError { get; init; }

    /// <summary>The logger factory, created on first use with the chosen format.</summary>
    public ILoggerFactory Logging => _loggerFactory ??= AgentLogging.Create(ResolveLogFormat(), _level, LogToStandardError, SecretRedactor.Shared);

    /// <summary>The config path to use: the option, else the default for this invocation style.</summary>
    public string ConfigPath(string? defaultPath = null) =>
        Parse.GetValue(Options.ConfigFile) ?? defaultPath ?? (LegacyInvocation ? ConfigLoader.ReferenceDefaultPath : ConfigLoader.DefaultPath);

    /// <summary>
    /// Loads the config; on errors prints one report to stderr and returns null. Warnings are logged,
    /// secrets are handed to the redactor, and the log level follows <c>log_level</c> unless the
    /// environment fixes it.
    /// </summary>
    /// <param name="defaultPath">The config path when <c>-c</c> is not given.</param>
    /// <param name="errorPrefix">Text before the error report (a command's own wording).</param>
    public AgentConfig? LoadConfig(string? defaultPath = null, string? errorPrefix = null)
    {
        var path = ConfigPath(defaultPath);
        var result = new ConfigLoader(Catalog).Load(path);
        SecretRedactor.Shared.AddSecrets(result.Secrets.Values);
        if (!result.IsValid)
        {
            Error.WriteLine(errorPrefix + SecretRedactor.Shared.Redact(result.ErrorReport()));
            return null;
        }

        if (!_level.FixedByEnvironment && LogLevels.Parse(result.Config!.LogLevel) is { } configured)
        {
            _level.Minimum = configured;
        }

        var logger = Logging.CreateLogger("SiteAgent.Config");
        LogConfigSource(logger, result.Path);
        foreach (var warning in result.Warnings)
        {
            LogConfigWarning(logger, warning.ToString());
        }

        return result.Config;
    }

    /// <summary>Logs at debug level from now on (a command's <c>--verbose</c>), whatever the config or environment chose.</summary>
    public void LogDebug() => _level.Minimum = LogLevel.Debug;

    /// <inheritdoc />
    public void Dispose() => _loggerFactory?.Dispose();

    private LogFormat ResolveLogFormat()
    {
        // The option wins over the environment; an unset option must not read as "auto".
        var requested = (Parse.GetValue(Options.LogFormat) is { } option ? LogFormatSelection.Parse(option) : null)
                        ?? LogFormatSelection.Parse(Environment.GetEnvironmentVariable(LogFormatSelection.EnvironmentVariable))
                        ?? LogFormat.Auto;
        return LogFormatSelection.Resolve(requested, Environment.GetEnvironmentVariable);
    }

    [LoggerMessage(EventId = LogEvents.ConfigSource, Level = LogLevel.Information, Message = "Using {Path} as a config source")]
    private static partial void LogConfigSource(ILogger logger, string path);

    [LoggerMessage(EventId = LogEvents.ConfigWarning, Level = LogLevel.Warning, Message = "Config: {Problem}")]
    private static partial void LogConfigWarning(ILogger logger, string problem);
}
