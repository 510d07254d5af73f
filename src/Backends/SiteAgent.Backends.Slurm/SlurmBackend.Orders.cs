using SiteAgent.Backends.Model;

namespace SiteAgent.Backends.Slurm;

/// <summary>Order processing: create, update limits, delete, pull (slurm.md §7.1–7.4, §7.12).</summary>
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
        var report = await GetUsageReportAsync([resource.BackendId], cancellationToken).ConfigureAwait(false);
        var usage = report.Resources.GetValueOrDefault(resource.BackendId) ?? ZeroUsage();
        return new BackendResourceInfo { BackendId = resource.BackendId, Users = users, Usage = usage };
    }

    /// <inheritdoc />
    /// <remarks>One association read on the cluster (slurm.md §7.1), without the user list and usage a pull adds.</remarks>
    public async Task<bool> ExistsAsync(ResourceRequest resource, CancellationToken cancellationToken) =>
        !string.IsNullOrWhiteSpace(resource.BackendId)
        && await Client.AccountExistsAsync(SlurmNames.Account(resource.BackendId, "resource backend_id"), cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task<BackendResourceInfo> CreateResourceAsync(
        ResourceRequest resource, string backendId, UserContext userContext, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(resource.CustomerSlug) || string.IsNullOrWhiteSpace(resource.ProjectSlug))
        {
            throw new BackendException(
                $"Resource {resource.Uuid} has unset or missing slug fields. customer_slug: {SlurmNames.Quote(resource.CustomerSlug)}, " +
                $"project_slug: {SlurmNames.Quote(resource.ProjectSlug)}. Cannot create backend resources with invalid slug values.");
        }

        // Validate every id first: a refused value must not reach any command.
        var received = resource.BackendId.Equals(backendId, StringComparison.OrdinalIgnoreCase);
        var allocation = SlurmNames.Account(backendId, "resource backend_id", received ? SlurmNames.MaxAccountLength : SlurmNames.MaxNewAccountLength);
        var (customer, project) = ParentIds(resource);

        // Parents and allocation in one hold of the write lock, so that no other agent process removes
        // the project (its last allocation terminated) between our check and our add.
        await Client.ExclusivelyAsync(() => CreateUnderParentsAsync(resource, allocation, customer, project, cancellationToken), cancellationToken)
            .ConfigureAwait(false);

        SlurmLog.AccountCreated(_logger, allocation, project);

        // Side objects are keyed by the id actually created, and made after the account so that the
        // QoS attach has a target (slurm.md §7.2 step 3 quirk: the reference keys them by the slug).
        if (_options.QosManagement.Enabled)
        {
            await EnsureAllocationQosAsync(allocation, cancellationToken).ConfigureAwait(false);
        }

        var waldurLimits = await ApplyLimitsAsync(allocation, resource, cancellationToken).ConfigureAwait(false);
        if (_context.Common.EnableUserHomedirAccountCreation)
        {
            var usernames = userContext.OfferingUsers.Select(u => u.Username).Where(u => !string.IsNullOrWhiteSpace(u)).ToArray();
            await CreateHomeDirectoriesAsync(usernames, _context.Common.DefaultHomedirUmask, cancellationToken).ConfigureAwait(false);
        }

        return new BackendResourceInfo { BackendId = received ? backendId : allocation, Limits = waldurLimits };
    }

    /// <inheritdoc />
    public async Task<string?> SetResourceLimitsAsync(
        ResourceRequest resource, IReadOnlyDictionary<string, decimal> waldurLimits, CancellationToken cancellationToken)
    {
        var account = SlurmNames.Account(resource.BackendId, "resource backend_id");
        await SetBackendLimitsAsync(account, _limits.ToBackend(waldurLimits), cancellationToken).ConfigureAwait(false);
        return null;
    }

    /// <inheritdoc />
    /// <remarks>Collects limits from the resource (months for prepaid components) and sets them; used for prepaid updates, renewals and a RESTORE onto a soft-deleted account.</remarks>
    public async Task<IReadOnlyDictionary<string, decimal>> ApplyResourceLimitsAsync(ResourceRequest resource, CancellationToken cancellationToken)
    {
        var account = SlurmNames.Account(resource.BackendId, "resource backend_id");
        // Re-applying must also lift caps the resource does not have: a soft delete set every configured
        // component to 0, and a usage component without a configured limit would stay capped at 0.
        return await ApplyLimitsAsync(account, resource, cancellationToken, clearOthers: true).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<string?> DeleteResourceAsync(ResourceRequest resource, string projectSlug, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(resource.BackendId))
        {
            SlurmLog.AccountAbsent(_logger, "(no backend_id)", ClusterLabel, resource.Uuid);
            return null;
        }

        var account = SlurmNames.Account(resource.BackendId, "resource backend_id");
        var project = string.IsNullOrEmpty(projectSlug) ? null : SlurmNames.Account(_context.Common.ProjectPrefix + projectSlug, "project account id");
        if (!await Client.AccountExistsAsync(account, cancellationToken).ConfigureAwait(false))
        {
            SlurmLog.AccountAbsent(_logger, account, ClusterLabel, resource.Uuid);
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

        _knownParents.Remove(account);
        if (await Client.RemoveAccountAsync(account, cancellationToken).ConfigureAwait(false))
        {
            SlurmLog.AccountRemoved(_logger, account);
        }

        // After the account: while it exists the QoS is its DefaultQOS and SLURM refuses the removal.
        if (_options.QosManagement.Enabled)
        {
            await RemoveAllocationQosAsync(account, cancellationToken).ConfigureAwait(false);
        }

        if (project is not null && !project.Equals(account, StringComparison.Ordinal))
        {
            await RemoveProjectIfUnusedAsync(project, cancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    /// <summary>
    /// Creates missing customer and project accounts, then the allocation under the project. A parent known
    /// from earlier in this cycle may have been removed since by another process; sacctmgr then refuses the
    /// add, and the parents are checked and made again (still inside the caller's critical section).
    /// </summary>
    private async Task CreateUnderParentsAsync(ResourceRequest resource, string allocation, string? customer, string project, CancellationToken cancellationToken)
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
            switch (await Client.TryCreateAccountAsync(allocation, resource.Name, project, project, cancellationToken).ConfigureAwait(false))
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

    /// <summary>Customer (null in flat mode) and project account ids of a resource, validated as new ids.</summary>
    private (string? Customer, string Project) ParentIds(ResourceRequest resource)
    {
        var project = SlurmNames.Account(_context.Common.ProjectPrefix + resource.ProjectSlug, "project account id", SlurmNames.MaxNewAccountLength);
        var customer = _options.ParentAccount is null
            ? SlurmNames.Account(_context.Common.CustomerPrefix + resource.CustomerSlug, "customer account id", SlurmNames.MaxNewAccountLength)
            : null;
        return (customer, project);
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
        string account, ResourceRequest resource, CancellationToken cancellationToken, bool clearOthers = false)
    {
        var limits = _limits.Collect(resource, out var datesMissing);
        if (datesMissing)
        {
            SlurmLog.PrepaidDatesMissing(_logger, resource.Uuid);
        }

        var backend = new Dictionary<string, long>(limits.Backend, StringComparer.Ordinal);
        if (clearOthers)
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

    /// <summary>W3 with keys the cluster does not know dropped (when the TRES list can be read); nothing to set → no command.</summary>
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
    /// id with capitals never matched and the project — with every allocation under it — was removed
    /// (slurm.md §7.4 quirk). With a cluster set, account records outlive their associations, so the
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

        _knownParents.Remove(project);
        if (await Client.RemoveAccountAsync(project, cancellationToken).ConfigureAwait(false))
        {
            SlurmLog.AccountRemoved(_logger, project);
        }
    }

    private ResourceUsage ZeroUsage() => ResourceUsage.Zero(_context.Components.Select(c => c.Type));

    private static string Or(string text, string fallback) => string.IsNullOrWhiteSpace(text) ? fallback : text;
}
