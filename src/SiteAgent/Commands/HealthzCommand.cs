using System.CommandLine;
using Microsoft.Extensions.Logging;
using SiteAgent.Core.Config;
using SiteAgent.Core.Events;
using SiteAgent.Core.Observability;
using SiteAgent.Core.WaldurAccess;
using SiteAgent.Waldur;

namespace SiteAgent.Commands;

/// <summary>
/// <c>healthz</c> (<c>waldur_site_healthz</c>): liveness from the heartbeat file's age, readiness from
/// Waldur answering <c>users/me</c> for any offering and, while <c>event_process</c> runs, every event
/// consumer being connected. Exit 0 healthy, 1 not.
/// </summary>
public static partial class HealthzCommand
{
    /// <summary>The reference probe's config path.</summary>
    public const string DefaultConfigPath = "/etc/waldur-site-agent/config.yaml";

    private static readonly TimeSpan ReadinessTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Creates the command.</summary>
    public static Command Create(CommandServices services)
    {
        var maxAge = new Option<int>("--max-age") { Description = "Maximum heartbeat age in seconds (default 300)", DefaultValueFactory = _ => 300, HelpName = "SECONDS" };
        var livenessOnly = new Option<bool>("--liveness-only") { Description = "Skip the readiness check (no config read, no network)" };
        var heartbeat = new Option<string?>("--heartbeat-file")
        {
            Description = $"Heartbeat file of the process to probe (default: WALDUR_SITE_AGENT_HEARTBEAT_FILE, else {AgentEnvironment.DefaultHeartbeatPath}, shared by every mode)",
            HelpName = "FILE",
        };
        var command = new Command("healthz",
            "Liveness and readiness probe for monitors and containers: the heartbeat file must be younger than --max-age, " +
            $"and (unless --liveness-only) Waldur must answer for at least one offering of the config (default {DefaultConfigPath}) " +
            "and, in event_process mode, every event consumer must be connected to the broker. " +
            "Exit status 0 healthy, 1 not (the reason is logged). (reference: waldur_site_healthz)")
        {
            maxAge, livenessOnly, heartbeat,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            using var context = services.Context(parse, logToStandardError: false);
            var logger = context.Logging.CreateLogger("SiteAgent.Healthz");
            var path = parse.GetValue(heartbeat)
                       ?? (Environment.GetEnvironmentVariable("WALDUR_SITE_AGENT_HEARTBEAT_FILE") is { Length: > 0 } env ? env : AgentEnvironment.DefaultHeartbeatPath);
            var age = DateTime.UtcNow - (File.Exists(path) ? File.GetLastWriteTimeUtc(path) : DateTime.MinValue);
            if (age.TotalSeconds >= parse.GetValue(maxAge))
            {
                LogStale(logger, path, File.Exists(path) ? $"{age.TotalSeconds:0} s old" : "missing", parse.GetValue(maxAge));
                return ExitCodes.Failure;
            }

            if (parse.GetValue(livenessOnly))
            {
                return ExitCodes.Success;
            }

            if (EventReadiness.Read(path, TimeSpan.FromSeconds(parse.GetValue(maxAge))) is { Down: > 0 } consumers)
            {
                LogConsumersDown(logger, consumers.Description.Replace('\n', ';'));
                return ExitCodes.Failure;
            }

            var config = context.LoadConfig(DefaultConfigPath);
            if (config is null || !await AnyOfferingAnswersAsync(config, context, cancellation).ConfigureAwait(false))
            {
                LogNotReady(logger);
                return ExitCodes.Failure;
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<bool> AnyOfferingAnswersAsync(AgentConfig config, CommandContext context, CancellationToken cancellationToken)
    {
        using var clients = new WaldurClientFactory(config, "testing", AgentVersion.Current, context.Logging);
        foreach (var offering in config.Offerings)
        {
            using var client = new WaldurClient(clients.Options(offering) with { Timeout = ReadinessTimeout, ReadRetry = WaldurRetrySettings.None },
                context.Logging.CreateLogger("SiteAgent.Waldur"));
            try
            {
                await client.GetCurrentUserAsync(["uuid"], cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (WaldurException)
            {
            }
        }

        return false;
    }

    [LoggerMessage(EventId = LogEvents.HeartbeatStale, Level = LogLevel.Warning, Message = "Heartbeat stale or missing: {Path} is {Age} (limit {MaxAge} s)")]
    private static partial void LogStale(ILogger logger, string path, string age, int maxAge);

    [LoggerMessage(EventId = LogEvents.HealthzConsumersDown, Level = LogLevel.Warning, Message = "Event consumers are not connected to the broker: {Consumers}")]
    private static partial void LogConsumersDown(ILogger logger, string consumers);

    [LoggerMessage(EventId = LogEvents.HealthzNotReady, Level = LogLevel.Warning, Message = "Cannot reach Waldur API")]
    private static partial void LogNotReady(ILogger logger);
}
