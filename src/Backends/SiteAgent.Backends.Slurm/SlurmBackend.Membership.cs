using SiteAgent.Backends.Model;
using SiteAgent.Backends.Slurm.Options;

namespace SiteAgent.Backends.Slurm;

/// <summary>Users of an allocation and their home directories (slurm.md §7.6, §7.10).</summary>
public sealed partial class SlurmBackend
{
    /// <inheritdoc />
    public async Task<IReadOnlySet<string>> AddUsersAsync(
        ResourceRequest resource, IReadOnlyList<string> usernames, MembershipDetails details, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(resource.BackendId))
        {
            throw new BackendException("Empty backend ID for resource");
        }

        var account = SlurmNames.Account(resource.BackendId, "resource backend_id");
        var added = new HashSet<string>(StringComparer.Ordinal);
        foreach (var username in usernames)
        {
            if (await AddUserAsync(resource, account, username, cancellationToken).ConfigureAwait(false))
            {
                added.Add(username);
            }
        }

        if (_context.Common.EnableUserHomedirAccountCreation && added.Count > 0)
        {
            await CreateHomeDirectoriesAsync(added, details.HomedirUmask ?? _context.Common.DefaultHomedirUmask, cancellationToken).ConfigureAwait(false);
        }

        return added;
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

    private async Task<bool> AddUserAsync(ResourceRequest resource, string account, string username, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(username))
        {
            SlurmLog.EmptyUsername(_logger, account);
            return false;
        }

        try
        {
            var user = SlurmNames.Username(username);
            var spec = AssociationSpec(resource, account);
            if (await Client.UserAssociationExistsAsync(user, account, cancellationToken).ConfigureAwait(false))
            {
                SlurmLog.UserExists(_logger, user, account);
                return true;
            }

            await Client.AddUserAsync(user, account, spec, cancellationToken).ConfigureAwait(false);
            SlurmLog.UserAdded(_logger, user, account);
            return true;
        }
        catch (UnsafeValueException e)
        {
            SlurmLog.UsernameRefused(_logger, account, e.Message);
            return false;
        }
        catch (BackendException e)
        {
            SlurmLog.UserAddFailed(_logger, SlurmNames.Quote(username), account, e.Message);
            return false;
        }
    }

    /// <summary>Which association to create (§7.6 step 3–4); partition and QoS names are validated here.</summary>
    private UserAssociationSpec AssociationSpec(ResourceRequest resource, string account)
    {
        var defaultAccount = _options.DefaultAccountPolicy switch
        {
            DefaultAccountPolicy.Common => _context.Common.DefaultAccount,
            DefaultAccountPolicy.Individual => account,
            _ => null,
        };
        var offeringPartitions = _options.EnforceOfferingPartitions ? _context.OfferingPartitions : [];
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
            if (!await Client.UserAssociationExistsAsync(user, account, cancellationToken).ConfigureAwait(false))
            {
                return true;
            }

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

            await Client.RemoveUserAsync(user, account, cancellationToken).ConfigureAwait(false);
            SlurmLog.UserRemoved(_logger, user, account);
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
}
