using Microsoft.Extensions.Logging;
using SiteAgent.Core.Observability;
using SiteAgent.Waldur;

namespace SiteAgent.Core.Runtime;

/// <summary>Start-up log lines about the Waldur side; failures are warnings, never fatal.</summary>
public static partial class StartupReport
{
    /// <summary>Logs the Waldur version of each offering's portal.</summary>
    public static async Task LogWaldurVersionsAsync(AgentRuntime runtime, CancellationToken cancellationToken)
    {
        var logger = runtime.Loggers.CreateLogger("SiteAgent");
        foreach (var offering in runtime.Config.Offerings)
        {
            try
            {
                var version = await runtime.Clients.For(offering).WithRetry(read: WaldurRetrySettings.None)
                    .GetVersionAsync(cancellationToken).ConfigureAwait(false);
                LogVersion(logger, offering.Name, version.Version ?? "(unknown)");
            }
            catch (WaldurException ex)
            {
                LogVersionUnavailable(logger, offering.Name, ex.Message);
            }
        }
    }

    [LoggerMessage(EventId = LogEvents.WaldurVersion, Level = LogLevel.Information, Message = "Offering \"{Offering}\": Waldur Mastermind version {Version}")]
    private static partial void LogVersion(ILogger logger, string offering, string version);

    [LoggerMessage(EventId = LogEvents.WaldurUnreachable, Level = LogLevel.Warning, Message = "Offering \"{Offering}\": unable to fetch Waldur Mastermind version ({Reason})")]
    private static partial void LogVersionUnavailable(ILogger logger, string offering, string reason);
}
