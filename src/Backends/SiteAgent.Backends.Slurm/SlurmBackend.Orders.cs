using SiteAgent.Backends.Model;

namespace SiteAgent.Backends.Slurm;

/// <summary>Order processing: create, update limits, delete, pull.</summary>
public sealed partial class SlurmBackend
{
    /// <inheritdoc />
    /// <remarks>
    /// Absent account → null (the core then re-creates it under the same id). A failing command
    /// propagates instead of reading as "absent", so a slurmdbd hiccup cannot trigger a re-creation.
    /// </remarks>
    public async Task<BackendResourceInfo?> PullResourceAsync(ResourceRequest resource, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(resource.BackendId))
        {
            return null;
        }

        var account = SlurmNames.Account(resource.BackendId, "resource backend_id");
        if (!await Client.AccountExistsAsync(account, cancellationToken).ConfigureAwait(false))
        {
            // Routine for the core's existence checks (new ids, restores), so not a warning.
            SlurmLog.AccountNotFound(_logger, account, ClusterLabel, resource.Uuid);
            return null;
        }

        var users = await Client.ListAccountUsersAsync(account, cancellationToken).ConfigureAwait(false);
        // The account was just found, so an idle month is zero usage without a second existence read.
        var report = await CurrentMonthReportAsync([resource.BackendId], lookUpIdle: false, cancellationToken).ConfigureAwait(false);
        var usage = report.Resources.GetValueOrDefault(resource.BackendId) ?? ZeroUsage();
        return new BackendResourceInfo { BackendId = resource.BackendId, Users = users, Usage = usage };
    }

    /// <inheritdoc />
    /// <remarks>One association read on the cluster, without the user list and usage a pull adds.</remarks>
    public async Task<bool> ExistsAsync(ResourceRequest resource, CancellationToken cancellationToken) =>
        !string.IsNullOrWhiteSpace(resource.BackendId)
        && await Client.AccountExistsAsync(SlurmNames.Account(resource.BackendId, "resource backend_id"), cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    /// <remarks>
    /// A failure before the allocation's <c>add account</c> answered (parents, lock, a refused add) is a
    /// <see cref="ResourceNotCreatedException"/>: nothing exists under the id. A time-out of that add is not,
    /// since sacctmgr may have created the account before it was killed.
    /// </remarks>
    public async Task<BackendResourceInfo> CreateResourceAsync(
        ResourceRequest resource, string backendId, UserContext userContext, CancellationToken cancellationToken)
    {
        RequireSlugs(resource);

        // Validate every id first: a refused value must not reach any command.
        var received = resource.BackendId.Equals(backendId, StringComparison.OrdinalIgnoreCase);
        var allocation = received ? SlurmNames.Account(backendId, "resource backend_id") : BackendIdFor(backendId);
        var (customerId, projectId) = GeneratedParentIds(resource, resource.ProjectSlug);

        var project = projectId;
        var adding = false;
        try
        {
            var customer = customerId is null ? null : await ParentIdAsync(customerId, cancellationToken).ConfigureAwait(false);
            project = await ParentIdAsync(projectId, cancellationToken).ConfigureAwait(false);

            // Parents and allocation in one hold of the write lock, so that no other agent process removes
            // the project (its last allocation terminated) between our check and our add.
            var parent = project;
            await Client.ExclusivelyAsync(() => CreateUnderParentsAsync(resource, allocation, customer, parent, () => adding = true, cancellationToken), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (BackendException e) when (e is not DuplicateResourceException && !(adding && e is CommandTimeoutException))
        {
            throw new ResourceNotCreatedException(e);
        }

        SlurmLog.AccountCreated(_logger, allocation, project);

        // Side objects are keyed by the id actually created, and made after the account so that the
        // QoS attach has a target (the reference keyed them by the slug).
        if (_options.QosManagement.Enabled)
        {
            await EnsureAllocationQosAsync(allocation, cancellationToken).ConfigureAwait(false);
        }

        var waldurLimits = await ApplyLimitsAsync(allocation, resource, LimitReapplication.Update, cancellationToken).ConfigureAwait(false);
        if (_context.Common.EnableUserHomedirAccountCreation)
        {
            var usernames = userContext.OfferingUsers.Select(u => u.Username).Where(u => !string.IsNullOrWhiteSpace(u)).ToArray();
            await CreateHomeDirectoriesAsync(usernames, _context.Common.DefaultHomedirUmask, cancellationToken).ConfigureAwait(false);
        }

        return new BackendResourceInfo { BackendId = received ? backendId : allocation, Limits = waldurLimits };
    }

    /// <inheritdoc />
    /// <remarks>Only the given limits change; the account must be the resource's own.</remarks>
    public async Task<string?> SetResourceLimitsAsync(
        ResourceRequest resource, IReadOnlyDictionary<string, decimal> waldurLimits, CancellationToken cancellationToken)
    {
        var account = await RequireOwnedAsync(resource, "change the limits of", cancellationToken).ConfigureAwait(false);
        await SetBackendLimitsAsync(account, _limits.ToBackend(waldurLimits), cancellationToken).ConfigureAwait(false);
        return null;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Collects limits from the resource (months for prepaid components) and sets them on the resource's own
    /// account. For a restore, caps the resource does not set are lifted: a soft delete set every configured
    /// component to 0. For an update they stay: only a limit that says so makes a component unlimited.
    /// </remarks>
    public async Task<IReadOnlyDictionary<string, decimal>> ApplyResourceLimitsAsync(
        ResourceRequest resource, LimitReapplication reapplication, CancellationToken cancellationToken)
    {
        var account = await RequireOwnedAsync(resource, "apply limits to", cancellationToken).ConfigureAwait(false);
        return await ApplyLimitsAsync(account, resource, reapplication, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Only the resource's own account is emptied and removed (<see cref="CheckOwnershipAsync(ResourceRequest, CancellationToken)"/>);
    /// another's is left as it is and the termination is complete, since the resource owns nothing. When the
    /// account is already gone, the project account is still removed if nothing lives under it any more.
    /// </remarks>
    public async Task<string?> DeleteResourceAsync(ResourceRequest resource, string projectSlug, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(resource.BackendId))
        {
            SlurmLog.AccountAbsent(_logger, "(no backend_id)", ClusterLabel, resource.Uuid);
            return null;
        }

        var check = await CheckOwnershipAsync(resource, projectSlug, cancellationToken).ConfigureAwait(false);
        var account = check.Account;
        switch (check.Ownership.State)
        {
            case OwnershipState.NotOwned:
                SlurmLog.NothingRemoved(_logger, resource.Uuid, account);
                return null;
            case OwnershipState.Absent:
                SlurmLog.AccountAbsent(_logger, account, ClusterLabel, resource.Uuid);
                await RemoveProjectIfUnusedAsync(check.Project!, cancellationToken).ConfigureAwait(false);
                return null;
        }

        if (await Client.AccountHasUsersAsync(account, cancellationToken).ConfigureAwait(false))
        {
            await Client.CancelJobsAsync(account, null, cancellationToken).ConfigureAwait(false);
            await WaitForJobsToEndAsync(account, null, cancellationToken).ConfigureAwait(false);
            await Client.RemoveAllUsersAsync(account, cancellationToken).ConfigureAwait(false);
        }

        if (_context.Common.SoftDelete)
        {
            await SetBackendLimitsAsync(account, ConfiguredTres().ToDictionary(t => t, _ => 0L), cancellationToken).ConfigureAwait(false);
            SlurmLog.SoftDeleted(_logger, account);
            return null;
        }

        if (await Client.RemoveAccountAsync(account, cancellationToken).ConfigureAwait(false))
        {
            SlurmLog.AccountRemoved(_logger, account);
        }

        // After the account: while it exists the QoS is its DefaultQOS and SLURM refuses the removal.
        if (_options.QosManagement.Enabled)
        {
            await RemoveAllocationQosAsync(account, cancellationToken).ConfigureAwait(false);
        }

        await RemoveProjectIfUnusedAsync(check.Project!, cancellationToken).ConfigureAwait(false);
        return null;
    }

    /// <summary>
    /// Creates missing customer and project accounts, then the allocation under the project (<paramref name="adding"/> is called just before the allocation's add). A parent known
    /// from earlier in this cycle may have been removed since by another process; sacctmgr then refuses the
    /// add, and the parents are checked and made again (still inside the caller's critical section).
    /// </summary>
    private async Task CreateUnderParentsAsync(
        ResourceRequest resource, string allocation, string? customer, string project, Action adding, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (customer is not null)
            {
                await EnsureAccountAsync(customer, Or(resource.CustomerName, customer), customer, RootAccount, cancellationToken).ConfigureAwait(false);
            }

            await EnsureAccountAsync(project, Or(resource.ProjectName, project), project, customer ?? _options.ParentAccount!, cancellationToken).ConfigureAwait(false);

            // No existence read first: the order processor has just checked, and sacctmgr answers
            // "Nothing new added" for an association that exists (e.g. created by another agent since).
            adding();
            switch (await Client.TryCreateAccountAsync(allocation, Or(resource.Name, allocation), project, project, cancellationToken).ConfigureAwait(false))
            {
                case AccountCreation.Created:
                    return;
                case AccountCreation.Existed:
                    throw new DuplicateResourceException(allocation);
                case AccountCreation.ParentMissing when attempt == 1:
                    SlurmLog.ParentVanished(_logger, project, allocation);
                    _knownParents.Remove(project);
                    if (customer is not null)
                    {
                        _knownParents.Remove(customer);
                    }

                    break;
                default:
                    throw new BackendException(
                        $"Cannot create SLURM account {allocation}: its parent account {project} is missing on cluster {ClusterLabel} even after it was created again");
            }
        }
    }

    /// <summary>Refuses a resource whose customer or project slug is unset: the tree cannot be placed.</summary>
    private static void RequireSlugs(ResourceRequest resource)
    {
        if (string.IsNullOrWhiteSpace(resource.CustomerSlug) || string.IsNullOrWhiteSpace(resource.ProjectSlug))
        {
            throw new BackendException(
                $"Resource {resource.Uuid} has unset or missing slug fields. customer_slug: {SlurmNames.Quote(resource.CustomerSlug)}, " +
                $"project_slug: {SlurmNames.Quote(resource.ProjectSlug)}. Cannot create backend resources with invalid slug values.");
        }
    }

    /// <summary>Creates a customer or project account when its association is missing; an existing one is never changed.</summary>
    private async Task EnsureAccountAsync(string account, string description, string organization, string parent, CancellationToken cancellationToken)
    {
        // Customer and project accounts are shared by many orders of a cycle: check each once per instance.
        if (_knownParents.Contains(account))
        {
            return;
        }

        if (await Client.AccountExistsAsync(account, cancellationToken).ConfigureAwait(false))
        {
            SlurmLog.AccountExists(_logger, account);
            _knownParents.Add(account);
            return;
        }

        // "Nothing new added" here means another agent created it meanwhile: fine.
        if (await Client.CreateAccountAsync(account, description, organization, parent, cancellationToken).ConfigureAwait(false))
        {
            SlurmLog.AccountCreated(_logger, account, parent);
        }

        _knownParents.Add(account);
    }

    /// <summary>Collects the resource's limits, sets them, and returns the Waldur-unit map.</summary>
    private async Task<IReadOnlyDictionary<string, decimal>> ApplyLimitsAsync(
        string account, ResourceRequest resource, LimitReapplication reapplication, CancellationToken cancellationToken)
    {
        var limits = _limits.Collect(resource, out var datesMissing);
        if (datesMissing)
        {
            SlurmLog.PrepaidDatesMissing(_logger, resource.Uuid);
        }

        var backend = new Dictionary<string, long>(limits.Backend, StringComparer.Ordinal);
        if (reapplication == LimitReapplication.Restore)
        {
            foreach (var tres in ConfiguredTres().Where(t => !backend.ContainsKey(t)))
            {
                backend[tres] = -1;
            }
        }

        await SetBackendLimitsAsync(account, backend, cancellationToken).ConfigureAwait(false);
        return limits.Waldur;
    }

    // The TRES names the config's components map to (what soft deletion zeroes).
    private IEnumerable<string> ConfiguredTres() =>
        _limits.ToBackend(_context.Components.Where(c => !c.FromWaldurOnly).ToDictionary(c => c.Type, _ => 0m)).Keys;

    /// <summary>Sets the account's GrpTRESMins with keys the cluster does not know dropped (when the TRES list can be read); nothing to set → no command.</summary>
    private async Task SetBackendLimitsAsync(string account, IReadOnlyDictionary<string, long> limits, CancellationToken cancellationToken)
    {
        var known = await TryListTresAsync(cancellationToken).ConfigureAwait(false);
        var kept = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (tres, value) in limits)
        {
            if (known is null || known.Contains(tres))
            {
                kept[tres] = value;
            }
            else
            {
                SlurmLog.TresDropped(_logger, tres, account);
            }
        }

        if (kept.Count == 0)
        {
            SlurmLog.LimitsSkipped(_logger, account);
            return;
        }

        await Client.SetGrpTresMinsAsync(account, kept, cancellationToken).ConfigureAwait(false);
        SlurmLog.LimitsSet(_logger, account, string.Join(',', kept.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")));
    }

    // The cluster's TRES list changes only with slurm.conf, so one read per instance (one cycle) suffices.
    private async Task<HashSet<string>?> TryListTresAsync(CancellationToken cancellationToken)
    {
        if (_tres is not null)
        {
            return _tres.Count == 0 ? null : _tres;
        }

        try
        {
            var tres = await Client.ListTresAsync(cancellationToken).ConfigureAwait(false);
            _tresInOrder = tres;
            _tres = tres.ToHashSet(StringComparer.Ordinal);
            return _tres.Count == 0 ? null : _tres;
        }
        catch (BackendException)
        {
            return null;
        }
    }

    /// <summary>
    /// Waits until sacct shows no active job of the account (and user), up to <see cref="JobDrainTimeout"/>:
    /// scancel is asynchronous and sacctmgr refuses to remove associations with active jobs.
    /// </summary>
    private async Task WaitForJobsToEndAsync(string account, string? user, CancellationToken cancellationToken)
    {
        var started = _context.Time.GetTimestamp();
        while (true)
        {
            var active = await Client.ListActiveJobsAsync(account, user, cancellationToken).ConfigureAwait(false);
            if (active.Count == 0)
            {
                return;
            }

            var waited = _context.Time.GetElapsedTime(started);
            if (waited >= JobDrainTimeout)
            {
                SlurmLog.JobsStillActive(_logger, string.Join(',', active), account, (int)waited.TotalSeconds);
                return;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), _context.Time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Removes the project account when no other account lives under it. Checked in the tree on this
    /// cluster (removing a parent removes its whole sub-tree) and, without a cluster, also by the
    /// organization field, both ignoring case.
    /// </summary>
    /// <remarks>
    /// The reference compares SLURM's lower-cased organization with the generated project id, so a project
    /// id with capitals never matched and the project — with every allocation under it — was removed.
    /// With a cluster set, account records outlive their associations, so the
    /// organization field would keep every project forever; the tree is the truth there.
    /// <para>Checked and removed in one hold of the write lock: SLURM removes a parent with its whole
    /// sub-tree, so an allocation another agent process added between the check and the removal would be
    /// removed with the project while its order reports it created.</para>
    /// </remarks>
    private Task RemoveProjectIfUnusedAsync(string project, CancellationToken cancellationToken) =>
        Client.ExclusivelyAsync(() => RemoveProjectIfChildlessAsync(project, cancellationToken), cancellationToken);

    private async Task RemoveProjectIfChildlessAsync(string project, CancellationToken cancellationToken)
    {
        if (!await Client.AccountExistsAsync(project, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var users = (await Client.ListChildAccountsAsync(project, cancellationToken).ConfigureAwait(false))
            .Where(a => !a.Equals(project, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (_options.ClusterName is null)
        {
            users.AddRange((await Client.ListAccountsAsync(cancellationToken).ConfigureAwait(false))
                .Where(a => a.Organization.Equals(project, StringComparison.OrdinalIgnoreCase) && !a.Name.Equals(project, StringComparison.OrdinalIgnoreCase))
                .Select(a => a.Name));
        }

        if (users.Count > 0)
        {
            SlurmLog.ProjectAccountKept(_logger, project, string.Join(',', users.Distinct(StringComparer.Ordinal)));
            return;
        }

        ForgetParent(project);
        if (await Client.RemoveAccountAsync(project, cancellationToken).ConfigureAwait(false))
        {
            SlurmLog.AccountRemoved(_logger, project);
        }
    }

    private ResourceUsage ZeroUsage() => ResourceUsage.Zero(_context.Components.Select(c => c.Type));

    // A name that sanitises to nothing (only quotes or control characters) describes the account by its id.
    private static string Or(string text, string fallback) => SlurmNames.Description(text).Length == 0 ? fallback : text;
}
