using Microsoft.Extensions.Logging;
using SiteAgent.Backends.Capabilities;
using SiteAgent.Core.Observability;
using SiteAgent.Core.WaldurAccess;
using SiteAgent.Waldur.Models;

namespace SiteAgent.Core.Orders;

/// <summary>
/// Gives a newly created (or re-created) resource its API keys, for backends that manage them: keys
/// Waldur does not know are removed from the backend, and new ones are minted until the resource has
/// <see cref="KeysPerResource"/>, each reported to Waldur. Keys are an extra: any failure is logged as a
/// warning and the order completes anyway. Secrets go to Waldur only, never to a log line.
/// </summary>
internal sealed partial class ResourceApiKeyProvisioning(OrderContext context)
{
    /// <summary>How many keys a resource is given.</summary>
    public const int KeysPerResource = 2;

    private readonly ILogger _logger = context.Session.Logger;

    private string Offering => context.Session.Name;

    /// <summary>Provisions the keys of <paramref name="resource"/>, whose backend id is <paramref name="backendId"/>.</summary>
    public async Task RunAsync(Guid resource, string backendId, CancellationToken cancellationToken)
    {
        if (!context.Session.Descriptor.Has(BackendCapabilities.ResourceApiKeys) || context.Session.Backend is not IResourceApiKeyBackend keys)
        {
            return;
        }

        var known = await ResourceApiKeyClientIds.KnownAsync(context.Waldur, resource, _logger, Offering, cancellationToken).ConfigureAwait(false);
        if (known is not null)
        {
            try
            {
                await keys.PruneUnknownResourceKeysAsync(backendId, known, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!IsCancellation(ex, cancellationToken))
            {
                LogPruneFailed(_logger, Offering, backendId, ex.Message);
            }
        }

        var missing = Math.Max(0, KeysPerResource - (known?.Count ?? 0));
        if (missing == 0)
        {
            return;
        }

        IReadOnlyList<ResourceKey> minted;
        try
        {
            minted = await keys.GenerateResourceKeysAsync(backendId, missing, cancellationToken).ConfigureAwait(false) ?? [];
        }
        catch (Exception ex) when (!IsCancellation(ex, cancellationToken))
        {
            LogFailed(_logger, Offering, backendId, "minting the keys", ex.Message);
            return;
        }

        var reported = 0;
        foreach (var key in minted)
        {
            try
            {
                await context.Waldur.ReportResourceApiKeyCreatedAsync(new ResourceApiKeyReportCreatedRequest(resource, key.ClientId, key.ApiKey), cancellationToken).ConfigureAwait(false);
                reported++;
            }
            catch (Exception ex) when (!IsCancellation(ex, cancellationToken))
            {
                LogFailed(_logger, Offering, backendId, $"reporting key {key.ClientId} to Waldur", ex.Message);
            }
        }

        LogProvisioned(_logger, Offering, backendId, minted.Count, reported);
    }

    private static bool IsCancellation(Exception ex, CancellationToken cancellationToken) =>
        ex is OperationCanceledException && cancellationToken.IsCancellationRequested;

    [LoggerMessage(EventId = LogEvents.ApiKeysProvisioned, Level = LogLevel.Information,
        Message = "Offering \"{Offering}\": {Minted} API keys minted for {BackendId}, {Reported} reported to Waldur")]
    private static partial void LogProvisioned(ILogger logger, string offering, string backendId, int minted, int reported);

    [LoggerMessage(EventId = LogEvents.ApiKeysPruneFailed, Level = LogLevel.Warning,
        Message = "Offering \"{Offering}\": removing the API keys of {BackendId} that Waldur does not know failed ({Reason}); a later key rotation removes them")]
    private static partial void LogPruneFailed(ILogger logger, string offering, string backendId, string reason);

    [LoggerMessage(EventId = LogEvents.ApiKeysProvisioningFailed, Level = LogLevel.Warning,
        Message = "Offering \"{Offering}\": {Step} for {BackendId} failed ({Reason}); the order completes without those API keys")]
    private static partial void LogFailed(ILogger logger, string offering, string backendId, string step, string reason);
}
