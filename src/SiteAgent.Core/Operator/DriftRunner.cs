using Microsoft.Extensions.Logging;
using SiteAgent.Backends;
using SiteAgent.Core.Observability;
using SiteAgent.Core.Offerings;
using SiteAgent.Core.Runtime;
using SiteAgent.Waldur;

namespace SiteAgent.Core.Operator;

/// <summary>What <c>drift</c> found (and, with <c>--apply</c>, did and left).</summary>
/// <param name="Findings">The differences found, with the repair outcome after <c>--apply</c>.</param>
/// <param name="Remaining">After <c>--apply</c>: the differences a second read still finds; otherwise the same as <paramref name="Findings"/>.</param>
/// <param name="Errors">Offerings that could not be compared, with the reason.</param>
public sealed record DriftResult(IReadOnlyList<DriftFinding> Findings, IReadOnlyList<DriftFinding> Remaining, IReadOnlyList<string> Errors);

/// <summary>Runs <c>drift</c> over every offering of the config: read, compare, and with <c>--apply</c> repair and read again.</summary>
public sealed partial class DriftRunner(AgentRuntime runtime, DriftIgnoreList ignore, Heartbeat heartbeat, TextWriter? terminal)
{
    private readonly OfferingSessionFactory _sessions = new(runtime);
    private readonly ILogger _logger = runtime.Loggers.CreateLogger("SiteAgent.Drift");

    /// <summary>Compares every offering; repairs when <paramref name="apply"/>.</summary>
    public async Task<DriftResult> RunAsync(bool apply, CancellationToken cancellationToken)
    {
        var findings = new List<DriftFinding>();
        var remaining = new List<DriftFinding>();
        var errors = new List<string>();
        foreach (var offering in runtime.Config.Offerings)
        {
            var backendId = offering.MembershipSyncBackend.Length > 0 ? offering.MembershipSyncBackend : offering.BackendType;
            try
            {
                var (session, drift, found) = await DetectAsync(offering, backendId, cancellationToken).ConfigureAwait(false);
                if (!apply || found.Count == 0)
                {
                    findings.AddRange(found);
                    remaining.AddRange(found);
                    continue;
                }

                findings.AddRange(await new DriftRepair(runtime, _sessions, heartbeat).ApplyAsync(session, drift, found, cancellationToken).ConfigureAwait(false));
                // Read again: what is left is what the repair could not fix (or, in dry-run, everything).
                remaining.AddRange((await DetectAsync(offering, backendId, cancellationToken).ConfigureAwait(false)).Found);
            }
            catch (Exception e) when (e is BackendException or WaldurException)
            {
                OperatorLog.OfferingFailed(_logger, offering.Name, e.Message);
                errors.Add($"{offering.Name}: {e.Message}");
            }
        }

        return new DriftResult(findings, remaining, errors);
    }

    private async Task<(OfferingSession Session, OfferingDrift Drift, IReadOnlyList<DriftFinding> Found)> DetectAsync(
        Config.OfferingConfig offering, string backendId, CancellationToken cancellationToken)
    {
        var session = await _sessions.CreateAsync(offering, backendId, cancellationToken).ConfigureAwait(false);
        var progress = new ProgressReporter($"Drift of offering \"{offering.Name}\"", "resources", terminal, _logger);
        var drift = await new DriftDetector(session, progress.Report).DetectAsync(cancellationToken).ConfigureAwait(false);
        return (session, drift, drift.Findings.Where(f => !ignore.Ignores(f)).ToList());
    }

}
