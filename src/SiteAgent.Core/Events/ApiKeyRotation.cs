using Microsoft.Extensions.Logging;
using SiteAgent.Backends.Capabilities;
using SiteAgent.Core.Config;
using SiteAgent.Core.Observability;
using SiteAgent.Core.Orders;
using SiteAgent.Core.WaldurAccess;
using SiteAgent.Waldur;
using SiteAgent.Waldur.Models;

namespace SiteAgent.Core.Events;

/// <summary>
/// Rotates one resource API key: the backend makes a new secret, Waldur receives it with
/// <c>set_key</c>; any failure of either step marks the key erred with the reason (redacted as
/// <c>expose_backend_error_details</c> says). Shared by the rotation event and the reconciliation of
/// keys left in Updating. The secret goes to Waldur and nowhere else: not to logs, not to errors.
/// </summary>
public sealed partial class ApiKeyRotation(EventServices services, OfferingConfig offering, WaldurClient waldur, IResourceApiKeyBackend backend)
{
    /// <summary>What is rotated: the Waldur key, its resource, the backend's id for the resource and the key's client id.</summary>
    public sealed record Target(Guid KeyUuid, Guid ResourceUuid, string ResourceBackendId, string ClientId);

    /// <summary>Rotates the key; true when Waldur holds the new secret, false when the key was marked erred.</summary>
    /// <exception cref="WaldurException">Marking the key erred failed too; the caller decides whether to retry.</exception>
    public async Task<bool> RunAsync(Target target, CancellationToken cancellationToken)
    {
        var known = await ResourceApiKeyClientIds.KnownAsync(waldur, target.ResourceUuid, services.Logger, offering.Name, cancellationToken).ConfigureAwait(false);
        try
        {
            var rotated = await backend.RotateResourceKeyAsync(target.ClientId, target.ResourceBackendId, known, cancellationToken).ConfigureAwait(false)
                          ?? throw new InvalidOperationException("the backend returned no key");
            if (string.IsNullOrEmpty(rotated.ApiKey) || rotated.ClientId is { Length: 0 })
            {
                throw new InvalidOperationException("the backend returned an empty key or client id");
            }

            await waldur.SetResourceApiKeyAsync(target.KeyUuid, new ResourceApiKeySetKeyRequest(rotated.ApiKey, rotated.ClientId), cancellationToken).ConfigureAwait(false);
            LogRotated(services.Logger, offering.Name, target.KeyUuid, target.ResourceBackendId, target.ClientId, rotated.ClientId ?? target.ClientId);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            var (message, _) = OrderErrors.Details(ex, services.Runtime.Config.ExposeBackendErrorDetails);
            LogFailed(services.Logger, offering.Name, target.KeyUuid, target.ResourceBackendId, message);
            await waldur.SetResourceApiKeyErredAsync(target.KeyUuid, message, cancellationToken).ConfigureAwait(false);
            return false;
        }
    }

    [LoggerMessage(EventId = LogEvents.ApiKeyRotated, Level = LogLevel.Information,
        Message = "Offering \"{Offering}\": API key {Key} of {BackendId} rotated (client id {ClientId}, now {NewClientId}); Waldur holds the new secret")]
    private static partial void LogRotated(ILogger logger, string offering, Guid key, string backendId, string clientId, string newClientId);

    [LoggerMessage(EventId = LogEvents.ApiKeyRotationFailed, Level = LogLevel.Error,
        Message = "Offering \"{Offering}\": rotating API key {Key} of {BackendId} failed ({Reason}); the key is marked erred, the requester can rotate it again")]
    private static partial void LogFailed(ILogger logger, string offering, Guid key, string backendId, string reason);
}
