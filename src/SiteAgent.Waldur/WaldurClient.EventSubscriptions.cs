using SiteAgent.Waldur.Models;
using SiteAgent.Waldur.Operations;
using SiteAgent.Waldur.Queries;

namespace SiteAgent.Waldur;

// Event processing: subscriptions and their queues, and the SLURM periodic-limit policies whose
// commands event mode runs.
public sealed partial class WaldurClient
{
    /// <summary>Registers an event subscription of the identity (<c>marketplace_site_agent_identities_register_event_subscription</c>, 200 or 201).</summary>
    /// <remarks>Idempotent: Waldur answers 200 with the existing subscription for the same object type. Dry-run answers an empty uuid.</remarks>
    public Task<EventSubscription> RegisterEventSubscriptionAsync(Guid identityUuid, AgentEventSubscriptionCreateRequest request, CancellationToken cancellationToken = default) =>
        WriteAsync(
            WaldurOperations.MarketplaceSiteAgentIdentitiesRegisterEventSubscription,
            identityUuid,
            request,
            Json.AgentEventSubscriptionCreateRequest,
            Json.EventSubscription,
            () => new EventSubscription { Uuid = Guid.Empty, Description = request.Description },
            cancellationToken);

    /// <summary>Creates (or finds) the broker queue of a subscription (<c>event_subscriptions_create_queue</c>, 200 or 201).</summary>
    /// <remarks>Idempotent.</remarks>
    public Task<EventSubscriptionQueue> CreateEventSubscriptionQueueAsync(Guid subscriptionUuid, EventSubscriptionQueueCreateRequest request, CancellationToken cancellationToken = default) =>
        WriteAsync(
            WaldurOperations.EventSubscriptionsCreateQueue,
            subscriptionUuid,
            request,
            Json.EventSubscriptionQueueCreateRequest,
            Json.EventSubscriptionQueue,
            () => new EventSubscriptionQueue { ObjectType = request.ObjectType, OfferingUuid = request.OfferingUuid.ToString("N") },
            cancellationToken);

    /// <summary>Deletes an event subscription (<c>event_subscriptions_destroy</c>, 204).</summary>
    /// <remarks>Idempotent in effect: a repeat answers 404, which the caller may treat as done.</remarks>
    public Task DeleteEventSubscriptionAsync(Guid subscriptionUuid, CancellationToken cancellationToken = default) =>
        WriteAsync(WaldurOperations.EventSubscriptionsDestroy, subscriptionUuid, cancellationToken);

    /// <summary>Lists SLURM periodic usage policies (<c>marketplace_slurm_periodic_usage_policies_list</c>).</summary>
    public WaldurPages<SlurmPeriodicUsagePolicy> ListSlurmPeriodicUsagePolicies(SlurmPolicyListQuery? query = null) =>
        Pages(WaldurOperations.MarketplaceSlurmPeriodicUsagePoliciesList, null, q => query?.AppendTo(q), Json.ListSlurmPeriodicUsagePolicy);

    /// <summary>Reports the outcome of a policy's commands (<c>marketplace_slurm_periodic_usage_policies_report_command_result</c>).</summary>
    /// <remarks>Guarded: a repeat records the result twice.</remarks>
    public Task ReportSlurmCommandResultAsync(Guid policyUuid, SlurmCommandResultRequest result, CancellationToken cancellationToken = default) =>
        WriteAsync(WaldurOperations.MarketplaceSlurmPeriodicUsagePoliciesReportCommandResult, policyUuid, result, Json.SlurmCommandResultRequest, cancellationToken);
}
