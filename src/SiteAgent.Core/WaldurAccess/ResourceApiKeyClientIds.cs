using Microsoft.Extensions.Logging;
using SiteAgent.Core.Observability;
using SiteAgent.Waldur;
using SiteAgent.Waldur.Queries;

namespace SiteAgent.Core.WaldurAccess;

/// <summary>
/// The client ids of the API keys Waldur holds for a resource: what a backend may keep when it removes
/// keys nobody can use any more. Shared by key rotation and by key provisioning after a creation.
/// </summary>
public static partial class ResourceApiKeyClientIds
{
    /// <summary>
    /// The client ids Waldur holds for <paramref name="resource"/>; null (unknown: the backend removes no
    /// key) when the list fails, is empty, or has a key without client id. A failed list is logged.
    /// </summary>
    public static async Task<IReadOnlySet<string>?> KnownAsync(WaldurClient waldur, Guid resource, ILogger logger, string offering, CancellationToken cancellationToken)
    {
        try
        {
            var keys = await waldur.ListResourceApiKeys(new ResourceApiKeyListQuery { ResourceUuid = resource }).ToListAsync(cancellationToken).ConfigureAwait(false);
            return keys.Count == 0 || keys.Any(k => string.IsNullOrEmpty(k.ClientId))
                ? null
                : keys.Select(k => k.ClientId!).ToHashSet(StringComparer.Ordinal);
        }
        catch (WaldurException ex)
        {
            LogKnownUnknown(logger, offering, resource, ex.Message);
            return null;
        }
    }

    [LoggerMessage(EventId = LogEvents.ApiKeyKnownClientsUnknown, Level = LogLevel.Warning,
        Message = "Offering \"{Offering}\": the API keys of resource {Resource} could not be listed ({Reason}); the backend removes no other key this time")]
    private static partial void LogKnownUnknown(ILogger logger, string offering, Guid resource, string reason);
}
