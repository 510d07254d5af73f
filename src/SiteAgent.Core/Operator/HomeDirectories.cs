using Microsoft.Extensions.Logging;
using SiteAgent.Backends;
using SiteAgent.Backends.Capabilities;
using SiteAgent.Core.Observability;
using SiteAgent.Core.Offerings;
using SiteAgent.Core.Runtime;
using SiteAgent.Waldur;
using SiteAgent.Waldur.Models;
using SiteAgent.Waldur.Queries;

namespace SiteAgent.Core.Operator;

/// <summary>
/// <c>create-homedirs</c>: home directories for every offering user in state OK, through the
/// offering's backend when it supports them. Offerings that turned it off, or whose backend cannot,
/// are skipped without building the backend.
/// </summary>
public sealed partial class HomeDirectories(AgentRuntime runtime)
{
    private readonly OfferingSessionFactory _sessions = new(runtime);
    private readonly ILogger _logger = runtime.Loggers.CreateLogger("SiteAgent.HomeDirectories");

    /// <summary>Creates the home directories; one row per offering.</summary>
    public async Task<IReadOnlyList<SyncRow>> CreateAsync(CancellationToken cancellationToken)
    {
        var rows = new List<SyncRow>();
        foreach (var offering in runtime.Config.Offerings)
        {
            var backendId = offering.OrderProcessingBackend.Length > 0 ? offering.OrderProcessingBackend : offering.BackendType;
            if (!offering.CommonSettings.EnableUserHomedirAccountCreation)
            {
                rows.Add(new SyncRow(offering.Name, "(offering)", "skipped", "enable_user_homedir_account_creation is false"));
                continue;
            }

            if (runtime.Catalog.Find(backendId) is not { } descriptor || !descriptor.Has(BackendCapabilities.UserHomeDirectories))
            {
                rows.Add(new SyncRow(offering.Name, "(offering)", "skipped", $"Backend {backendId} of offering {offering.Name} does not support homedir creation"));
                continue;
            }

            try
            {
                OperatorLog.StepStarted(_logger, "Creating homedirs", offering.Name);
                var users = await runtime.Clients.For(offering).ListOfferingUsers(new OfferingUserListQuery
                {
                    OfferingUuids = [offering.OfferingUuid],
                    States = [OfferingUserState.Ok],
                    IsRestricted = false,
                    Fields = ["username"],
                }).ToListAsync(cancellationToken).ConfigureAwait(false);
                var usernames = users.Select(u => u.Username).OfType<string>().Where(u => u.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                var backend = (IHomeDirectoryBackend)_sessions.CreateBackendFromConfig(offering, backendId);
                await backend.CreateHomeDirectoriesAsync(usernames, offering.CommonSettings.DefaultHomedirUmask, cancellationToken).ConfigureAwait(false);
                rows.Add(new SyncRow(offering.Name, $"{usernames.Count} user(s)", "done", string.Join(", ", usernames)));
            }
            catch (Exception e) when (e is BackendException or WaldurException)
            {
                OperatorLog.OfferingFailed(_logger, offering.Name, "creating home directories failed: " + e.Message);
                rows.Add(new SyncRow(offering.Name, "(offering)", SyncRow.Failed, e.Message));
            }
        }

        return rows;
    }


}
