namespace SiteAgent.Logging;

/// <summary>How log lines are written.</summary>
public enum LogFormat
{
    /// <summary>systemd when stdout/stderr is connected to journald, plain otherwise.</summary>
    Auto,

    /// <summary>One line per entry with a UTC timestamp.</summary>
    Plain,

    /// <summary>Syslog priority prefixes (<c>&lt;6&gt;</c>) for journald, which adds its own timestamps.</summary>
    Systemd,

    /// <summary>One JSON object per line, for log collectors.</summary>
    Json,
}

/// <summary>Chooses the log format from the command line, the environment and where output goes.</summary>
public static class LogFormatSelection
{
    /// <summary>Environment variable naming the format when <c>--log-format</c> is absent.</summary>
    public const string EnvironmentVariable = "WALDUR_SITE_AGENT_LOG_FORMAT";

    /// <summary>Names accepted by <c>--log-format</c>.</summary>
    public static readonly string[] Names = ["auto", "plain", "systemd", "json"];

    /// <summary>Parses a format name; null when unknown.</summary>
    public static LogFormat? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "auto" or "" or null => LogFormat.Auto,
        "plain" or "simple" or "text" => LogFormat.Plain,
        "systemd" or "journal" or "journald" => LogFormat.Systemd,
        "json" => LogFormat.Json,
        _ => null,
    };

    /// <summary>Resolves <see cref="LogFormat.Auto"/> to a concrete format.</summary>
    public static LogFormat Resolve(LogFormat requested, Func<string, string?> environment)
    {
        if (requested != LogFormat.Auto)
        {
            return requested;
        }

        return IsJournalStream(environment("JOURNAL_STREAM")) ? LogFormat.Systemd : LogFormat.Plain;
    }

    // systemd sets JOURNAL_STREAM=<device>:<inode> of the journal socket on the service's stdout and
    // stderr; when output was redirected elsewhere the inode no longer matches.
    private static bool IsJournalStream(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Split(':') is not [_, var inode])
        {
            return false;
        }

        foreach (var fd in new[] { "/proc/self/fd/1", "/proc/self/fd/2" })
        {
            try
            {
                var target = new FileInfo(fd).LinkTarget;
                if (target is null || target == $"socket:[{inode}]")
                {
                    return true;
                }
            }
            catch (IOException)
            {
                return true;
            }
            catch (UnauthorizedAccessException)
            {
                return true;
            }
        }

        return false;
    }
}
