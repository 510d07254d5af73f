using System.Globalization;

namespace SiteAgent.Backends.Slurm;

/// <summary>Per-user limits: MaxTRESMins of user associations.</summary>
public sealed partial class SlurmBackend
{
    /// <inheritdoc />
    /// <remarks>
    /// Wanted values are Waldur units × <c>unit_factor</c>, truncated, for components that are TRES of the
    /// cluster; a user's association is modified (<c>modify user … set MaxTRESMins=</c>, every TRES in the cluster's order, -1 clearing the
    /// others) only when its current MaxTRESMins differ. The reference wrote every user's limits every cycle.
    /// </remarks>
    public async Task<IReadOnlySet<string>> SyncUserLimitsAsync(
        string backendId, IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>> limits, CancellationToken cancellationToken)
    {
        var account = SlurmNames.Account(backendId, "resource backend_id");
        var written = new HashSet<string>(StringComparer.Ordinal);
        if (limits.Count == 0)
        {
            return written;
        }

        var current = await CurrentUserLimitsAsync(account, cancellationToken).ConfigureAwait(false);
        var tres = await TryListTresAsync(cancellationToken).ConfigureAwait(false);
        if (tres is null)
        {
            throw new BackendException($"Cannot set per-user limits on {account}: the cluster's TRES list (sacctmgr list tres) could not be read");
        }

        foreach (var (username, waldurLimits) in limits)
        {
            try
            {
                var user = SlurmNames.Username(username);
                var wanted = _limits.ToBackend(waldurLimits).Where(p => tres.Contains(p.Key)).ToDictionary(StringComparer.Ordinal);
                var have = current.FirstOrDefault(u => u.Key.Equals(user, StringComparison.OrdinalIgnoreCase)).Value?.Values ?? new Dictionary<string, long>();
                if (SameLimits(have, wanted))
                {
                    continue;
                }

                await Client.SetUserMaxTresMinsAsync(user, account, _tresInOrder, wanted, cancellationToken).ConfigureAwait(false);
                SlurmLog.UserLimitsSet(_logger, user, account, wanted.Count == 0 ? "(none)" : string.Join(',', wanted.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}={p.Value}"))));
                UpdateView(account, view => view with { Users = WithUserLimits(view.Users, user, wanted) });
                written.Add(username);
            }
            catch (BackendException e)
            {
                SlurmLog.UserLimitsFailed(_logger, SlurmNames.Quote(username), account, e.Message);
            }
        }

        return written;
    }

    /// <inheritdoc />
    public async Task<IReadOnlySet<string>> UsersWithLimitsAsync(string backendId, CancellationToken cancellationToken)
    {
        var account = SlurmNames.Account(backendId, "resource backend_id");
        var current = await CurrentUserLimitsAsync(account, cancellationToken).ConfigureAwait(false);
        return current.Where(u => u.Value.Values.Count > 0).Select(u => u.Key).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Users' MaxTRESMins (SLURM units): from the cycle's view, else one read of the account.</summary>
    private async Task<IReadOnlyDictionary<string, TresLimits>> CurrentUserLimitsAsync(string account, CancellationToken cancellationToken) =>
        InView(account)
            ? Viewed(account)?.Users ?? new Dictionary<string, TresLimits>()
            : await Client.GetUserMaxTresMinsAsync(account, cancellationToken).ConfigureAwait(false);

    private static bool SameLimits(IReadOnlyDictionary<string, long> have, IReadOnlyDictionary<string, long> wanted) =>
        have.Count == wanted.Count && have.All(p => wanted.TryGetValue(p.Key, out var value) && value == p.Value);

    private static Dictionary<string, TresLimits> WithUserLimits(IReadOnlyDictionary<string, TresLimits> users, string user, IReadOnlyDictionary<string, long> limits)
    {
        var result = users.Where(u => !u.Key.Equals(user, StringComparison.OrdinalIgnoreCase)).ToDictionary(StringComparer.Ordinal);
        result[user] = new TresLimits(limits, []);
        return result;
    }
}
