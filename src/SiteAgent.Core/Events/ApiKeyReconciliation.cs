using Microsoft.Extensions.Logging;
using SiteAgent.Backends.Capabilities;
using SiteAgent.Core.Config;
using SiteAgent.Core.Observability;
using SiteAgent.Waldur.Models;
using SiteAgent.Waldur.Queries;

namespace SiteAgent.Core.Events;

/// <summary>
/// Rotations whose event was lost or whose handler died: keys of the offering that have been in
/// Updating for more than 30 minutes are rotated again. Rotating again is safe: the backend puts the
/// new key in force before it removes the old one, and removing a key it no longer has does nothing.
/// </summary>
public static partial class ApiKeyReconciliation
{
    /// <summary>How long a key stays in Updating before it counts as stuck (a running rotation is never that slow).</summary>
    public static readonly TimeSpan StuckAfter = TimeSpan.FromMinutes(30);

    /// <summary>True when the offering's order backend can rotate keys, so the job applies to it.</summary>
    public static bool AppliesTo(EventServices services, OfferingConfig offering) =>
        offering.OrderProcessingBackend.Length > 0
        && services.Runtime.Catalog.Find(offering.OrderProcessingBackend)?.Has(BackendCapabilities.ResourceApiKeys) == true;

    /// <summary>Rotates the offering's stuck keys again; returns how many Waldur now holds anew.</summary>
    public static async Task<int> RunAsync(EventServices services, OfferingConfig offering, string service, CancellationToken cancellationToken)
    {
        var session = await services.SessionAsync(offering, offering.OrderProcessingBackend, service, processor: null, cancellationToken).ConfigureAwait(false);
        if (session.Backend is not IResourceApiKeyBackend backend)
        {
            return 0;
        }

        var query = new ResourceApiKeyListQuery
        {
            OfferingUuid = offering.OfferingUuid,
            States = [ResourceApiKeyState.Updating],
            ModifiedBefore = services.Runtime.Time.GetUtcNow() - StuckAfter,
        };
        var rotation = new ApiKeyRotation(services, offering, session.Waldur, backend);
        int found = 0, rotated = 0;
        await foreach (var key in session.Waldur.ListResourceApiKeys(query).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            services.Heartbeat.TouchEvery10th(found++);
            if (string.IsNullOrEmpty(key.ClientId) || string.IsNullOrEmpty(key.ResourceBackendId) || key.ResourceUuid is not { } resource)
            {
                LogSkipped(services.Logger, offering.Name, key.Uuid);
                continue;
            }

            if (await rotation.RunAsync(new ApiKeyRotation.Target(key.Uuid, resource, key.ResourceBackendId, key.ClientId), cancellationToken).ConfigureAwait(false))
            {
                rotated++;
            }
        }

        LogFinished(services.Logger, offering.Name, found, rotated);
        return rotated;
    }

    [LoggerMessage(EventId = LogEvents.ApiKeyReconciliationSkipped, Level = LogLevel.Warning,
        Message = "Offering \"{Offering}\": API key {Key} is stuck in Updating but Waldur gives no client id, resource or resource backend id; it cannot be rotated again")]
    private static partial void LogSkipped(ILogger logger, string offering, Guid key);

    [LoggerMessage(EventId = LogEvents.ApiKeyReconciliationFinished, Level = LogLevel.Information,
        Message = "Offering \"{Offering}\": API key reconciliation: {Found} keys stuck in Updating, {Rotated} rotated again")]
    private static partial void LogFinished(ILogger logger, string offering, int found, int rotated);
}
