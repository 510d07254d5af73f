using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SiteAgent.Backends;
using SiteAgent.Backends.Model;
using SiteAgent.Core.Observability;
using SiteAgent.Core.WaldurAccess;
using SiteAgent.Waldur;
using SiteAgent.Waldur.Models;

namespace SiteAgent.Core.Orders;

/// <summary>
/// Create and Restore orders (modes.md §2.4): recognise an existing backend resource, or choose a
/// free backend id and create the resource with its limits.
/// </summary>
/// <remarks>
/// Crash safety: the chosen id is written to the Waldur resource (<c>set_backend_id</c>) before the
/// backend resource is created. A run interrupted anywhere after that finds the id on the next cycle
/// and completes the same resource instead of trying the next candidate and creating a second one
/// (the reference wrote the id only afterwards and could create a duplicate account). An id already
/// taken on the backend is never written.
/// </remarks>
public sealed partial class CreateOrderHandler
{
    private readonly OrderContext _context;
    private readonly UserContextBuilder _users;
    private readonly ILogger _logger;

    /// <summary>Creates the handler.</summary>
    public CreateOrderHandler(OrderContext context, UserContextBuilder users)
    {
        _context = context;
        _users = users;
        _logger = context.Session.Logger;
    }

    /// <summary>Provisions the order's resource; returns what was created, or null when not finished.</summary>
    public async Task<CreatedResource?> ProcessAsync(OrderDetails order, CancellationToken cancellationToken)
    {
        var resource = await _context.GetOrderResourceAsync(order, cancellationToken).ConfigureAwait(false);
        var request = resource.ToRequest();
        if (request.BackendId.Length > 0)
        {
            return await CompleteKnownIdAsync(resource, request, cancellationToken).ConfigureAwait(false);
        }

        var (userContext, offeringUsers) = await _users.BuildAsync(resource, cancellationToken).ConfigureAwait(false);
        var creationContext = await _users.WithCreationExtrasAsync(userContext, resource, cancellationToken).ConfigureAwait(false);
        var info = await CreateWithNewIdAsync(resource, request, creationContext, cancellationToken).ConfigureAwait(false);
        await WriteResultsAsync(resource.Uuid, info, cancellationToken).ConfigureAwait(false);
        await VerifyAsync(request with { BackendId = info.BackendId }, cancellationToken).ConfigureAwait(false);
        return new CreatedResource(info.BackendId, resource, new TeamSnapshot(userContext, offeringUsers));
    }

    /// <summary>
    /// Creates the backend resource of a Waldur resource whose backend id is known but whose backend
    /// resource has gone (the <c>drift --apply</c> repair), the way a Create order for it would.
    /// </summary>
    public Task<CreatedResource> RecreateAsync(Resource resource, CancellationToken cancellationToken) =>
        CompleteKnownIdAsync(resource, resource.ToRequest(), cancellationToken);

    // The resource already has a backend id: a restore, a re-created resource, or a run that was interrupted.
    private async Task<CreatedResource> CompleteKnownIdAsync(Resource resource, ResourceRequest request, CancellationToken cancellationToken)
    {
        if (await _context.Backend.ExistsAsync(request, cancellationToken).ConfigureAwait(false))
        {
            // Present already: make sure its limits are the resource's (a soft-deleted account has them at zero,
            // an interrupted creation may not have set them yet).
            LogAlreadyExists(_logger, request.BackendId, resource.Uuid);
            var applied = await _context.Backend.ApplyResourceLimitsAsync(request, cancellationToken).ConfigureAwait(false);
            if (applied.Count > 0 && !WaldurMapping.SameLimits(applied, request.Limits))
            {
                // What a completed creation would have stored (e.g. a usage component's fixed cap).
                await _context.Waldur.SetProviderResourceLimitsAsync(resource.Uuid, WaldurMapping.ToWholeLimits(applied), cancellationToken).ConfigureAwait(false);
            }

            return new CreatedResource(request.BackendId, resource, null);
        }

        var (userContext, offeringUsers) = await _users.BuildAsync(resource, cancellationToken).ConfigureAwait(false);
        var info = await _context.Backend.CreateResourceAsync(request, request.BackendId, userContext, cancellationToken).ConfigureAwait(false);
        LogCreated(_logger, info.BackendId, resource.Uuid, WaldurMapping.Describe(info.Limits));
        await WriteResultsAsync(resource.Uuid, info with { BackendId = request.BackendId }, cancellationToken).ConfigureAwait(false);
        await VerifyAsync(request, cancellationToken).ConfigureAwait(false);
        return new CreatedResource(request.BackendId, resource, new TeamSnapshot(userContext, offeringUsers));
    }

    private async Task<BackendResourceInfo> CreateWithNewIdAsync(Resource resource, ResourceRequest request, UserContext userContext, CancellationToken cancellationToken)
    {
        var common = _context.Session.Offering.CommonSettings;
        var projectPolicy = _context.Session.PluginOptions.AccountNameGenerationPolicy == BackendIdCandidates.ProjectSlugPolicy;
        var baseName = projectPolicy ? request.ProjectSlug : request.Slug;
        var attempts = BackendIdCandidates.Attempts(projectPolicy, common.CheckBackendIdUniqueness, common.BackendIdMaxRetries);
        foreach (var candidate in BackendIdCandidates.For(common.AllocationPrefix, baseName, attempts))
        {
            if (!await IsUniqueInWaldurAsync(candidate, cancellationToken).ConfigureAwait(false)
                || await _context.Backend.ExistsAsync(request with { BackendId = candidate }, cancellationToken).ConfigureAwait(false))
            {
                LogIdTaken(_logger, candidate, resource.Uuid);
                continue;
            }

            await _context.Waldur.SetProviderResourceBackendIdAsync(resource.Uuid, candidate, cancellationToken).ConfigureAwait(false);
            try
            {
                var info = await _context.Backend.CreateResourceAsync(request with { BackendId = candidate }, candidate, userContext, cancellationToken).ConfigureAwait(false);
                LogCreated(_logger, candidate, resource.Uuid, WaldurMapping.Describe(info.Limits));
                if (info.BackendId.Length > 0 && info.BackendId != candidate)
                {
                    // The backend settled on another id (e.g. normalised it); Waldur must hold the real one.
                    await _context.Waldur.SetProviderResourceBackendIdAsync(resource.Uuid, info.BackendId, cancellationToken).ConfigureAwait(false);
                    return info;
                }

                return info with { BackendId = candidate };
            }
            catch (DuplicateResourceException)
            {
                // Someone created it between our check and our create; try the next candidate.
                LogIdTaken(_logger, candidate, resource.Uuid);
            }
        }

        throw new BackendException(
            $"Unable to create resource: after {attempts} attempts, all generated names already exist or uniqueness check failed");
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
            // As the reference: a failing check counts as unique; the backend's own existence check still guards.
            return true;
        }
    }

    private async Task WriteResultsAsync(Guid resourceUuid, BackendResourceInfo info, CancellationToken cancellationToken)
    {
        if (info.BackendId.Length == 0)
        {
            throw new BackendException($"Unable to create a backend resource for offering {_context.Session.Name}");
        }

        if (info.Limits.Count > 0)
        {
            await _context.Waldur.SetProviderResourceLimitsAsync(resourceUuid, WaldurMapping.ToWholeLimits(info.Limits), cancellationToken).ConfigureAwait(false);
        }

        await OptionalWriteAsync("backend metadata", info.BackendMetadata.Count > 0, () => _context.Waldur.SetProviderResourceBackendMetadataAsync(resourceUuid,
            new JsonObject(info.BackendMetadata.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value)))), cancellationToken)).ConfigureAwait(false);
        await OptionalWriteAsync("endpoints", info.Endpoints.Count > 0, () => _context.Waldur.SetProviderResourceEndpointsAsync(resourceUuid,
            info.Endpoints.Select(e => new ResourceEndpointRequest(e.Name, e.Url)).ToList(), cancellationToken)).ConfigureAwait(false);
    }

    private async Task OptionalWriteAsync(string what, bool needed, Func<Task> write)
    {
        if (!needed)
        {
            return;
        }

        try
        {
            await write().ConfigureAwait(false);
        }
        catch (WaldurException ex) when (!ex.IsTransient)
        {
            LogOptionalWriteFailed(_logger, what, ex.Message);
        }
    }

    // Never report a resource as created unless the backend can see it.
    private async Task VerifyAsync(ResourceRequest request, CancellationToken cancellationToken)
    {
        if (_context.DryRun || await _context.Backend.ExistsAsync(request, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        throw new BackendException($"The backend resource {request.BackendId} was created but cannot be found on the backend afterwards");
    }

    [LoggerMessage(EventId = LogEvents.ResourceAlreadyExists, Level = LogLevel.Information,
        Message = "Resource {Resource}: backend resource {BackendId} already exists; re-applying its limits instead of creating it")]
    private static partial void LogAlreadyExists(ILogger logger, string backendId, Guid resource);

    [LoggerMessage(EventId = LogEvents.ResourceCreated, Level = LogLevel.Information, Message = "Resource {Resource}: created backend resource {BackendId} with limits {Limits}")]
    private static partial void LogCreated(ILogger logger, string backendId, Guid resource, string limits);

    [LoggerMessage(EventId = LogEvents.BackendIdTaken, Level = LogLevel.Information, Message = "Resource {Resource}: backend id {BackendId} is taken; trying the next candidate")]
    private static partial void LogIdTaken(ILogger logger, string backendId, Guid resource);

    [LoggerMessage(EventId = LogEvents.OptionalWriteFailed, Level = LogLevel.Warning, Message = "Could not store {What} in Waldur: {Reason}")]
    private static partial void LogOptionalWriteFailed(ILogger logger, string what, string reason);
}
