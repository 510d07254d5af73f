using Microsoft.Extensions.Logging;
using SiteAgent.Backends;
using SiteAgent.Backends.Capabilities;
using SiteAgent.Backends.Model;
using SiteAgent.Core.Membership;
using SiteAgent.Core.Observability;
using SiteAgent.Core.Offerings;
using SiteAgent.Core.Orders;
using SiteAgent.Core.Runtime;
using SiteAgent.Core.WaldurAccess;
using SiteAgent.Waldur;

namespace SiteAgent.Core.Operator;

/// <summary>
/// <c>drift --apply</c>: repairs one offering's differences with the modes' own processors. Missing
/// accounts are created as a Create order would, Waldur's limits are applied as an Update order would,
/// then one membership_sync cycle of the offering adds and removes users and sets the QoS. Accounts no
/// resource owns are left alone: only the operator knows whether something else needs them.
/// </summary>
public sealed partial class DriftRepair(AgentRuntime runtime, OfferingSessionFactory sessions, Heartbeat heartbeat)
{
    private readonly ILogger _logger = runtime.Loggers.CreateLogger("SiteAgent.Drift");

    /// <summary>Repairs <paramref name="findings"/> (one offering's, ignored ones removed); returns them with what was done.</summary>
    public async Task<IReadOnlyList<DriftFinding>> ApplyAsync(OfferingSession session, OfferingDrift drift, IReadOnlyList<DriftFinding> findings, CancellationToken cancellationToken)
    {
        var repaired = new List<DriftFinding>();
        var orderSession = session.Descriptor.Id == session.Offering.OrderProcessingBackend || session.Offering.OrderProcessingBackend.Length == 0
            ? session
            : await sessions.CreateAsync(session.Offering, session.Offering.OrderProcessingBackend, cancellationToken).ConfigureAwait(false);
        var orders = orderSession.Backend as IOrderProcessingBackend;
        var waldur = session.Waldur.WithRetry(write: WaldurRetrySettings.None);
        var resources = drift.Resources.ToDictionary(r => r.Uuid);
        var failed = false;
        foreach (var finding in findings)
        {
            string outcome;
            try
            {
                outcome = await RepairAsync(finding, orders, orderSession, waldur, resources, cancellationToken).ConfigureAwait(false);
                LogRepaired(_logger, finding.Offering, finding.Kind, finding.Account, finding.Subject, outcome);
            }
            catch (Exception e) when (e is BackendException or WaldurException)
            {
                failed = true;
                outcome = "failed: " + e.Message;
                LogRepairFailed(_logger, finding.Offering, finding.Kind, finding.Account, e.Message);
            }

            repaired.Add(finding with { Repair = outcome });
        }

        if (findings.Any(f => f.Kind is DriftKinds.MissingAccount or DriftKinds.MissingUser or DriftKinds.ExtraUser or DriftKinds.QosState))
        {
            await SyncMembershipAsync(session.Offering, failed, cancellationToken).ConfigureAwait(false);
        }

        return repaired;
    }

    private async Task<string> RepairAsync(
        DriftFinding finding, IOrderProcessingBackend? orders, OfferingSession orderSession, WaldurClient waldur,
        Dictionary<Guid, Waldur.Models.Resource> resources, CancellationToken cancellationToken)
    {
        var resource = finding.Resource is { } uuid ? resources.GetValueOrDefault(uuid) : null;
        switch (finding.Kind)
        {
            case DriftKinds.MissingAccount when orders is not null && resource is not null:
                var context = new OrderContext(runtime, orderSession, orders, waldur, sessions);
                var created = await new CreateOrderHandler(context, new UserContextBuilder(context), new BackendIdClaims(context)).RecreateAsync(resource, cancellationToken).ConfigureAwait(false);
                return $"created {created.BackendId} as a Create order would";
            case DriftKinds.LimitMismatch when orders is not null && resource is not null:
                var applied = await orders.ApplyResourceLimitsAsync(resource.ToRequest(), LimitReapplication.Update, cancellationToken).ConfigureAwait(false);
                return "set to Waldur's limits: " + WaldurMapping.Describe(applied);
            case DriftKinds.MissingUser or DriftKinds.ExtraUser or DriftKinds.QosState:
                return "membership sync of the offering";
            case DriftKinds.UnownedAccount:
                return "left alone: remove it by hand if nothing else needs it, or add it to --ignore-account";
            default:
                return "cannot be repaired by this backend";
        }
    }

    /// <summary>One membership_sync cycle of the offering, unless a limit repair failed: the cycle takes the backend's limits into Waldur.</summary>
    private async Task SyncMembershipAsync(Config.OfferingConfig offering, bool limitRepairFailed, CancellationToken cancellationToken)
    {
        if (limitRepairFailed)
        {
            LogMembershipSkipped(_logger, offering.Name);
            return;
        }

        var session = await sessions.CreateAsync(offering, offering.MembershipSyncBackend, cancellationToken).ConfigureAwait(false);
        await new MembershipCycle(runtime, session, sessions, new MembershipStatusMemory(), heartbeat).RunAsync(cancellationToken, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = LogEvents.DriftRepaired, Level = LogLevel.Information, Message = "Offering \"{Offering}\": {Kind} {Account} {Subject}: {Outcome}")]
    private static partial void LogRepaired(ILogger logger, string offering, string kind, string account, string subject, string outcome);

    [LoggerMessage(EventId = LogEvents.DriftRepairFailed, Level = LogLevel.Error, Message = "Offering \"{Offering}\": repairing {Kind} {Account} failed: {Error}")]
    private static partial void LogRepairFailed(ILogger logger, string offering, string kind, string account, string error);

    [LoggerMessage(EventId = LogEvents.DriftMembershipSkipped, Level = LogLevel.Warning,
        Message = "Offering \"{Offering}\": a repair failed, so the membership sync is not run (it would take the backend's limits into Waldur); fix the error and run drift --apply again")]
    private static partial void LogMembershipSkipped(ILogger logger, string offering);
}
