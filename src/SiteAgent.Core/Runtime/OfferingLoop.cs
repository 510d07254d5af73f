using Microsoft.Extensions.Logging;
using SiteAgent.Core.Config;
using SiteAgent.Core.Observability;

namespace SiteAgent.Core.Runtime;

/// <summary>
/// The per-offering scaffolding of a polling cycle (modes.md §1.2): offerings in file order, the
/// heartbeat touched at each, skip rules, and an error guard so that one failing offering never stops
/// the others.
/// </summary>
public static partial class OfferingLoop
{
    /// <summary>Runs <paramref name="runOffering"/> for every offering that <paramref name="skipReason"/> lets through; returns how many failed.</summary>
    /// <param name="runtime">The running agent (its offerings).</param>
    /// <param name="heartbeat">Touched before every offering.</param>
    /// <param name="work">What the mode does, for the failure log ("usage reporting").</param>
    /// <param name="skipReason">Why an offering is skipped this cycle, or null to run it.</param>
    /// <param name="runOffering">One offering's work.</param>
    /// <param name="logger">Where skips and failures are logged.</param>
    /// <param name="shutdown">Stops before the next offering.</param>
    /// <param name="abort">Cancels work in flight; rethrown.</param>
    public static async Task<int> RunAsync(
        AgentRuntime runtime,
        Heartbeat heartbeat,
        string work,
        Func<OfferingConfig, string?> skipReason,
        Func<OfferingConfig, Task> runOffering,
        ILogger logger,
        CancellationToken shutdown,
        CancellationToken abort)
    {
        var failed = 0;
        foreach (var offering in runtime.Config.Offerings)
        {
            if (shutdown.IsCancellationRequested)
            {
                break;
            }

            heartbeat.Touch();
            if (skipReason(offering) is { } reason)
            {
                LogSkipped(logger, offering.Name, reason);
                continue;
            }

            try
            {
                await runOffering(offering).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (abort.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                failed++;
                LogOfferingFailed(logger, offering.Name, work, ex.Message, ex);
            }
        }

        return failed;
    }

    [LoggerMessage(EventId = LogEvents.OfferingSkipped, Level = LogLevel.Information, Message = "Offering \"{Offering}\" skipped: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string offering, string reason);

    [LoggerMessage(EventId = LogEvents.OfferingFailed, Level = LogLevel.Error, Message = "Offering \"{Offering}\": {Work} failed this cycle: {Reason}")]
    private static partial void LogOfferingFailed(ILogger logger, string offering, string work, string reason, Exception exception);
}
