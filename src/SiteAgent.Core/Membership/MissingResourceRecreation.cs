using Microsoft.Extensions.Logging;
using SiteAgent.Backends.Capabilities;
using SiteAgent.Core.Observability;
using SiteAgent.Core.Offerings;
using SiteAgent.Core.Orders;
using SiteAgent.Core.Runtime;
using SiteAgent.Waldur;
using SiteAgent.Waldur.Queries;

namespace SiteAgent.Core.Membership;

/// <summary>Counts of one re-creation pass.</summary>
public sealed record RecreationTotals(int Checked, int Recreated, int Failed);

/// <summary>
/// The first step of a forced resources sync: every Waldur resource of the offering (OK or Erred, with a
/// backend id) whose backend resource is gone is created again under the same id, the way a Restore
/// order would (<see cref="CreateOrderHandler.RecreateAsync"/>: the id must be free or the resource's
/// own). A resource that cannot be re-created is marked erred in Waldur with the reason; the others go on.
/// The membership sync that follows adds the team and sets the QoS of the re-created resources.
/// </summary>
/// <remarks>
/// Which backend resources are gone is read with one membership read of the membership backend; the
/// re-creation runs on another session of the order backend, so that read's view of the accounts does
/// not hide what the re-creation made.
/// </remarks>
public sealed partial class MissingResourceRecreation(AgentRuntime runtime, OfferingSessionFactory sessions)
{
    /// <summary>Re-creates the offering's missing backend resources.</summary>
    /// <param name="membershipSession">Session of the membership backend (reads which resources exist).</param>
    /// <param name="orderSession">Session of the backend that creates resources (the order backend).</param>
    /// <param name="cancellationToken">Stops the pass.</param>
    public async Task<RecreationTotals> RunAsync(OfferingSession membershipSession, OfferingSession orderSession, CancellationToken cancellationToken)
    {
        var membership = membershipSession.Backend as IMembershipBackend
            ?? throw new SiteAgent.Backends.BackendException($"Backend \"{membershipSession.Descriptor.Id}\" of offering \"{membershipSession.Name}\" cannot read memberships (membership_sync_backend)");
        var orders = orderSession.Backend as IOrderProcessingBackend
            ?? throw new SiteAgent.Backends.BackendException($"Backend \"{orderSession.Descriptor.Id}\" of offering \"{orderSession.Name}\" cannot create resources, so missing ones cannot be re-created");
        var waldur = orderSession.Waldur.WithRetry(write: WaldurRetrySettings.None);
        var resources = (await waldur.ListProviderResources(new ResourceListQuery
            {
                OfferingUuids = [orderSession.Offering.OfferingUuid],
                States = MembershipCycle.SyncedStates,
                Fields = MembershipCycle.ResourceFields,
            }).ToListAsync(cancellationToken).ConfigureAwait(false))
            .Where(r => !string.IsNullOrWhiteSpace(r.BackendId)).ToList();
        var present = resources.Count == 0
            ? new Dictionary<string, IReadOnlySet<string>>()
            : await membership.ReadMembershipAsync(resources.Select(r => r.BackendId!).Distinct(StringComparer.Ordinal).ToArray(), cancellationToken).ConfigureAwait(false);
        var context = new OrderContext(runtime, orderSession, orders, waldur, sessions);
        var creator = new CreateOrderHandler(context, new UserContextBuilder(context), new BackendIdClaims(context));
        int recreated = 0, failed = 0;
        var missing = resources.Where(r => !present.ContainsKey(r.BackendId!)).ToList();
        foreach (var resource in missing)
        {
            try
            {
                var created = await creator.RecreateAsync(resource, cancellationToken).ConfigureAwait(false);
                recreated++;
                LogRecreated(orderSession.Logger, orderSession.Name, resource.Name ?? string.Empty, resource.Uuid, created.BackendId);
            }
            catch (Exception ex) when (OrderErrors.IsDefinitive(ex))
            {
                failed++;
                LogFailed(orderSession.Logger, orderSession.Name, resource.Name ?? string.Empty, resource.Uuid, resource.BackendId!, ex.Message);
                var (message, traceback) = OrderErrors.Details(ex, runtime.Config.ExposeBackendErrorDetails);
                try
                {
                    await waldur.SetProviderResourceAsErredAsync(resource.Uuid, message, traceback, cancellationToken).ConfigureAwait(false);
                }
                catch (WaldurException markFailure) when (!markFailure.IsTransient)
                {
                    LogMarkFailed(orderSession.Logger, orderSession.Name, resource.Uuid, markFailure.Message);
                }
            }
        }

        LogSummary(orderSession.Logger, orderSession.Name, resources.Count, missing.Count, recreated, failed);
        return new RecreationTotals(resources.Count, recreated, failed);
    }

    [LoggerMessage(EventId = LogEvents.ResourcesSyncRecreated, Level = LogLevel.Information,
        Message = "Offering \"{Offering}\": resource {Name} ({Resource}) had no backend resource; re-created {BackendId}")]
    private static partial void LogRecreated(ILogger logger, string offering, string name, Guid resource, string backendId);

    [LoggerMessage(EventId = LogEvents.ResourcesSyncRecreateFailed, Level = LogLevel.Error,
        Message = "Offering \"{Offering}\": resource {Name} ({Resource}) has no backend resource and {BackendId} cannot be re-created: {Error}; the resource is marked erred in Waldur")]
    private static partial void LogFailed(ILogger logger, string offering, string name, Guid resource, string backendId, string error);

    [LoggerMessage(EventId = LogEvents.ResourcesSyncMarkFailed, Level = LogLevel.Warning,
        Message = "Offering \"{Offering}\": Waldur did not take resource {Resource} as erred: {Error}")]
    private static partial void LogMarkFailed(ILogger logger, string offering, Guid resource, string error);

    [LoggerMessage(EventId = LogEvents.ResourcesSyncRecreation, Level = LogLevel.Information,
        Message = "Offering \"{Offering}\": checked {Checked} resources for a missing backend resource: {Missing} missing, {Recreated} re-created, {Failed} marked erred")]
    private static partial void LogSummary(ILogger logger, string offering, int @checked, int missing, int recreated, int failed);
}
