using Microsoft.Extensions.Logging;
using SiteAgent.Core.Observability;

namespace SiteAgent.Commands;

/// <summary>Runs the agent in one mode (the root command, <c>waldur_site_agent -m MODE -c FILE</c>).</summary>
public static partial class RunCommand
{
    /// <summary>Loads the config and runs the selected mode until stopped.</summary>
    public static Task<int> RunAsync(CommandContext context, CancellationToken cancellation)
    {
        using (context)
        {
            var mode = context.Parse.GetValue(context.Options.Mode) ?? "order_process";
            var logger = context.Logging.CreateLogger("SiteAgent");
            LogStarting(logger, AgentVersion.Current, context.Catalog.IdList);
            var config = context.LoadConfig();
            if (config is null)
            {
                LogConfigInvalid(logger, context.ConfigPath());
                return Task.FromResult(ExitCodes.Failure);
            }

            LogNotYetAvailable(logger, mode);
            context.Error.WriteLine($"waldur-site-agent: mode {mode} is not yet available in this release ({AgentVersion.Current}).");
            return Task.FromResult(ExitCodes.NotYetAvailable);
        }
    }

    [LoggerMessage(EventId = LogEvents.AgentStarting, Level = LogLevel.Information, Message = "Waldur site agent version: {Version} (backends: {Backends})")]
    private static partial void LogStarting(ILogger logger, string version, string backends);

    [LoggerMessage(EventId = LogEvents.ConfigInvalid, Level = LogLevel.Error, Message = "Configuration {Path} is invalid; not starting")]
    private static partial void LogConfigInvalid(ILogger logger, string path);

    [LoggerMessage(EventId = LogEvents.NotYetAvailable, Level = LogLevel.Error, Message = "Mode {Mode} is not yet available in this release")]
    private static partial void LogNotYetAvailable(ILogger logger, string mode);
}
