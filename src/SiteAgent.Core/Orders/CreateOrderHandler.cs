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
/// Create and Restore orders: recognise an existing backend resource, or choose a
/// free backend id and create the resource with its limits.
/// </summary>
/// <remarks>
/// Crash safety: the chosen id is written to the Waldur resource (<c>set_backend_id</c>) before the
/// backend resource is created. A run interrupted anywhere after that finds the id on the next cycle
/// and completes the same resource instead of trying the next candidate and creating a second one
/// (the reference wrote the id only afterwards and could create a duplicate account). Only an id that
/// nothing else can own is claimed (<see cref="BackendIdClaims"/>), and a claim that did not become a
/// backend object is released.
/// An interruption between the claim and the release leaves a Create order still executing with a
/// backend id; the next cycle settles it: the object under the id is adopted when it is the resource's
/// own, created when the id is absent and still free, and otherwise the claim is released and a new id
/// chosen. A Restore never moves to another id: an id that is not the resource's own errs the order.
/// </remarks>
public sealed partial class CreateOrderHandler
{
    private readonly OrderContext _context;
    private readonly UserContextBuilder _users;
    private readonly BackendIdClaims _claims;
    private readonly ResourceApiKeyProvisioning _apiKeys;
    private readonly ILogger _logger;

    /// <summary>Creates the handler.</summary>
    public CreateOrderHandler(OrderContext context, UserContextBuilder users, BackendIdClaims claims)
    {
        _context = context;
        _users = users;
        _claims = claims;
        _apiKeys = new ResourceApiKeyProvisioning(context);
        _logger = context.Session.Logger;
    }

    /// <summary>Provisions the order's resource; returns what was created, or null when not finished.</summary>
    public async Task<CreatedResource?> ProcessAsync(OrderDetails order, CancellationToken cancellationToken)
    {
        var resource = await _context.GetOrderResourceAsync(order, cancellationToken).ConfigureAwait(false);
        var request = resource.ToRequest();
        if (request.BackendId.Length > 0)
        {
            if (await CompleteKnownIdAsync(order, resource, request, cancellationToken).ConfigureAwait(false) is { } completed)
            {
                return completed;
            }

            request = request with { BackendId = string.Empty };
        }

        var (userContext, offeringUsers) = await _users.BuildAsync(resource, cancellationToken).ConfigureAwait(false);
        var creationContext = await _users.WithCreationExtrasAsync(userContext, resource, cancellationToken).ConfigureAwait(false);
        var info = await CreateWithNewIdAsync(resource, request, creationContext, cancellationToken).ConfigureAwait(false);
        await WriteResultsAsync(resource.Uuid, info, cancellationToken).ConfigureAwait(false);
        await VerifyAsync(request with { BackendId = info.BackendId }, cancellationToken).ConfigureAwait(false);
        await _apiKeys.RunAsync(resource.Uuid, info.BackendId, cancellationToken).ConfigureAwait(false);
        return new CreatedResource(info.BackendId, resource, new TeamSnapshot(userContext, offeringUsers));
    }

    /// <summary>
    /// Creates the backend resource of a Waldur resource whose backend id is known but whose backend
    /// resource has gone (the <c>drift --apply</c> repair), the way a Restore order for it would: the id
    /// must be free or the resource's own, and is never released.
    /// </summary>
    /// <exception cref="NotOwnedException">The backend id is not the resource's own.</exception>
    public async Task<CreatedResource> RecreateAsync(Resource resource, CancellationToken cancellationToken) =>
        await CompleteKnownIdAsync(new OrderDetails { Uuid = Guid.Empty, State = OrderState.Executing, Type = OrderType.Restore }, resource, resource.ToRequest(), cancellationToken).ConfigureAwait(false)
        ?? throw new InvalidOperationException("A restore never releases its backend id.");

    /// <summary>
    /// The resource already has a backend id: a restore, a re-created resource, or a run interrupted after
    /// its claim. Null when a Create's id is not the resource's own and was released.
    /// </summary>
    /// <exception cref="NotOwnedException">A Restore's id is not the resource's own.</exception>
    private async Task<CreatedResource?> CompleteKnownIdAsync(OrderDetails order, Resource resource, ResourceRequest request, CancellationToken cancellationToken)
    {
        var held = await _claims.OtherHoldersAsync(resource.Uuid, request.BackendId, HolderStates.NotTerminated, cancellationToken).ConfigureAwait(false);
        var ownership = held is not null
            ? Ownership.NotOwned($"backend id {request.BackendId} is also {held}")
            : await _context.Backend.CheckOwnershipAsync(request, cancellationToken).ConfigureAwait(false);
        if (ownership.State == OwnershipState.Owned)
        {
            return await ReapplyLimitsAsync(resource, request, cancellationToken).ConfigureAwait(false);
        }

        if (ownership.State == OwnershipState.Absent)
        {
            var taken = await _context.Backend.WhyIdIsTakenAsync(request, request.BackendId, cancellationToken).ConfigureAwait(false);
            if (taken is null)
            {
                try
                {
                    return await CreateUnderKnownIdAsync(order, resource, request, cancellationToken).ConfigureAwait(false);
                }
                catch (DuplicateResourceException ex)
                {
                    taken = ex.Message;
                }
            }

            ownership = Ownership.NotOwned($"backend id {request.BackendId} cannot be used: {taken}");
        }

        _claims.ReportNotOwned(resource.Uuid, request.BackendId, ownership.Reason);
        if (order.Type != OrderType.Create)
        {
            throw new NotOwnedException(
                $"Cannot {order.Type?.ToLowerInvariant()} resource {resource.Name} ({resource.Uuid:N}) onto its backend id: {ownership.Reason}. " +
                "Nothing was changed; check which resource the backend object belongs to and correct the resource's backend_id in Waldur.");
        }

        await _claims.ReleaseAsync(resource.Uuid, request.BackendId, ownership.Reason, cancellationToken).ConfigureAwait(false);
        return null;
    }

    // Present and the resource's own: make sure its limits are the resource's (a soft-deleted account has them
    // at zero, an interrupted creation may not have set them yet).
    private async Task<CreatedResource> ReapplyLimitsAsync(Resource resource, ResourceRequest request, CancellationToken cancellationToken)
    {
        LogAlreadyExists(_logger, request.BackendId, resource.Uuid);
        var applied = await _context.Backend.ApplyResourceLimitsAsync(request, LimitReapplication.Restore, cancellationToken).ConfigureAwait(false);
        if (applied.Count > 0 && !WaldurMapping.SameLimits(applied, request.Limits))
        {
            // What a completed creation would have stored (e.g. a usage component's fixed cap).
            await _context.Waldur.SetProviderResourceLimitsAsync(resource.Uuid, WaldurMapping.ToWholeLimits(applied), cancellationToken).ConfigureAwait(false);
        }

        return new CreatedResource(request.BackendId, resource, null);
    }

    // Absent and free: create it under the id the resource holds (a restore after a hard delete, or a claim whose creation never ran).
    private async Task<CreatedResource> CreateUnderKnownIdAsync(OrderDetails order, Resource resource, ResourceRequest request, CancellationToken cancellationToken)
    {
        var (userContext, offeringUsers) = await _users.BuildAsync(resource, cancellationToken).ConfigureAwait(false);
        BackendResourceInfo info;
        try
        {
            info = await _context.Backend.CreateResourceAsync(request, request.BackendId, userContext, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (order.Type == OrderType.Create && ex is not DuplicateResourceException && OrderErrors.IsDefinitive(ex))
        {
            // The id was this resource's claim; a Restore's id is its history and stays.
            await _claims.ReleaseIfNothingCreatedAsync(request, request.BackendId, ex, cancellationToken).ConfigureAwait(false);
            throw;
        }

        LogCreated(_logger, info.BackendId, resource.Uuid, WaldurMapping.Describe(info.Limits));
        await WriteResultsAsync(resource.Uuid, info with { BackendId = request.BackendId }, cancellationToken).ConfigureAwait(false);
        await VerifyAsync(request, cancellationToken).ConfigureAwait(false);
        await _apiKeys.RunAsync(resource.Uuid, request.BackendId, cancellationToken).ConfigureAwait(false);
        return new CreatedResource(request.BackendId, resource, new TeamSnapshot(userContext, offeringUsers));
    }

    private async Task<BackendResourceInfo> CreateWithNewIdAsync(Resource resource, ResourceRequest request, UserContext userContext, CancellationToken cancellationToken)
    {
        var common = _context.Session.Offering.CommonSettings;
        var projectPolicy = _context.Session.PluginOptions.AccountNameGenerationPolicy == BackendIdCandidates.ProjectSlugPolicy;
        var baseName = projectPolicy ? request.ProjectSlug : request.Slug;
        var attempts = BackendIdCandidates.Attempts(projectPolicy, common.CheckBackendIdUniqueness, common.BackendIdMaxRetries);
        var candidates = BackendIdCandidates.For(common.AllocationPrefix, baseName, BackendIdCandidates.Candidates(attempts, common.BackendIdMaxRetries));
        var tried = 0;
        // The backend may shorten a long candidate; the id claimed in Waldur is the one it will create.
        foreach (var candidate in candidates.Select(_context.Backend.BackendIdFor).Distinct(StringComparer.Ordinal))
        {
            if (tried == attempts)
            {
                break;
            }

            if (await _claims.WhyNewIdTakenAsync(request, candidate, cancellationToken).ConfigureAwait(false) is { } taken)
            {
                LogIdTaken(_logger, candidate, resource.Uuid, taken);
                continue;
            }

            tried++;
            await _claims.ClaimAsync(resource.Uuid, candidate, cancellationToken).ConfigureAwait(false);
            var claimed = request with { BackendId = candidate };
            try
            {
                var info = await _context.Backend.CreateResourceAsync(claimed, candidate, userContext, cancellationToken).ConfigureAwait(false);
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
                // Someone created it between our check and our create: it is theirs, so the resource must not point at it.
                LogIdTaken(_logger, candidate, resource.Uuid, "it was created by someone else meanwhile");
                await _claims.ReleaseAsync(resource.Uuid, candidate, "another creation took the id first", cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (OrderErrors.IsDefinitive(ex))
            {
                await _claims.ReleaseIfNothingCreatedAsync(claimed, candidate, ex, cancellationToken).ConfigureAwait(false);
                throw;
            }
        }

        throw new BackendException(
            $"Unable to create resource: after {attempts} attempts, all generated names already exist or uniqueness check failed");
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

    [LoggerMessage(EventId = LogEvents.BackendIdTaken, Level = LogLevel.Information, Message = "Resource {Resource}: backend id {BackendId} is taken ({Reason}); trying the next candidate")]
    private static partial void LogIdTaken(ILogger logger, string backendId, Guid resource, string reason);

    [LoggerMessage(EventId = LogEvents.OptionalWriteFailed, Level = LogLevel.Warning, Message = "Could not store {What} in Waldur: {Reason}")]
    private static partial void LogOptionalWriteFailed(ILogger logger, string what, string reason);
}
