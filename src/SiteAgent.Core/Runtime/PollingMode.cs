using Microsoft.Extensions.Logging;
using SiteAgent.Core.Config;
using SiteAgent.Core.Observability;
using SiteAgent.Core.Offerings;

namespace SiteAgent.Core.Runtime;

/// <summary>
/// What the polling modes share: offerings in file order, the heartbeat touched at
/// each, skip rules, a session per offering and cycle with the mode's processor registered, and an
/// error guard so that one failing offering never stops the others.
/// </summary>
/// <remarks>
/// To add a polling mode: 1. derive from this class with the processor name Waldur should show;
/// 2. implement <see cref="RunCycleAsync"/> with <see cref="ForEachOfferingAsync"/> and
/// <see cref="SessionAsync"/>; 3. give it a period variable and a case in the run command.
/// </remarks>
public abstract partial class PollingMode
{
    /// <summary>Creates the mode's shared parts.</summary>
    /// <param name="runtime">The running agent.</param>
    /// <param name="heartbeat">Touched before every offering (and by the cycles every 10 items).</param>
    /// <param name="loggerCategory">The mode's log category (<c>SiteAgent.Orders</c>…).</param>
    protected PollingMode(AgentRuntime runtime, Heartbeat heartbeat, string loggerCategory)
    {
        Runtime = runtime;
        Heartbeat = heartbeat;
        Sessions = new OfferingSessionFactory(runtime);
        Registration = new AgentRegistration(runtime);
        Logger = runtime.Loggers.CreateLogger(loggerCategory);
    }

    /// <summary>The running agent.</summary>
    protected AgentRuntime Runtime { get; }

    /// <summary>The liveness file.</summary>
    protected Heartbeat Heartbeat { get; }

    /// <summary>Builds each offering's session (and caches what lives longer than a cycle).</summary>
    protected OfferingSessionFactory Sessions { get; }

    /// <summary>The mode's log.</summary>
    protected ILogger Logger { get; }

    private AgentRegistration Registration { get; }

    /// <summary>Runs one cycle over all offerings; true when no offering failed.</summary>
    public abstract Task<bool> RunCycleAsync(CancellationToken shutdown, CancellationToken abort);

    /// <summary>The offering's session for this cycle, with <paramref name="processorName"/> registered in Waldur (once per process).</summary>
    protected async Task<OfferingSession> SessionAsync(OfferingConfig offering, string backendId, string processorName, CancellationToken cancellationToken)
    {
        var session = await Sessions.CreateAsync(offering, backendId, cancellationToken).ConfigureAwait(false);
        await Registration.EnsureAsync(session, processorName, cancellationToken).ConfigureAwait(false);
        return session;
    }

    /// <summary>Runs <paramref name="runOffering"/> for every offering that <paramref name="skipReason"/> lets through; returns how many failed.</summary>
    /// <param name="work">What the mode does, for the failure log ("usage reporting").</param>
    /// <param name="skipReason">Why an offering is skipped this cycle, or null to run it.</param>
    /// <param name="runOffering">One offering's work.</param>
    /// <param name="shutdown">Stops before the next offering.</param>
    /// <param name="abort">Cancels work in flight; rethrown.</param>
    protected async Task<int> ForEachOfferingAsync(
        string work, Func<OfferingConfig, string?> skipReason, Func<OfferingConfig, Task> runOffering, CancellationToken shutdown, CancellationToken abort)
    {
        var failed = 0;
        foreach (var offering in Runtime.Config.Offerings)
        {
            if (shutdown.IsCancellationRequested)
            {
                break;
            }

            Heartbeat.Touch();
            if (skipReason(offering) is { } reason)
            {
                LogSkipped(Logger, offering.Name, reason);
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
                LogOfferingFailed(Logger, offering.Name, work, ex.Message, ex);
            }
        }

        return failed;
    }

    [LoggerMessage(EventId = LogEvents.OfferingSkipped, Level = LogLevel.Information, Message = "Offering \"{Offering}\" skipped: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string offering, string reason);

    [LoggerMessage(EventId = LogEvents.OfferingFailed, Level = LogLevel.Error, Message = "Offering \"{Offering}\": {Work} failed this cycle: {Reason}")]
    private static partial void LogOfferingFailed(ILogger logger, string offering, string work, string reason, Exception exception);
}
