using Microsoft.Extensions.Logging;
using SiteAgent.Backends.Capabilities;
using SiteAgent.Backends.Model;
using SiteAgent.Core.Orders;
using SiteAgent.Core.WaldurAccess;
using SiteAgent.Waldur;
using SiteAgent.Waldur.Models;

namespace SiteAgent.Core.Membership;

/// <summary>How one resource's sync ended.</summary>
public enum ResourceSyncOutcome
{
    /// <summary>Everything ran; Waldur's last-sync stamp was refreshed.</summary>
    Synced,

    /// <summary>The backend has no resource for the backend id; nothing was changed.</summary>
    Missing,

    /// <summary>A transient Waldur failure: left as it is for the next cycle.</summary>
    Deferred,

    /// <summary>A failure the next cycle will not cure by itself: the resource was marked erred.</summary>
    Failed,
}

/// <summary>
/// Synchronises one resource's membership: the entry point for the membership cycle
/// and for event handlers that react to one resource or one role change.
/// </summary>
/// <remarks>
/// Steps, in order: team members in and former members out; OK service and course accounts in, closed
/// ones out; pause, downscale or restore; the backend's metadata, limits and per-user limits; the
/// membership statuses (opt-in); the last-sync stamp; OK again after an error. Every write is made only
/// when the read state differs, so a quiet cycle writes nothing but the stamp.
/// </remarks>
public sealed partial class ResourceMembershipSync
{
    private readonly MembershipContext _context;
    private readonly ILogger _logger;

    /// <summary>Creates the sync for one offering's cycle.</summary>
    public ResourceMembershipSync(MembershipContext context)
    {
        _context = context;
        _logger = context.Session.Logger;
    }

    /// <summary>Syncs <paramref name="resource"/>, whose backend resource has <paramref name="backendUsers"/> (null: it has none).</summary>
    public async Task<ResourceSyncOutcome> SyncAsync(Resource resource, IReadOnlySet<string>? backendUsers, CancellationToken cancellationToken)
    {
        if (backendUsers is null)
        {
            LogMissing(_logger, resource.Uuid, resource.BackendId ?? string.Empty, _context.Session.Descriptor.Id);
            return ResourceSyncOutcome.Missing;
        }

        try
        {
            var request = resource.ToRequest();
            var users = await new MemberAccess(_context, _logger).SyncAsync(resource, request, backendUsers, cancellationToken).ConfigureAwait(false);
            await SyncStatusAsync(resource, request, cancellationToken).ConfigureAwait(false);
            await SyncLimitsAsync(resource, cancellationToken).ConfigureAwait(false);
            await SyncUserLimitsAsync(resource, request, users.Present, cancellationToken).ConfigureAwait(false);
            await ReportStatusesAsync(resource, users, cancellationToken).ConfigureAwait(false);
            await _context.Waldur.RefreshProviderResourceLastSyncAsync(resource.Uuid, cancellationToken).ConfigureAwait(false);
            if (resource.State == ResourceState.Erred)
            {
                await _context.Waldur.SetProviderResourceAsOkAsync(resource.Uuid, cancellationToken).ConfigureAwait(false);
            }

            return ResourceSyncOutcome.Synced;
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex) when (OrderErrors.IsTransient(ex))
        {
            LogTransient(_logger, resource.Uuid, ex.Message);
            return ResourceSyncOutcome.Deferred;
        }
        catch (Exception ex)
        {
            LogFailed(_logger, resource.Uuid, resource.BackendId ?? string.Empty, ex.Message, ex);
            await MarkErredAsync(resource, ex, cancellationToken).ConfigureAwait(false);
            return ResourceSyncOutcome.Failed;
        }
    }

    /// <summary>Pause, downscale or restore from Waldur's flags, then the backend's metadata when it differs from Waldur's.</summary>
    private async Task SyncStatusAsync(Resource resource, ResourceRequest request, CancellationToken cancellationToken)
    {
        if (_context.Backend is not IResourceStatusBackend status)
        {
            return;
        }

        var (operation, changed) = request.Paused ? ("pause", await status.PauseResourceAsync(request, cancellationToken).ConfigureAwait(false))
            : request.Downscaled ? ("downscale", await status.DownscaleResourceAsync(request, cancellationToken).ConfigureAwait(false))
            : ("restore", await status.RestoreResourceAsync(request, cancellationToken).ConfigureAwait(false));
        LogStatus(_logger, resource.Uuid, operation, changed);
        var metadata = await status.GetResourceMetadataAsync(request.BackendId, cancellationToken).ConfigureAwait(false);
        if (!BackendMetadata.Same(resource.BackendMetadata, metadata))
        {
            await _context.Waldur.SetProviderResourceBackendMetadataAsync(resource.Uuid, BackendMetadata.ToJson(metadata), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The backend is the source of truth for limits: Waldur's are replaced when they differ.</summary>
    private async Task SyncLimitsAsync(Resource resource, CancellationToken cancellationToken)
    {
        if (_context.Backend is ILimitReadingBackend reader)
        {
            await LimitPull.PullAsync(reader, _context.Waldur, resource, _logger, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Waldur's per-user limits onto the backend, for the users who have access: a user without a Waldur
    /// limit has the backend's cleared, if it has any. Member-restricted resources are skipped.
    /// </summary>
    private async Task SyncUserLimitsAsync(Resource resource, ResourceRequest request, IReadOnlySet<string> present, CancellationToken cancellationToken)
    {
        if (request.RestrictMemberAccess || present.Count == 0 || _context.Backend is not IUserLimitsBackend userLimits)
        {
            return;
        }

        var waldur = await _context.Sources.UserLimitsAsync(resource.Uuid, cancellationToken).ConfigureAwait(false);
        var limited = await userLimits.UsersWithLimitsAsync(request.BackendId, cancellationToken).ConfigureAwait(false);
        var wanted = new Dictionary<string, IReadOnlyDictionary<string, decimal>>(StringComparer.Ordinal);
        foreach (var user in present)
        {
            if (waldur.TryGetValue(user, out var limits))
            {
                wanted[user] = limits;
            }
            else if (limited.Contains(user, StringComparer.OrdinalIgnoreCase))
            {
                wanted[user] = new Dictionary<string, decimal>();
            }
        }

        if (wanted.Count > 0)
        {
            var written = await userLimits.SyncUserLimitsAsync(request.BackendId, wanted, cancellationToken).ConfigureAwait(false);
            if (written.Count > 0)
            {
                LogUserLimits(_logger, resource.Uuid, string.Join(", ", written.Order(StringComparer.Ordinal)));
            }
        }
    }

    /// <summary>Opt-in (<c>enable_membership_sync_status</c>): each member's access state, sent when it changed since the last report.</summary>
    private async Task ReportStatusesAsync(Resource resource, MemberAccessResult users, CancellationToken cancellationToken)
    {
        if (resource.OfferingPluginOptions?.EnableMembershipSyncStatus != true)
        {
            return;
        }

        var statuses = MembershipStatusMemory.Statuses(users);
        if (!_context.Statuses.Changed(resource.Uuid, statuses))
        {
            return;
        }

        try
        {
            var result = await _context.Waldur.SetMembershipSyncStatusesAsync(resource.Uuid, statuses, cancellationToken).ConfigureAwait(false);
            _context.Statuses.Remember(resource.Uuid, statuses);
            LogStatuses(_logger, resource.Uuid, result.Stored ?? 0, string.Join(", ", result.Skipped ?? []));
        }
        catch (WaldurException ex) when (!ex.IsTransient)
        {
            LogStatusesRefused(_logger, resource.Uuid, ex.Message);
        }
    }

    private async Task MarkErredAsync(Resource resource, Exception failure, CancellationToken cancellationToken)
    {
        try
        {
            var (message, traceback) = OrderErrors.Details(failure, _context.Runtime.Config.ExposeBackendErrorDetails);
            await _context.Waldur.SetProviderResourceAsErredAsync(resource.Uuid, message, traceback, cancellationToken).ConfigureAwait(false);
        }
        catch (WaldurException ex)
        {
            LogStateWriteFailed(_logger, resource.Uuid, "erred", ex.Message);
        }
    }
}
