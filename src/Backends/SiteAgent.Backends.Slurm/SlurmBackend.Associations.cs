namespace SiteAgent.Backends.Slurm;

/// <summary>
/// The membership view of one cycle: every account of the offering read with one association listing,
/// then kept current with this instance's own writes, so that the per-resource steps of the membership
/// sync (users, limits, QoS, per-user limits) read nothing more.
/// </summary>
/// <remarks>
/// A backend instance lives for one offering cycle, so the view can only be as old as the cycle. Paths
/// that run without a view (order processing, single events) read what they need, as before.
/// </remarks>
public sealed partial class SlurmBackend
{
    private Dictionary<string, AccountAssociations>? _view;
    private HashSet<string>? _viewed;

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, IReadOnlySet<string>>> ReadMembershipAsync(IReadOnlyList<string> backendIds, CancellationToken cancellationToken)
    {
        var accounts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var id in backendIds.Where(i => !string.IsNullOrWhiteSpace(i)))
        {
            try
            {
                accounts.TryAdd(SlurmNames.Account(id, "resource backend_id"), id);
            }
            catch (UnsafeValueException e)
            {
                SlurmLog.PullFailed(_logger, SlurmNames.Quote(id), Guid.Empty, e.Message);
            }
        }

        var read = await Client.ReadAssociationsAsync(accounts.Keys.ToArray(), cancellationToken).ConfigureAwait(false);
        _view ??= new Dictionary<string, AccountAssociations>(StringComparer.OrdinalIgnoreCase);
        _viewed ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var users = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var (account, id) in accounts)
        {
            _viewed.Add(account);
            _view.Remove(account);
            if (read.TryGetValue(account, out var associations))
            {
                _view[account] = associations;
                users[id] = associations.Users.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase);
            }
        }

        return users;
    }

    /// <summary>True when the cycle's view covers the account (then <see cref="Viewed"/> is the truth, null meaning absent).</summary>
    private bool InView(string account) => _viewed?.Contains(account) == true;

    /// <summary>The account as the cycle's view has it; null when absent or not viewed.</summary>
    private AccountAssociations? Viewed(string account) => _view?.GetValueOrDefault(account);

    /// <summary>Applies one of this instance's writes to the view, so that later steps of the cycle see it.</summary>
    private void UpdateView(string account, Func<AccountAssociations, AccountAssociations> change)
    {
        if (_view is not null && _view.TryGetValue(account, out var current))
        {
            _view[account] = change(current);
        }
    }

    /// <summary>
    /// The one gate of every write that takes access away or limits an account: user removals, pause,
    /// downscale and restore (QoS swaps and GrpSubmitJobs). It refuses an account the cycle's view shows
    /// as absent from the cluster, so a stale Waldur backend id never reaches such a command.
    /// </summary>
    /// <remarks>Ownership checks of an account (whose allocation it is) belong here, so every such write passes them.</remarks>
    private async Task<T> RestrictingWriteAsync<T>(string account, string operation, Func<Task<T>> write)
    {
        if (InView(account) && Viewed(account) is null)
        {
            throw new BackendException($"Not {operation} SLURM account {account}: it does not exist on cluster {ClusterLabel}");
        }

        return await write().ConfigureAwait(false);
    }
}
