using Microsoft.Extensions.Logging;

namespace SiteAgent.Logging;

/// <summary>Maps the reference's level names (DEBUG … CRITICAL) to .NET log levels.</summary>
public static class LogLevels
{
    /// <summary>Environment variable that overrides the config file's <c>log_level</c>.</summary>
    public const string EnvironmentVariable = "WALDUR_SITE_AGENT_LOG_LEVEL";

    /// <summary>Parses a level name, case-insensitive; null when unknown.</summary>
    public static LogLevel? Parse(string? name) => name?.Trim().ToUpperInvariant() switch
    {
        "TRACE" => LogLevel.Trace,
        "DEBUG" => LogLevel.Debug,
        "INFO" or "INFORMATION" => LogLevel.Information,
        "WARNING" or "WARN" => LogLevel.Warning,
        "ERROR" => LogLevel.Error,
        "CRITICAL" or "FATAL" => LogLevel.Critical,
        _ => null,
    };
}

/// <summary>The minimum level, changeable after start (the config file is read after logging starts).</summary>
public sealed class LogLevelSwitch
{
    /// <summary>Creates the switch at an initial level.</summary>
    public LogLevelSwitch(LogLevel minimum) => Minimum = minimum;

    /// <summary>Entries below this level are dropped.</summary>
    public LogLevel Minimum { get; set; }

    /// <summary>True when the environment variable fixes the level, so the config file's level is ignored.</summary>
    public bool FixedByEnvironment { get; init; }
}
