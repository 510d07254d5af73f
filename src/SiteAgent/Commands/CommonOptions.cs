using System.CommandLine;
using SiteAgent.Logging;

namespace SiteAgent.Commands;

/// <summary>Options shared by many commands; recursive ones may appear before or after the subcommand.</summary>
public sealed class CommonOptions
{
    /// <summary>Agent modes, as the reference names them.</summary>
    public static readonly string[] Modes = ["order_process", "report", "membership_sync", "event_process"];

    /// <summary><c>-c/--config-file</c>; no default here because commands differ in theirs.</summary>
    public Option<string?> ConfigFile { get; } = new("--config-file", "-c", "--config")
    {
        Description = "Path of the YAML config file (default: /etc/waldur/waldur-site-agent-config.yaml; " +
                      "./waldur-site-agent-config.yaml when run under a reference command name)",
        Recursive = true,
        HelpName = "FILE",
    };

    /// <summary><c>-m/--mode</c>.</summary>
    public Option<string> Mode { get; } = CreateMode();

    /// <summary><c>--log-format</c>.</summary>
    public Option<string?> LogFormat { get; } = CreateLogFormat();

    /// <summary><c>--dry-run</c>.</summary>
    public Option<bool> DryRun { get; } = new("--dry-run")
    {
        Description = "Read everything, change nothing in the backend or in Waldur; print each command and Waldur write that would be made, then exit after one cycle",
        Recursive = true,
    };

    /// <summary><c>--once</c>.</summary>
    public Option<bool> Once { get; } = new("--once")
    {
        Description = "Run one cycle over all offerings and exit (exit status 1 when any offering failed); useful from cron and for testing",
        Recursive = true,
    };

    private static Option<string> CreateMode()
    {
        var option = new Option<string>("--mode", "-m")
        {
            Description = "Agent mode: order_process (provision orders), report (usage), membership_sync (users), event_process (STOMP events)",
            DefaultValueFactory = _ => "order_process",
            Recursive = true,
            HelpName = "MODE",
        };
        option.AcceptOnlyFromAmong(Modes);
        return option;
    }

    private static Option<string?> CreateLogFormat()
    {
        var option = new Option<string?>("--log-format")
        {
            Description = $"Log format: auto (systemd under journald, else plain), plain, systemd, json; default from {LogFormatSelection.EnvironmentVariable} or auto",
            Recursive = true,
            HelpName = "FORMAT",
        };
        option.AcceptOnlyFromAmong(LogFormatSelection.Names);
        return option;
    }
}
