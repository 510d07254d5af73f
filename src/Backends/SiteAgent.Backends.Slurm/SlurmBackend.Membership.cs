using SiteAgent.Backends.Model;
using SiteAgent.Backends.Slurm.Options;

namespace SiteAgent.Backends.Slurm;

/// <summary>Users of an allocation and their home directories.</summary>
public sealed partial class SlurmBackend
{
    /// <inheritdoc />
    /// <remarks>
    /// Users already associated (from the cycle's view, else one user listing of the account) are kept;
    /// the missing ones are added with one <c>add user u1,u2,…</c>. Should that command fail, each user is
    /// tried alone so that one refusal does not keep the others out. Home directories are created for
    /// the users actually added.
    /// </remarks>
    public async Task<IReadOnlySet<string>> AddUsersAsync(
        ResourceRequest resource, IReadOnlyList<string> usernames, MembershipDetails details, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(resource.BackendId))
        {
            throw new BackendException("Empty backend ID for resource");
        }

        var account = SlurmNames.Account(resource.BackendId, "resource backend_id");
        var candidates = ValidUsers(account, usernames);
        if (candidates.Count == 0)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        var present = await PresentUsersAsync(account, cancellationToken).ConfigureAwait(false);
        var have = candidates.Where(present.Contains).ToHashSet(StringComparer.Ordinal);
        foreach (var user in have)
        {
            SlurmLog.UserExists(_logger, user, account);
        }

        var missing = candidates.Where(u => !present.Contains(u)).ToList();
        var added = missing.Count == 0 ? [] : await AddMissingAsync(resource, account, missing, cancellationToken).ConfigureAwait(false);
        if (_context.Common.EnableUserHomedirAccountCreation && added.Count > 0)
        {
            await CreateHomeDirectoriesAsync(added, details.HomedirUmask ?? _context.Common.DefaultHomedirUmask, cancellationToken).ConfigureAwait(false);
        }

        have.UnionWith(added);
        return have;
    }

    /// <inheritdoc />
    public async Task<IReadOnlySet<string>> RemoveUsersAsync(
        ResourceRequest resource, IReadOnlyList<string> usernames, MembershipDetails details, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(resource.BackendId))
        {
            throw new BackendException("Empty resource backend ID");
        }

        // An absent account has no user to remove; another's is not touched at all.
        var account = (await RequireNotAnothersAsync(resource, "remove users from", cancellationToken).ConfigureAwait(false)).Account;
        var removed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var username in usernames)
        {
            if (await RemoveUserAsync(account, username, cancellationToken).ConfigureAwait(false))
            {
                removed.Add(username);
            }
        }

        return removed;
    }

    /// <inheritdoc />
    /// <remarks>
    /// With <c>homedir_base_path</c> an existing <c>&lt;base&gt;/&lt;user&gt;</c> is left alone; otherwise
    /// <c>mkhomedir_helper</c> creates the passwd home (owned by the user, from /etc/skel, mode from the
    /// umask) and does nothing when it exists. Failures are logged per user.
    /// </remarks>
    public async Task CreateHomeDirectoriesAsync(IReadOnlyCollection<string> usernames, string umask, CancellationToken cancellationToken)
    {
        foreach (var username in usernames)
        {
            try
            {
                var user = SlurmNames.Username(username);
                if (_context.Common.HomedirBasePath is { } basePath && Directory.Exists(HomePath(basePath, user)))
                {
                    SlurmLog.HomeDirectoryExists(_logger, HomePath(basePath, user));
                    continue;
                }

                await Client.CreateHomeDirectoryAsync(user, umask, cancellationToken).ConfigureAwait(false);
                SlurmLog.HomeDirectoryCreated(_logger, user);
            }
            catch (BackendException e)
            {
                SlurmLog.HomeDirectoryFailed(_logger, SlurmNames.Quote(username), e.Message);
            }
        }
    }

    /// <summary>
    /// <c>&lt;base&gt;/&lt;user&gt;</c>, refused unless it lies directly under the base path.
    /// </summary>
    internal static string HomePath(string basePath, string user)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(basePath));
        var path = Path.GetFullPath(Path.Combine(root, user));
        if (!string.Equals(Path.GetDirectoryName(path), root, StringComparison.Ordinal))
        {
            throw new UnsafeValueException($"Refusing home directory {SlurmNames.Quote(path)}: it is not directly under {root}");
        }

        return path;
    }

    /// <summary>The usernames that may reach a command line, each once; refused and empty ones are logged.</summary>
    private List<string> ValidUsers(string account, IReadOnlyList<string> usernames)
    {
        var valid = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var username in usernames)
        {
            if (string.IsNullOrWhiteSpace(username))
            {
                SlurmLog.EmptyUsername(_logger, account);
                continue;
            }

            try
            {
                if (seen.Add(SlurmNames.Username(username)))
                {
                    valid.Add(username);
                }
            }
            catch (UnsafeValueException e)
            {
                SlurmLog.UsernameRefused(_logger, account, e.Message);
            }
        }

        return valid;
    }

    /// <summary>
    /// Users associated with the account, compared ignoring case (sacctmgr folds user names to lower case
    /// unless slurmdbd preserves case): from the cycle's view, else one user listing.
    /// </summary>
    private async Task<HashSet<string>> PresentUsersAsync(string account, CancellationToken cancellationToken)
    {
        if (InView(account))
        {
            return (Viewed(account)?.Users.Keys ?? []).ToHashSet(StringComparer.OrdinalIgnoreCase);
        }

        return (await Client.ListAccountUsersAsync(account, cancellationToken).ConfigureAwait(false)).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>One <c>add user</c> for all <paramref name="missing"/> users; each alone when that fails. Returns those added.</summary>
    private async Task<List<string>> AddMissingAsync(ResourceRequest resource, string account, List<string> missing, CancellationToken cancellationToken)
    {
        UserAssociationSpec spec;
        try
        {
            spec = AssociationSpec(resource, account);
        }
        catch (BackendException e)
        {
            foreach (var user in missing)
            {
                SlurmLog.UserAddFailed(_logger, user, account, e.Message);
            }

            return [];
        }

        var added = new List<string>();
        try
        {
            await Client.AddUsersAsync(missing, account, spec, cancellationToken).ConfigureAwait(false);
            added.AddRange(missing);
        }
        catch (BackendException e) when (missing.Count > 1)
        {
            SlurmLog.UserBatchFailed(_logger, account, missing.Count, e.Message);
            foreach (var user in missing)
            {
                try
                {
                    await Client.AddUserAsync(user, account, spec, cancellationToken).ConfigureAwait(false);
                    added.Add(user);
                }
                catch (BackendException single)
                {
                    SlurmLog.UserAddFailed(_logger, user, account, single.Message);
                }
            }
        }
        catch (BackendException e)
        {
            SlurmLog.UserAddFailed(_logger, missing[0], account, e.Message);
        }

        foreach (var user in added)
        {
            SlurmLog.UserAdded(_logger, user, account);
        }

        UpdateView(account, view => view with { Users = WithUsers(view.Users, added) });
        return added;
    }

    private static Dictionary<string, TresLimits> WithUsers(IReadOnlyDictionary<string, TresLimits> users, IEnumerable<string> added)
    {
        var result = new Dictionary<string, TresLimits>(users, StringComparer.Ordinal);
        foreach (var user in added)
        {
            result.TryAdd(user, new TresLimits(new Dictionary<string, long>(), []));
        }

        return result;
    }

    /// <summary>Which association to create: partition and QoS names are validated here.</summary>
    private UserAssociationSpec AssociationSpec(ResourceRequest resource, string account)
    {
        var defaultAccount = _options.DefaultAccountPolicy switch
        {
            DefaultAccountPolicy.Common => _options.DefaultAccount,
            DefaultAccountPolicy.Individual => account,
            _ => null,
        };
        var offeringPartitions = _options.EnforceOfferingPartitions ? SlurmOfferingFacts.Partitions(_context.Offering) : [];
        if (QosEnforced && resource.Attributes.TryGetValue("qos", out var qos) && !string.IsNullOrWhiteSpace(qos))
        {
            IReadOnlyList<string> partitions = resource.Attributes.TryGetValue("partition", out var partition) && !string.IsNullOrWhiteSpace(partition)
                ? [SlurmNames.Partition(partition)]
                : offeringPartitions.Count > 0 ? offeringPartitions
                : _options.DefaultPartition is { } fallback ? [fallback] : [];
            return new UserAssociationSpec(defaultAccount, partitions, [SlurmNames.Qos(qos)], qos);
        }

        if (offeringPartitions.Count > 0)
        {
            return new UserAssociationSpec(defaultAccount, offeringPartitions, [], null);
        }

        return _options.DefaultPartition is { } single
            ? new UserAssociationSpec(defaultAccount, [single], [], null)
            : UserAssociationSpec.Plain(defaultAccount);
    }

    private async Task<bool> RemoveUserAsync(string account, string username, CancellationToken cancellationToken)
    {
        try
        {
            var user = SlurmNames.Username(username);
            var present = InView(account)
                ? Viewed(account)?.Users.Keys.Contains(user, StringComparer.OrdinalIgnoreCase) == true
                : await Client.UserAssociationExistsAsync(user, account, cancellationToken).ConfigureAwait(false);
            if (!present)
            {
                return true;
            }

            await RestrictingWriteAsync(account, $"removing user {user} from", () => CancelJobsAndRemoveAsync(account, user, cancellationToken)).ConfigureAwait(false);
            SlurmLog.UserRemoved(_logger, user, account);
            UpdateView(account, view => view with
            {
                Users = view.Users.Where(u => !u.Key.Equals(user, StringComparison.OrdinalIgnoreCase)).ToDictionary(StringComparer.Ordinal),
            });
            return true;
        }
        catch (UnsafeValueException e)
        {
            SlurmLog.UsernameRefused(_logger, account, e.Message);
            return false;
        }
        catch (BackendException e)
        {
            SlurmLog.UserRemoveFailed(_logger, SlurmNames.Quote(username), account, e.Message);
            return false;
        }
    }

    /// <summary>
    /// Cancels the user's active jobs in the account (SLURM refuses to drop an association with active
    /// jobs), waits for them to end, then removes the association. Jobs still active after the wait make
    /// SLURM refuse; the caller logs it and the next cycle tries again.
    /// </summary>
    private async Task<bool> CancelJobsAndRemoveAsync(string account, string user, CancellationToken cancellationToken)
    {
        // Jobs run under a local (NSS) user; without one there is nothing to cancel. A failed lookup
        // counts as "exists" so that cancellation is not skipped.
        var lookup = PosixUsers.Lookup(user, out _);
        if (lookup == PosixUserLookup.Failed)
        {
            SlurmLog.UserLookupFailed(_logger, user);
        }

        if (lookup != PosixUserLookup.NotFound
            && (await Client.ListActiveJobsAsync(account, user, cancellationToken).ConfigureAwait(false)).Count > 0)
        {
            await Client.CancelJobsAsync(account, user, cancellationToken).ConfigureAwait(false);
            await WaitForJobsToEndAsync(account, user, cancellationToken).ConfigureAwait(false);
        }

        return await Client.RemoveUserAsync(user, account, cancellationToken).ConfigureAwait(false);
    }
}
