using Microsoft.Extensions.Logging;
using SiteAgent.Backends.Capabilities;
using SiteAgent.Backends.Model;
using SiteAgent.Core.Observability;
using SiteAgent.Core.Users;
using SiteAgent.Core.WaldurAccess;
using SiteAgent.Waldur.Models;

namespace SiteAgent.Core.Orders;

/// <summary>
/// After a Create/Restore is done: generate missing usernames and give the team's offering users
/// access to the new resource.
/// </summary>
/// <remarks>
/// Failures here are logged and never touch the order (the reference tried to err an order it had
/// already completed); the next membership sync repairs missing users.
/// </remarks>
public sealed partial class OrderPostProcessor
{
    private readonly OrderContext _context;
    private readonly UserContextBuilder _users;
    private readonly ILogger _logger;
    private UsernameAssigner? _usernames;

    /// <summary>Creates the post-processor.</summary>
    public OrderPostProcessor(OrderContext context, UserContextBuilder users)
    {
        _context = context;
        _users = users;
        _logger = context.Session.Logger;
    }

    /// <summary>Adds the team's users to the resource the order <paramref name="order"/> created.</summary>
    public async Task RunAsync(Guid order, CreatedResource created, CancellationToken cancellationToken)
    {
        try
        {
            await AddUsersAsync(created, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            LogFailed(_logger, order, ex.Message);
        }
    }

    private async Task AddUsersAsync(CreatedResource created, CancellationToken cancellationToken)
    {
        if (_context.Backend is not IMembershipBackend membership)
        {
            return;
        }

        // The team read for the creation moments ago is reused; it is read again only after usernames changed.
        var resource = created.Resource;
        var (userContext, offeringUsers) = created.Team is { } team
            ? (team.Context, team.OfferingUsers)
            : await _users.BuildAsync(resource, cancellationToken).ConfigureAwait(false);
        // One assigner (and username backend) per offering cycle, not one per created resource.
        _usernames ??= _context.Sessions.UsernamesFor(_context.Session);
        if (await _usernames.AssignAsync(offeringUsers, cancellationToken).ConfigureAwait(false))
        {
            _context.Session.Users.Invalidate();
            (userContext, _) = await _users.BuildAsync(resource, cancellationToken).ConfigureAwait(false);
        }

        var ready = userContext.OfferingUsers.Where(u => u.State == OfferingUserState.Ok && u.Username.Length > 0).ToList();
        if (ready.Count == 0)
        {
            LogNoUsers(_logger, resource.Uuid);
            return;
        }

        var roles = userContext.Team.Where(m => m.OfferingUserUsername.Length > 0)
            .GroupBy(m => m.OfferingUserUsername).ToDictionary(g => g.Key, g => g.First().Role, StringComparer.Ordinal);
        var details = new MembershipDetails
        {
            HomedirUmask = _context.Session.Offering.CommonSettings.DefaultHomedirUmask,
            UserCuids = ready.Where(u => u.UserUsername.Length > 0).ToDictionary(u => u.Username, u => u.UserUsername, StringComparer.Ordinal),
            UserRoles = roles,
            UserAttributes = ready.ToDictionary(u => u.Username, u => u.Attributes, StringComparer.Ordinal),
        };
        // The resource was read before its backend id was set (and in a dry run Waldur never received it).
        var request = resource.ToRequest() with { BackendId = created.BackendId };
        var added = await membership.AddUsersAsync(request, ready.Select(u => u.Username).Distinct(StringComparer.Ordinal).ToList(), details, cancellationToken).ConfigureAwait(false);
        LogUsersAdded(_logger, created.BackendId, added.Count, ready.Count, string.Join(", ", added.Order(StringComparer.Ordinal)));
    }

    [LoggerMessage(EventId = LogEvents.PostProcessingFailed, Level = LogLevel.Warning,
        Message = "Order {Order}: adding users failed ({Reason}); the order stays done and the next membership sync adds them")]
    private static partial void LogFailed(ILogger logger, Guid order, string reason);

    [LoggerMessage(EventId = LogEvents.UsersAdded, Level = LogLevel.Information, Message = "Backend resource {BackendId}: {Added} of {Total} users have access: {Users}")]
    private static partial void LogUsersAdded(ILogger logger, string backendId, int added, int total, string users);

    [LoggerMessage(EventId = LogEvents.NoUsersToAdd, Level = LogLevel.Information, Message = "Resource {Resource}: no offering users in state OK to add")]
    private static partial void LogNoUsers(ILogger logger, Guid resource);
}
