using Microsoft.Extensions.Logging;
using SiteAgent.Backends.Commands;
using SiteAgent.Core.Config;
using SiteAgent.Core.Events;
using SiteAgent.Core.Observability;
using SiteAgent.Core.Membership;
using SiteAgent.Core.Orders;
using SiteAgent.Core.Reporting;
using SiteAgent.Core.Runtime;
using SiteAgent.Core.WaldurAccess;

namespace SiteAgent.Commands;

/// <summary>Runs the agent in one mode (the root command, <c>waldur_site_agent -m MODE -c FILE</c>).</summary>
public static partial class RunCommand
{
    /// <summary>Loads the config and runs the selected mode until stopped (or once, with <c>--once</c>/<c>--dry-run</c>).</summary>
    public static async Task<int> RunAsync(CommandContext context, CancellationToken cancellation)
    {
        using (context)
        {
            var mode = context.Parse.GetValue(context.Options.Mode) ?? "order_process";
            var logger = context.Logging.CreateLogger("SiteAgent");
            LogStarting(logger, AgentVersion.Current, context.Catalog.IdList);
            var config = context.LoadConfig();
            if (config is null)
            {
                LogConfigInvalid(logger, Path.GetFullPath(context.ConfigPath()));
                return ExitCodes.Failure;
            }

            var (environment, problems) = AgentEnvironment.Read(Environment.GetEnvironmentVariable);
            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    context.Error.WriteLine("error: " + problem);
                }

                return ExitCodes.Failure;
            }

            if (mode is not ("order_process" or "report" or "membership_sync" or "event_process"))
            {
                LogNotYetAvailable(logger, mode);
                context.Error.WriteLine($"waldur-site-agent: mode {mode} is not yet available in this release ({AgentVersion.Current}).");
                return ExitCodes.NotYetAvailable;
            }

            if (mode == "event_process" && (context.Parse.GetValue(context.Options.Once) || context.Parse.GetValue(context.Options.DryRun)))
            {
                context.Error.WriteLine("error: event_process runs until stopped and reacts to events; --once and --dry-run apply to the polling modes (order_process, membership_sync, report)");
                return ExitCodes.Failure;
            }

            return await RunModeAsync(context, mode, config, environment, logger, cancellation).ConfigureAwait(false);
        }
    }

    /// <summary>Runs one polling mode under the tick loop (or once).</summary>
    private static async Task<int> RunModeAsync(CommandContext context, string modeName, AgentConfig config, AgentEnvironment environment, ILogger logger, CancellationToken cancellation)
    {
        var dryRun = context.Parse.GetValue(context.Options.DryRun);
        var once = dryRun || context.Parse.GetValue(context.Options.Once);
        using var built = OperatorRuntime.Build(context, config, environment, modeName, dryRun);
        var runtime = built.Runtime;
        var heartbeat = new Heartbeat(environment.HeartbeatPath, runtime.Time, logger);
        using var stop = new ShutdownSignals(logger, cancellation);
        LogRunningMode(logger, runtime.Mode, dryRun ? " (dry run: nothing is changed)" : once ? " (one cycle)" : string.Empty);
        await StartupReport.LogWaldurVersionsAsync(runtime, stop.Abort).ConfigureAwait(false);
        if (modeName == "event_process")
        {
            using var events = new EventProcessMode(runtime, heartbeat);
            using var notifier = SystemdNotifier.FromEnvironment(Environment.GetEnvironmentVariable, Environment.ProcessId, logger);
            return await events.RunAsync(notifier, stop.Shutdown, stop.Abort).ConfigureAwait(false);
        }

        (PollingMode mode, TimeSpan period) = modeName switch
        {
            "report" => ((PollingMode)new ReportMode(runtime, heartbeat), environment.ReportPeriod),
            "membership_sync" => (new MembershipSyncMode(runtime, heartbeat), environment.MembershipSyncPeriod),
            _ => (new OrderProcessMode(runtime, heartbeat), environment.OrderProcessPeriod),
        };

        var exit = await PollingLoop.RunAsync(token => mode.RunCycleAsync(token, stop.Abort), period, heartbeat, once, runtime.Time, logger, stop.Shutdown).ConfigureAwait(false);
        built.WritePlanSummary(context.Output);

        return exit;
    }

    [LoggerMessage(EventId = LogEvents.AgentStarting, Level = LogLevel.Information, Message = "Waldur site agent version: {Version} (backends: {Backends})")]
    private static partial void LogStarting(ILogger logger, string version, string backends);

    [LoggerMessage(EventId = LogEvents.ConfigInvalid, Level = LogLevel.Error, Message = "Configuration {Path} is invalid; not starting")]
    private static partial void LogConfigInvalid(ILogger logger, string path);

    [LoggerMessage(EventId = LogEvents.NotYetAvailable, Level = LogLevel.Error, Message = "Mode {Mode} is not yet available in this release")]
    private static partial void LogNotYetAvailable(ILogger logger, string mode);

    [LoggerMessage(EventId = LogEvents.RunningMode, Level = LogLevel.Information, Message = "Running agent in {Mode} mode{Note}")]
    private static partial void LogRunningMode(ILogger logger, string mode, string note);
}
