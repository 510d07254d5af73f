using Microsoft.Extensions.Logging;
using SiteAgent.Backends.Model;
using SiteAgent.Core.Observability;
using SiteAgent.Core.Users;
using SiteAgent.Core.WaldurAccess;
using SiteAgent.Waldur;
using SiteAgent.Waldur.Models;

namespace SiteAgent.Core.Orders;

/// <summary>
/// Who should get access to a resource: its project team and their offering users,
/// plus plan quotas and SSH keys for a fresh creation. Failures give an empty context, not an error.
/// </summary>
public sealed partial class UserContextBuilder
{
    private readonly OrderContext _context;
    private readonly Dictionary<Guid, IReadOnlyDictionary<string, long>> _planQuotas = [];
    private IReadOnlyDictionary<string, string>? _sshKeys;

    /// <summary>Creates the builder (one per offering cycle: plan quotas and SSH keys are read once per cycle).</summary>
    public UserContextBuilder(OrderContext context) => _context = context;

    /// <summary>The team and its offering users.</summary>
    public async Task<(UserContext Context, IReadOnlyList<OfferingUser> OfferingUsers)> BuildAsync(Resource resource, CancellationToken cancellationToken)
    {
        try
        {
            var team = await _context.Waldur.ListProviderResourceTeamAsync(resource.Uuid, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (team.Count == 0)
            {
                LogTeamEmpty(_context.Session.Logger, resource.Uuid);
                return (UserContext.Empty, []);
            }

            var members = team.Select(m => m.Uuid).ToHashSet();
            var all = await _context.Session.Users.AllAsync(cancellationToken).ConfigureAwait(false);
            var offeringUsers = all.Where(u => u.UserUuid is { } user && members.Contains(user)).ToList();
            var userContext = new UserContext
            {
                Team = team.Select(m => m.ToMember()).ToList(),
                OfferingUsers = offeringUsers.Select(OfferingUsersDirectory.ToInfo).ToList(),
            };
            return (userContext, offeringUsers);
        }
        catch (WaldurException ex) when (!ex.IsTransient)
        {
            LogTeamFailed(_context.Session.Logger, resource.Uuid, ex.Message);
            return (UserContext.Empty, []);
        }
    }

    /// <summary>Adds plan quotas and SSH keys for a fresh creation; failures leave them empty.</summary>
    public async Task<UserContext> WithCreationExtrasAsync(UserContext userContext, Resource resource, CancellationToken cancellationToken)
    {
        try
        {
            var quotas = resource.PlanUuid is { } plan ? await PlanQuotasAsync(plan, cancellationToken).ConfigureAwait(false) : new Dictionary<string, long>();
            _sshKeys ??= await SshKeysAsync(cancellationToken).ConfigureAwait(false);
            return userContext with { PlanQuotas = quotas, SshKeys = _sshKeys };
        }
        catch (WaldurException ex) when (!ex.IsTransient)
        {
            LogTeamFailed(_context.Session.Logger, resource.Uuid, "plan quotas or SSH keys: " + ex.Message);
            return userContext;
        }
    }

    private async Task<IReadOnlyDictionary<string, long>> PlanQuotasAsync(Guid plan, CancellationToken cancellationToken)
    {
        if (!_planQuotas.TryGetValue(plan, out var quotas))
        {
            // A creation's context carries the non-zero quotas, as the reference's does.
            quotas = WaldurMapping.ToWholeLimits(await _context.PlanQuotasAsync(plan, cancellationToken).ConfigureAwait(false))
                .Where(q => q.Value != 0).ToDictionary(q => q.Key, q => q.Value, StringComparer.Ordinal);
            _planQuotas[plan] = quotas;
        }

        return quotas;
    }

    private async Task<IReadOnlyDictionary<string, string>> SshKeysAsync(CancellationToken cancellationToken)
    {
        if (_context.Session.ServiceProviderUuid is not { } provider)
        {
            return new Dictionary<string, string>();
        }

        // The reference reads the first page only; so does this.
        var page = await _context.Waldur.ListServiceProviderKeys(provider).FirstPageAsync(cancellationToken).ConfigureAwait(false);
        return page.Items.Where(k => k.Uuid is not null && !string.IsNullOrEmpty(k.PublicKey))
            .ToDictionary(k => k.Uuid!.Value.ToString(), k => k.PublicKey!, StringComparer.Ordinal);
    }

    [LoggerMessage(EventId = LogEvents.TeamEmpty, Level = LogLevel.Warning, Message = "Resource {Resource}: the project team is empty; no users are added")]
    private static partial void LogTeamEmpty(ILogger logger, Guid resource);

    [LoggerMessage(EventId = LogEvents.TeamUnavailable, Level = LogLevel.Warning, Message = "Resource {Resource}: could not read the team ({Reason}); continuing without users")]
    private static partial void LogTeamFailed(ILogger logger, Guid resource, string reason);
}
