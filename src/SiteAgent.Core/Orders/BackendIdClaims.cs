using Microsoft.Extensions.Logging;
using SiteAgent.Backends;
using SiteAgent.Backends.Model;
using SiteAgent.Core.Observability;
using SiteAgent.Waldur;
using SiteAgent.Waldur.Models;
using SiteAgent.Waldur.Queries;

namespace SiteAgent.Core.Orders;

/// <summary>Which other resources of the offering hold a backend id (for <see cref="BackendIdClaims.OtherHoldersAsync"/>).</summary>
public enum HolderStates
{
    /// <summary>Every state: a terminated resource may be restored onto its id, so a new claim avoids it too.</summary>
    All,

    /// <summary>Every state but Terminated: what can still own a live backend object.</summary>
    NotTerminated,
}

/// <summary>
/// Backend ids a resource claims in Waldur before the backend object exists (crash-safe creation), and
/// the Waldur half of ownership: which other resources of the offering hold the same id.
/// </summary>
/// <remarks>
/// An id is claimed only when nothing else can own it: no other resource of the offering holds it, and
/// the backend neither has it nor uses it for another object of the resource's tree (with the same prefix
/// at every level the first candidate can be the project account's id). A claim that did not become a
/// backend object is released (the resource's backend_id cleared), best effort, so that a later
/// operation on the resource can never reach an object made under that id for someone else.
/// </remarks>
public sealed partial class BackendIdClaims
{
    private readonly OrderContext _context;
    private readonly ILogger _logger;

    /// <summary>Creates the claims helper for one offering's cycle.</summary>
    public BackendIdClaims(OrderContext context)
    {
        _context = context;
        _logger = context.Session.Logger;
    }

    /// <summary>Why a new id cannot be claimed for the resource, or null when it is free.</summary>
    /// <param name="request">The resource.</param>
    /// <param name="backendId">The id, as the backend will create it.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<string?> WhyNewIdTakenAsync(ResourceRequest request, string backendId, CancellationToken cancellationToken)
    {
        if (!await IsUniqueInWaldurAsync(backendId, cancellationToken).ConfigureAwait(false))
        {
            return "Waldur's uniqueness check says it is in use";
        }

        return await OtherHoldersAsync(request.Uuid, backendId, HolderStates.All, cancellationToken).ConfigureAwait(false)
            ?? await _context.Backend.WhyIdIsTakenAsync(request, backendId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The other resources of the offering whose backend_id is <paramref name="backendId"/>, described for
    /// messages ("held by resource Other (uuid, OK)"), or null when there are none.
    /// </summary>
    public async Task<string?> OtherHoldersAsync(Guid self, string backendId, HolderStates holders, CancellationToken cancellationToken)
    {
        var query = new ResourceListQuery
        {
            OfferingUuids = [_context.Session.Offering.OfferingUuid],
            BackendId = backendId,
            Fields = ["uuid", "name", "state", "backend_id"],
        };
        var others = (await _context.Waldur.ListProviderResources(query).ToListAsync(cancellationToken).ConfigureAwait(false))
            .Where(r => r.Uuid != self && r.BackendId == backendId && (holders == HolderStates.All || r.State != ResourceState.Terminated))
            .ToList();
        return others.Count == 0
            ? null
            : "held by " + string.Join(", ", others.Select(r => $"resource {r.Name} ({r.Uuid:N}, {r.State})")) + " of this offering";
    }

    /// <summary>Writes the id to the Waldur resource before the backend object is created.</summary>
    public Task ClaimAsync(Guid resource, string backendId, CancellationToken cancellationToken) =>
        _context.Waldur.SetProviderResourceBackendIdAsync(resource, backendId, cancellationToken);

    /// <summary>Clears the resource's backend_id; best effort: a failure is logged, and the id stays reserved by the resource.</summary>
    public async Task ReleaseAsync(Guid resource, string backendId, string reason, CancellationToken cancellationToken)
    {
        try
        {
            await _context.Waldur.SetProviderResourceBackendIdAsync(resource, string.Empty, cancellationToken).ConfigureAwait(false);
            LogReleased(_logger, resource, backendId, reason);
        }
        catch (Exception ex) when (ex is WaldurException or HttpRequestException or TimeoutException)
        {
            LogReleaseFailed(_logger, resource, backendId, ex.Message);
        }
    }

    /// <summary>
    /// Releases the claim after creation failed with <paramref name="error"/>, when nothing exists under the
    /// id: the backend said so, or it does not have the object now. When that cannot be read, the claim stays
    /// (the id is reserved by the resource; other resources never claim an id a resource holds).
    /// </summary>
    public async Task ReleaseIfNothingCreatedAsync(ResourceRequest request, string backendId, Exception error, CancellationToken cancellationToken)
    {
        bool created;
        try
        {
            created = error is not ResourceNotCreatedException
                && await _context.Backend.ExistsAsync(request with { BackendId = backendId }, cancellationToken).ConfigureAwait(false);
        }
        catch (BackendException ex)
        {
            LogReleaseFailed(_logger, request.Uuid, backendId, "cannot tell whether the backend object exists: " + ex.Message);
            return;
        }

        if (!created)
        {
            await ReleaseAsync(request.Uuid, backendId, "creation failed before the backend object existed: " + error.Message, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<bool> IsUniqueInWaldurAsync(string candidate, CancellationToken cancellationToken)
    {
        var common = _context.Session.Offering.CommonSettings;
        if (!common.CheckBackendIdUniqueness)
        {
            return true;
        }

        try
        {
            var answer = await _context.Waldur.CheckUniqueBackendIdAsync(_context.Session.Offering.OfferingUuid,
                new CheckUniqueBackendIdRequest { BackendId = candidate, CheckAllOfferings = common.CheckAllOfferings }, cancellationToken).ConfigureAwait(false);
            return answer.IsUnique;
        }
        catch (WaldurException ex) when (!ex.IsTransient)
        {
            // As the reference: a failing check counts as unique; the offering and backend checks still guard.
            return true;
        }
    }

    /// <summary>Logs, naming both sides, that a resource's backend id is not its own and nothing is written to it.</summary>
    public void ReportNotOwned(Guid resource, string backendId, string reason) => LogNotOwned(_logger, resource, backendId, reason);

    [LoggerMessage(EventId = LogEvents.ResourceNotOwned, Level = LogLevel.Warning,
        Message = "Resource {Resource} holds backend id {BackendId}, which is not its own: {Reason}; nothing is written to it")]
    private static partial void LogNotOwned(ILogger logger, Guid resource, string backendId, string reason);

    [LoggerMessage(EventId = LogEvents.BackendIdReleased, Level = LogLevel.Warning,
        Message = "Resource {Resource}: released the claimed backend id {BackendId} (backend_id cleared in Waldur): {Reason}")]
    private static partial void LogReleased(ILogger logger, Guid resource, string backendId, string reason);

    [LoggerMessage(EventId = LogEvents.BackendIdReleaseFailed, Level = LogLevel.Warning,
        Message = "Resource {Resource}: could not release the claimed backend id {BackendId} ({Reason}); it stays reserved by this resource, and no other resource claims it")]
    private static partial void LogReleaseFailed(ILogger logger, Guid resource, string backendId, string reason);
}
